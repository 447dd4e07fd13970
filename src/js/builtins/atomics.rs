//! The `Atomics` object (ECMA-262 2025 §25.4) over integer typed arrays. kiln runs a single
//! agent, so every operation is trivially atomic: each is a read-modify-write of the element's
//! little-endian bytes, done as wrapping arithmetic on its bit pattern. `wait` on a matching
//! value sleeps for its timeout (no other agent can notify it: an endless wait is refused
//! with a TypeError instead of hanging); `waitAsync` waiters are woken by `notify` or their
//! timeout (`atomics_wait_async`).

use super::arg;
use super::array_buffer::to_index;
use crate::js::typed::{Kind, decode};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm};

/// The read-modify-write operations (§25.4.3–25.4.14).
#[derive(Clone, Copy)]
enum Rmw {
    Add,
    And,
    Exchange,
    Or,
    Sub,
    Xor,
}

/// An element's place: the typed array, its kind and the element's byte index in the buffer.
struct Access {
    ta: Value,
    kind: Kind,
    at: usize,
}

/// ValidateIntegerTypedArray (§25.4.3.1) then ValidateAtomicAccess (§25.4.3.2).
fn validate(vm: &mut Vm, a: &CallArgs, waitable: bool) -> JsResult<Access> {
    let ta = arg(vm, a, 0);
    let (kind, len) = vm.validate_ta(ta, "Atomics operation")?;
    let ok = if waitable {
        matches!(kind, Kind::Int32 | Kind::BigInt64)
    } else {
        !matches!(
            kind,
            Kind::Uint8Clamped | Kind::Float16 | Kind::Float32 | Kind::Float64
        )
    };
    if !ok {
        let d = vm.inspect(ta);
        return Err(vm.throw_type_error(&format!("{d} is not an integer shared typed array.")));
    }
    let i = to_index(vm, arg(vm, a, 1), "atomic access index")?;
    if i >= len {
        return Err(vm.throw_range_error("Invalid atomic access index"));
    }
    let at = vm.view_offset(ta) + i * kind.size();
    Ok(Access { ta, kind, at })
}

/// RevalidateAtomicAccess (§25.4.3.3): the value's conversion may have detached or shrunk
/// the buffer.
fn revalidate(vm: &mut Vm, x: &Access) -> JsResult<()> {
    let Some(len) = vm.ta_length(x.ta) else {
        return Err(
            vm.throw_type_error("Cannot perform Atomics operation on a detached ArrayBuffer")
        );
    };
    if x.at + x.kind.size() > vm.view_offset(x.ta) + len * x.kind.size() {
        return Err(vm.throw_range_error("Invalid atomic access index"));
    }
    Ok(())
}

/// The element's bytes as an unsigned bit pattern.
fn load_bits(vm: &Vm, x: &Access) -> u64 {
    let b = &vm.buf_data(vm.view_buffer(x.ta)).bytes[x.at..x.at + x.kind.size()];
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(w)
}

fn store_bits(vm: &mut Vm, x: &Access, bits: u64) {
    let buf = vm.view_buffer(x.ta);
    let n = x.kind.size();
    vm.buf_data_mut(buf).bytes[x.at..x.at + n].copy_from_slice(&bits.to_le_bytes()[..n]);
}

/// The element value a bit pattern decodes to (a BigInt for the BigInt kinds).
fn value_of(vm: &mut Vm, kind: Kind, bits: u64) -> Value {
    if kind.is_bigint() {
        return vm.bigint_from_bits(bits, kind == Kind::BigInt64);
    }
    Value::number(decode(kind, &bits.to_le_bytes()))
}

/// An operand converted for the element kind, and its bit pattern modulo 2^64: ToBigInt for
/// the BigInt kinds, else ToIntegerOrInfinity (+0 for -0).
fn operand(vm: &mut Vm, kind: Kind, v: Value) -> JsResult<(Value, u64)> {
    if kind.is_bigint() {
        let b = vm.to_bigint(v)?;
        let bits = vm.to_bigint64_bits(b)?;
        return Ok((b, bits));
    }
    let (n, bits) = int_operand(vm, v)?;
    Ok((Value::number(n), bits))
}

fn int_operand(vm: &mut Vm, v: Value) -> JsResult<(f64, u64)> {
    let n = vm.to_number(v)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() + 0.0 };
    let bits = if !n.is_finite() {
        0
    } else if n.abs() < 9.2e18 {
        n as i64 as u64 // exact: n is an integer of fewer than 64 bits
    } else {
        n.rem_euclid(18446744073709551616.0) as u64
    };
    Ok((n, bits))
}

fn rmw(vm: &mut Vm, a: &CallArgs, op: Rmw) -> JsResult<Value> {
    let x = validate(vm, a, false)?;
    let (_, v) = operand(vm, x.kind, arg(vm, a, 2))?;
    revalidate(vm, &x)?;
    let old = load_bits(vm, &x);
    let new = match op {
        Rmw::Add => old.wrapping_add(v),
        Rmw::And => old & v,
        Rmw::Exchange => v,
        Rmw::Or => old | v,
        Rmw::Sub => old.wrapping_sub(v),
        Rmw::Xor => old ^ v,
    };
    store_bits(vm, &x, new);
    Ok(value_of(vm, x.kind, old))
}

macro_rules! rmw_fns {
    ($($name:ident $op:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                rmw(vm, a, Rmw::$op)
            }
        )*
    };
}
rmw_fns! {
    add Add;
    and And;
    exchange Exchange;
    or Or;
    sub Sub;
    xor Xor;
}

