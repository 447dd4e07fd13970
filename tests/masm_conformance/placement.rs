//! Rows on where operands live rather than what they hold: every placement of destination and
//! operands over the registers templates may keep values in (distinct, `dst = a`, `dst = b`,
//! `a = b`, all one register), with every other such register checked unchanged afterwards.
//! A back end whose instructions use fixed registers (x86's `cl` shift counts, `rdx:rax`
//! division) must keep whichever register the operation's operands are assigned to, and
//! whatever the others hold. Also: 32-bit results written onto their own operand, which
//! must still be zero-extended (shift counts of 0 and 32, negation, extension).

use super::*;

/// The registers a template may hold values in across an operation.
const LIVE: [Reg; 10] = [
    Reg(0),
    Reg(1),
    Reg(2),
    Reg(3),
    Reg(4),
    Reg(5),
    Reg(6),
    Reg(7),
    Reg::T0,
    Reg::T1,
];

/// The value register `LIVE[i]` holds while it is not an operand.
fn canary(i: usize) -> u64 {
    0x5a00_0000_0000_0000 | ((i as u64 + 1) * 0x0101_0101)
}

/// (dst, a, b) as offsets into [`LIVE`] from a rotation: the five ways they can coincide.
const PATTERNS: [(&str, [usize; 3]); 5] = [
    ("distinct", [0, 1, 2]),
    ("dst = a", [0, 0, 1]),
    ("dst = b", [0, 1, 0]),
    ("a = b", [0, 1, 1]),
    ("dst = a = b", [0, 0, 0]),
];

/// An operation on (dst, a, b) registers.
type Op<M> = Rc<dyn Fn(&mut M, Reg, Reg, Reg) -> MasmResult>;

/// One row: `op` at every rotation of `pattern` over [`LIVE`]; R = 0 if every rotation left
/// `want(a, b)` in dst and every other register as it was, else `0xbad000 + 0x100 ·
/// rotation + index` of the first wrong register.
fn placement_row<M: LeafBackend + 'static>(
    what: &str,
    pattern: (&str, [usize; 3]),
    (a, b): (u64, u64),
    want: fn(u64, u64) -> u64,
    op: Op<M>,
) -> Row<M> {
    let (name, [od, oa, ob]) = pattern;
    let b = if oa == ob { a } else { b };
    row(
        format!("placement {what}, {name}"),
        0,
        0,
        0,
        Box::new(move |m: &mut M| {
            let (done, mut fails) = (m.new_label(), Vec::new());
            for k in 0..LIVE.len() {
                let at = |o: usize| (k + o) % LIVE.len();
                let (id, ia, ib) = (at(od), at(oa), at(ob));
                for (i, &r) in LIVE.iter().enumerate() {
                    m.mov(r, imm(canary(i)), S64);
                }
                m.mov(LIVE[ia], imm(a), S64);
                m.mov(LIVE[ib], imm(b), S64);
                op(m, LIVE[id], LIVE[ia], LIVE[ib])?;
                for (i, &r) in LIVE.iter().enumerate() {
                    let expect = if i == id {
                        want(a, b)
                    } else if i == ia {
                        a
                    } else if i == ib {
                        b
                    } else {
                        canary(i)
                    };
                    let fail = m.new_label();
                    m.branch(IntCond::Ne, r, imm(expect), fail, S64);
                    fails.push((fail, 0xbad000 + 0x100 * k as u64 + i as u64));
                }
            }
            m.mov(R, imm(0), S64);
            m.jump(done);
            for (fail, code) in fails {
                m.bind(fail)?;
                m.mov(R, imm(code), S64);
                m.jump(done);
            }
            m.bind(done)
        }),
    )
}

/// `op` of the low `size` bits, the result zero-extended.
fn int_ref(op: IntOp, size: Size, a: u64, b: u64) -> u64 {
    let bits = size.bits();
    let mask = if bits == 32 { M1_32 } else { M1 };
    let (a, b) = (a & mask, b & mask);
    let n = b as u32 & (bits - 1);
    let signed = if bits == 32 {
        a as u32 as i32 as i64
    } else {
        a as i64
    };
    let r = match op {
        IntOp::Add => a.wrapping_add(b),
        IntOp::Sub => a.wrapping_sub(b),
        IntOp::Mul => a.wrapping_mul(b),
        IntOp::And => a & b,
        IntOp::Or => a | b,
        IntOp::Xor => a ^ b,
        IntOp::Shl => a << n,
        IntOp::ShrS => (signed >> n) as u64,
        IntOp::ShrU => a >> n,
        IntOp::Rotl if bits == 32 => (a as u32).rotate_left(n) as u64,
        IntOp::Rotr if bits == 32 => (a as u32).rotate_right(n) as u64,
        IntOp::Rotl => a.rotate_left(n),
        IntOp::Rotr => a.rotate_right(n),
    };
    r & mask
}

/// `op` of the low `size` bits (no zero divisor, no `MIN / -1`), zero-extended.
fn div_ref(op: DivOp, size: Size, a: u64, b: u64) -> u64 {
    match size {
        S32 => {
            let (x, y) = (a as u32, b as u32);
            (match op {
                DivOp::DivS => (x as i32).wrapping_div(y as i32) as u32,
                DivOp::DivU => x / y,
                DivOp::RemS => (x as i32).wrapping_rem(y as i32) as u32,
                DivOp::RemU => x % y,
            }) as u64
        }
        S64 => match op {
            DivOp::DivS => (a as i64).wrapping_div(b as i64) as u64,
            DivOp::DivU => a / b,
            DivOp::RemS => (a as i64).wrapping_rem(b as i64) as u64,
            DivOp::RemU => a % b,
        },
    }
}

/// `op` of the low `size` bits, zero-extended.
fn unary_ref(op: UnaryOp, size: Size, a: u64) -> u64 {
    match (op, size) {
        (UnaryOp::Neg, S32) => (a as u32).wrapping_neg() as u64,
        (UnaryOp::Neg, S64) => a.wrapping_neg(),
        (UnaryOp::Not, S32) => !(a as u32) as u64,
        (UnaryOp::Not, S64) => !a,
        (UnaryOp::Clz, S32) => (a as u32).leading_zeros() as u64,
        (UnaryOp::Clz, S64) => a.leading_zeros() as u64,
        (UnaryOp::Ctz, S32) => (a as u32).trailing_zeros() as u64,
        (UnaryOp::Ctz, S64) => a.trailing_zeros() as u64,
        (UnaryOp::Popcnt, S32) => (a as u32).count_ones() as u64,
        (UnaryOp::Popcnt, S64) => a.count_ones() as u64,
    }
}

/// Inputs with the upper half of a 32-bit operand set, so a 32-bit operation must ignore it.
const A_IN: u64 = 0xdead_beef_ffff_fff9;
const B_IN: u64 = 0x1234_5678_0000_0024;