/// `Atomics.compareExchange(ta, index, expected, replacement)` (§25.4.5).
fn compare_exchange(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = validate(vm, a, false)?;
    let (_, expected) = operand(vm, x.kind, arg(vm, a, 2))?;
    let (_, replacement) = operand(vm, x.kind, arg(vm, a, 3))?;
    revalidate(vm, &x)?;
    let old = load_bits(vm, &x);
    let mask = u64::MAX >> (64 - 8 * x.kind.size());
    if old == expected & mask {
        store_bits(vm, &x, replacement);
    }
    Ok(value_of(vm, x.kind, old))
}

/// `Atomics.load(ta, index)` (§25.4.9).
fn load(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = validate(vm, a, false)?;
    revalidate(vm, &x)?;
    let bits = load_bits(vm, &x);
    Ok(value_of(vm, x.kind, bits))
}

/// `Atomics.store(ta, index, value)` (§25.4.12): returns the converted value.
fn store(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = validate(vm, a, false)?;
    let (v, bits) = operand(vm, x.kind, arg(vm, a, 2))?;
    revalidate(vm, &x)?;
    store_bits(vm, &x, bits);
    Ok(v)
}

/// `Atomics.isLockFree(size)` (§25.4.8): kiln's atomics of 1, 2, 4 and 8 bytes are lock-free.
fn is_lock_free(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let n = vm.to_integer(arg(vm, a, 0))?;
    Ok(Value::bool(
        matches!(n as i64, 1 | 2 | 4 | 8) && n.fract() == 0.0,
    ))
}

/// `Atomics.wait(ta, index, value, timeout)` (§25.4.15, DoWait in sync mode).
fn wait(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    do_wait(vm, a, false)
}

/// `Atomics.waitAsync(ta, index, value, timeout)` (§25.4.14, DoWait in async mode).
fn wait_async(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    do_wait(vm, a, true)
}

/// DoWait (§25.4.3.14): the checks and conversions both modes share, then a sync sleep or
/// an async waiter.
fn do_wait(vm: &mut Vm, a: &CallArgs, is_async: bool) -> JsResult<Value> {
    let x = validate(vm, a, true)?;
    let buf = vm.view_buffer(x.ta);
    if !vm.is_shared_buffer(buf) {
        let d = vm.inspect(x.ta);
        return Err(vm.throw_type_error(&format!("{d} is not a shared typed array.")));
    }
    let v = if x.kind.is_bigint() {
        operand(vm, x.kind, arg(vm, a, 2))?.1
    } else {
        let n = vm.to_number(arg(vm, a, 2))?;
        crate::js::interp::convert::to_int32(n) as u32 as u64
    };
    let q = vm.to_number(arg(vm, a, 3))?;
    let t = if q.is_nan() {
        f64::INFINITY
    } else {
        q.max(0.0)
    };
    let w = load_bits(vm, &x);
    if is_async {
        return Ok(if w != v {
            super::atomics_wait_async::settled(vm, "not-equal")
        } else if t == 0.0 {
            super::atomics_wait_async::settled(vm, "timed-out")
        } else {
            vm.atomics_wait_async(buf, x.at, t)
        });
    }
    if w != v {
        return Ok(vm.new_str("not-equal"));
    }
    if !t.is_finite() {
        return Err(vm.throw_type_error(
            "Atomics.wait would wait forever: no other agent can notify this one",
        ));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(t / 1000.0));
    Ok(vm.new_str("timed-out"))
}

/// `Atomics.notify(ta, index, count)` (§25.4.11): wakes this agent's `waitAsync` waiters
/// (no other agent exists to wait synchronously).
fn notify(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = validate(vm, a, true)?;
    let c = arg(vm, a, 2);
    let count = if c.is_undefined() {
        f64::INFINITY
    } else {
        vm.to_integer(c)?.max(0.0)
    };
    let buf = vm.view_buffer(x.ta);
    if !vm.is_shared_buffer(buf) {
        return Ok(Value::int(0));
    }
    Ok(Value::number(vm.atomics_notify(buf, x.at, count) as f64))
}

/// `Atomics.pause(N)` (ES2026 §25.4.10): a spin-wait hint; N must be an integral Number.
fn pause(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let n = arg(vm, a, 0);
    if !n.is_undefined() && (!n.is_number() || n.as_number().fract() != 0.0) {
        return Err(vm.throw_type_error("Atomics.pause argument must be undefined or an integer"));
    }
    std::hint::spin_loop();
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm) {
    let o = vm.new_object();
    let g = vm.global;
    vm.put(g, "Atomics", o, crate::js::shape::HIDDEN);
    let fns: &[(&'static str, NativeFn, u32)] = &[
        ("add", add, 3),
        ("and", and, 3),
        ("compareExchange", compare_exchange, 4),
        ("exchange", exchange, 3),
        ("isLockFree", is_lock_free, 1),
        ("load", load, 2),
        ("or", or, 3),
        ("store", store, 3),
        ("sub", sub, 3),
        ("wait", wait, 4),
        ("waitAsync", wait_async, 4),
        ("notify", notify, 3),
        ("xor", xor, 3),
        ("pause", pause, 0),
    ];
    for &(n, f, l) in fns {
        vm.method(o, n, f, l);
    }
    super::to_string_tag(vm, o, "Atomics");
}