pub fn placement_rows<M: LeafBackend + 'static>() -> Vec<Row<M>> {
    let mut rows = Vec::new();
    // Operations and their references, as functions of (a, b): one closure per op and size
    // (plain `fn` pointers, so each is spelled out through a small table).
    macro_rules! each {
        ($what:expr, $want:expr, $op:expr) => {
            for pattern in PATTERNS {
                rows.push(placement_row::<M>(
                    &$what,
                    pattern,
                    (A_IN, B_IN),
                    $want,
                    Rc::new($op),
                ));
            }
        };
    }
    macro_rules! sizes {
        (|$size:ident| $body:block) => {{
            {
                const $size: Size = S32;
                $body
            }
            {
                const $size: Size = S64;
                $body
            }
        }};
    }
    macro_rules! int_ops {
        ($($op:ident),*) => {$(
            sizes!(|SIZE| {
                each!(
                    format!("int_op {:?} {SIZE:?} reg", IntOp::$op),
                    |a, b| int_ref(IntOp::$op, SIZE, a, b),
                    |m: &mut M, d, a, b| m.int_op(IntOp::$op, d, a, b.into(), SIZE)
                );
            });
        )*};
    }
    macro_rules! div_ops {
        ($($op:ident),*) => {$(
            sizes!(|SIZE| {
                each!(
                    format!("div_op {:?} {SIZE:?}", DivOp::$op),
                    |a, b| div_ref(DivOp::$op, SIZE, a, b),
                    |m: &mut M, d, a, b| {
                        m.div_op(DivOp::$op, d, a, b, SIZE);
                        Ok(())
                    }
                );
            });
        )*};
    }
    macro_rules! unary_ops {
        ($($op:ident),*) => {$(
            sizes!(|SIZE| {
                each!(
                    format!("unary_op {:?} {SIZE:?}", UnaryOp::$op),
                    |a, _| unary_ref(UnaryOp::$op, SIZE, a),
                    |m: &mut M, d, a, _| {
                        m.unary_op(UnaryOp::$op, d, a, SIZE);
                        Ok(())
                    }
                );
            });
        )*};
    }
    int_ops!(Sub, Mul, Shl, ShrS, ShrU, Rotl, Rotr);
    div_ops!(DivS, DivU, RemS, RemU);
    unary_ops!(Clz, Ctz, Popcnt, Neg);
    sizes!(|SIZE| {
        each!(
            format!("checked_op Sub {SIZE:?}"),
            |a, b| int_ref(IntOp::Sub, SIZE, a, b),
            |m: &mut M, d, a, b| {
                let (over, done) = (m.new_label(), m.new_label());
                m.checked_op(CheckedOp::Sub, d, a, b.into(), SIZE, over);
                m.jump(done);
                m.bind(over)?;
                m.mov(d, imm(EXIT), S64);
                m.bind(done)
            }
        );
    });
    rows.extend(zero_extension_rows());
    rows
}

/// 32-bit operations written onto their own operand, whose upper half is set: the result
/// is zero-extended all the same (read back with a 64-bit move).
fn zero_extension_rows<M: LeafBackend + 'static>() -> Vec<Row<M>> {
    use IntOp::*;
    let a = 0xdead_beef_8000_0001;
    let mut rows = Vec::new();
    for op in [Shl, ShrS, ShrU, Rotl, Rotr, Add, And] {
        for count in [0u64, 32] {
            let want = int_ref(op, S32, a, count);
            rows.push(row(
                format!("int_op {op:?} S32 onto its operand, reg {count}"),
                a,
                count,
                want,
                Box::new(move |m: &mut M| {
                    m.int_op(op, A, A, B.into(), S32)?;
                    m.mov(R, A.into(), S64);
                    Ok(())
                }),
            ));
            rows.push(row(
                format!("int_op {op:?} S32 onto its operand, imm {count}"),
                a,
                0,
                want,
                Box::new(move |m: &mut M| {
                    m.int_op(op, A, A, imm(count), S32)?;
                    m.mov(R, A.into(), S64);
                    Ok(())
                }),
            ));
        }
    }
    for op in [UnaryOp::Neg, UnaryOp::Not, UnaryOp::Clz, UnaryOp::Popcnt] {
        rows.push(row(
            format!("unary_op {op:?} S32 onto its operand"),
            a,
            0,
            unary_ref(op, S32, a),
            Box::new(move |m: &mut M| {
                m.unary_op(op, A, A, S32);
                m.mov(R, A.into(), S64);
                Ok(())
            }),
        ));
    }
    rows.push(row(
        "extend W32 unsigned S64 onto its operand",
        a,
        0,
        a & M1_32,
        Box::new(|m: &mut M| {
            m.extend(A, A, Width::W32, false, S64);
            m.mov(R, A.into(), S64);
            Ok(())
        }),
    ));
    rows.push(row(
        "mov S32 onto itself",
        a,
        0,
        a & M1_32,
        Box::new(|m: &mut M| {
            m.mov(A, A.into(), S32);
            m.mov(R, A.into(), S64);
            Ok(())
        }),
    ));
    rows
}
