//! The opcode table: every bytecode instruction with its operand kinds. The encoding is an
//! opcode byte followed by the operands in order, little-endian, with no padding:
//! `R` register (u16, so a frame may have up to 65535 registers), `U` u8 immediate, `W` u16
//! immediate, `I` i8 immediate, `K` constant index (u16),
//! `A` atom id (u32), `C` inline-cache index (u16), `J` jump offset (i32, relative to the
//! start of the instruction).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    R,
    U,
    /// A u16 immediate (context slot counts and indices).
    W,
    I,
    K,
    A,
    C,
    J,
}

impl Kind {
    pub const fn size(self) -> usize {
        match self {
            Kind::U | Kind::I => 1,
            Kind::R | Kind::K | Kind::C | Kind::W => 2,
            Kind::A | Kind::J => 4,
        }
    }
}

macro_rules! opcodes {
    ($($name:ident ( $($k:ident),* ) ),* $(,)?) => {
        /// Bytecode opcodes.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Op { $($name),* }
        /// Operand kinds per opcode.
        pub const OPERANDS: &[&[Kind]] = &[ $( &[$(Kind::$k),*] ),* ];
        /// Encoded length in bytes of each opcode (opcode byte + operands).
        pub const LENGTHS: &[u8] = &[ $( 1 $( + Kind::$k.size() as u8 )* ),* ];
        /// Opcode names (for the disassembler).
        pub const NAMES: &[&str] = &[ $(stringify!($name)),* ];
        const ALL: &[Op] = &[ $(Op::$name),* ];
    };
}

opcodes! {
    Nop(),
    LoadConst(R, K),
    LoadInt8(R, I),
    LoadUndefined(R),
    LoadNull(R),
    LoadTrue(R),
    LoadFalse(R),
    LoadEmpty(R),
    Move(R, R),
    Add(R, R, R),
    Sub(R, R, R),
    Mul(R, R, R),
    Div(R, R, R),
    Rem(R, R, R),
    Exp(R, R, R),
    BitAnd(R, R, R),
    BitOr(R, R, R),
    BitXor(R, R, R),
    Shl(R, R, R),
    Shr(R, R, R),
    UShr(R, R, R),
    Eq(R, R, R),
    NotEq(R, R, R),
    StrictEq(R, R, R),
    StrictNotEq(R, R, R),
    LessThan(R, R, R),
    LessEq(R, R, R),
    GreaterThan(R, R, R),
    GreaterEq(R, R, R),
    InstanceOf(R, R, R),
    In(R, R, R),
    Neg(R, R),
    BitNot(R, R),
    Not(R, R),
    ToNumber(R, R),
    ToNumeric(R, R),
    ToString(R, R),
    TypeOf(R, R),
    Inc(R, R),
    Dec(R, R),
    Jump(J),
    JumpIfTrue(R, J),
    JumpIfFalse(R, J),
    JumpIfNullish(R, J),
    JumpIfNotNullish(R, J),
    JumpIfUndefined(R, J),
    JumpIfNotUndefined(R, J),
    LoopHint(),
    LoadGlobal(R, A, C),
    StoreGlobal(R, A, C),
    TypeOfGlobal(R, A),
    GetPropertyByName(R, R, A, C),
    SetPropertyByName(R, A, R, C),
    GetElement(R, R, R),
    SetElement(R, R, R),
    DefineField(R, A, R),
    DefineElement(R, R, R),
    DefineMethod(R, R, R),
    DefineGetter(R, R, R, U),
    DefineSetter(R, R, R, U),
    DeleteProperty(R, R, R),
    NewObject(R),
    NewArray(R),
    ArrayPush(R, R),
    ArrayPushHole(R),
    ArraySpread(R, R),
    CopyDataProperties(R, R),
    ObjectRest(R, R, R, U),
    CreateClosure(R, K),
    CreateClass(R, K, R, U),
    SetClassFields(R, R),
    SetFunctionName(R, R),
    LoadThis(R),
    BindThis(R),
    LoadCallee(R),
    LoadNewTarget(R),
    PushContext(W),
    PopContext(),
    CopyContext(),
    GetEnv(R),
    SetEnv(R),
    LoadContextSlot(R, U, W),
    StoreContextSlot(R, U, W),
    ThrowIfEmpty(R, A),
    ThrowConstAssign(A),
    Call(R, R, R, U, C),
    CallMethod(R, R, R, U, C),
    CallSpread(R, R, R, R),
    New(R, R, R, U, C),
    NewSpread(R, R, R),
    SuperCall(R, R, U),
    SuperCallSpread(R, R),
    GetSuperProperty(R, R),
    Return(R),
    Throw(R),
    GetIterator(R, R),
    IteratorNext(R, R, J),
    ForInPrepare(R, R),
    ForInNext(R, R, J),
    GeneratorCreate(R),
    Suspend(R, R, R, U),
    YieldDelegate(R, R, R, J),
    IteratorClose(R, U),
    RequireObjectCoercible(R),
    WithHas(R, R, A),
    AsyncCreate(R),
    AsyncSettle(R, R, R, U),
    GetAsyncIterator(R, R),
    AsyncIterStep(R, R, J),
    RequireObject(R),
    YieldDelegateCall(R, R, R, J),
    IterResultValue(R, R, J),
    DirectEval(R, R, R, U, K, U),
    CreateRegExp(R, K, K),
    LoadImport(R, K),
    DynamicImport(R, R),
    ToPropertyKey(R, R),
    NewPrivateName(R, K, K),
    PrivateMethod(R, R, R, U),
    DefinePrivate(R, R, R),
    AddPrivateMethod(R, R),
    GetPrivate(R, R, R),
    SetPrivate(R, R, R),
    HasPrivate(R, R, R),
    SetHomeObject(R, R),
    DefineClassField(R, R, R),
}

impl Op {
    pub fn from_u8(b: u8) -> Option<Op> {
        ALL.get(b as usize).copied()
    }
    /// The op with opcode byte `b`, for the interpreter's hot loop.
    ///
    /// # Safety
    /// `b` must be a valid opcode (`Op::from_u8(b).is_some()`), as every opcode byte of a
    /// verified `FunctionCode` is (`FunctionCode::verify`).
    #[inline(always)]
    pub unsafe fn from_u8_unchecked(b: u8) -> Op {
        debug_assert!((b as usize) < ALL.len());
        // SAFETY: `Op` is `repr(u8)` with implicit discriminants 0..ALL.len(), and the caller
        // guarantees `b` is below ALL.len().
        unsafe { std::mem::transmute::<u8, Op>(b) }
    }
    pub fn operands(self) -> &'static [Kind] {
        OPERANDS[self as usize]
    }
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }
    /// Encoded length in bytes (opcode + operands).
    #[inline]
    pub fn encoded_len(self) -> usize {
        LENGTHS[self as usize] as usize
    }
    /// [`Op::encoded_len`] in constant expressions.
    pub const fn encoded_len_const(self) -> usize {
        LENGTHS[self as usize] as usize
    }
}

/// Operand `i`'s byte offset from the opcode byte (a `const fn`, so the interpreter's
/// operand reads compile to fixed offsets).
pub const fn operand_offset(op: Op, i: usize) -> usize {
    let kinds = OPERANDS[op as usize];
    let mut at = 1;
    let mut j = 0;
    while j < i {
        at += kinds[j].size();
        j += 1;
    }
    at
}

/// The most operands an op has.
const MAX_OPERANDS: usize = 6;

/// [`operand_offset`] of every op and operand, for the run-time decoders below (one load
/// instead of a walk over the operand kinds).
const OFFSETS: [[u8; MAX_OPERANDS]; ALL.len()] = {
    let mut t = [[0u8; MAX_OPERANDS]; ALL.len()];
    let mut o = 0;
    while o < ALL.len() {
        let kinds = OPERANDS[o];
        assert!(kinds.len() <= MAX_OPERANDS);
        let mut j = 0;
        while j < kinds.len() {
            t[o][j] = operand_offset(ALL[o], j) as u8;
            j += 1;
        }
        o += 1;
    }
    t
};

/// Operand `i` of the op at `pc` of `code`, zero-extended (sign-extended for `I` and `J`),
/// decoded by its kind: the one decoder for everything but the interpreter's hot loop.
pub fn operand(code: &[u8], pc: usize, op: Op, i: usize) -> i64 {
    let at = pc + OFFSETS[op as usize][i] as usize;
    match op.operands()[i] {
        Kind::U => super::rd_u8(code, at) as i64,
        Kind::I => super::rd_i8(code, at) as i64,
        Kind::R | Kind::K | Kind::C | Kind::W => super::rd_u16(code, at) as i64,
        Kind::A => super::rd_u32(code, at) as i64,
        Kind::J => super::rd_i32(code, at) as i64,
    }
}

/// Register operand `i` of the op at `pc` of `code`.
pub fn reg(code: &[u8], pc: usize, op: Op, i: usize) -> usize {
    debug_assert_eq!(op.operands()[i], Kind::R, "{op:?} operand {i}");
    super::rd_u16(code, pc + OFFSETS[op as usize][i] as usize) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operand_offsets_and_lengths() {
        // (op, operand offsets, encoded length): registers take two bytes.
        let rows: &[(Op, &[usize], usize)] = &[
            (Op::Move, &[1, 3], 5),
            (Op::LoadInt8, &[1, 3], 4),
            (Op::LoadConst, &[1, 3], 5),
            (Op::Add, &[1, 3, 5], 7),
            (Op::GetPropertyByName, &[1, 3, 5, 9], 11),
            (Op::SetPropertyByName, &[1, 3, 7, 9], 11),
            (Op::Call, &[1, 3, 5, 7, 8], 10),
            (Op::JumpIfTrue, &[1, 3], 7),
            (Op::LoadContextSlot, &[1, 3, 4], 6),
            (Op::Jump, &[1], 5),
        ];
        for &(op, offsets, len) in rows {
            let got: Vec<usize> = (0..offsets.len()).map(|i| operand_offset(op, i)).collect();
            assert_eq!((got.as_slice(), op.encoded_len()), (offsets, len), "{op:?}");
            assert_eq!(op.encoded_len_const(), len, "{op:?}");
        }
    }

    #[test]
    fn operands_decode_by_kind() {
        // Call r300, r65534, r256, 3 args, ic 0x0102; then JumpIfTrue r511, -7.
        let mut code = vec![
            Op::Call as u8,
            0x2c,
            0x01,
            0xfe,
            0xff,
            0x00,
            0x01,
            3,
            0x02,
            0x01,
        ];
        code.extend([Op::JumpIfTrue as u8, 0xff, 0x01]);
        code.extend((-7i32).to_le_bytes());
        let rows: &[(usize, Op, usize, i64)] = &[
            (0, Op::Call, 0, 300),
            (0, Op::Call, 1, 65534),
            (0, Op::Call, 2, 256),
            (0, Op::Call, 3, 3),
            (0, Op::Call, 4, 0x0102),
            (10, Op::JumpIfTrue, 0, 511),
            (10, Op::JumpIfTrue, 1, -7),
        ];
        for &(pc, op, i, want) in rows {
            assert_eq!(operand(&code, pc, op, i), want, "{op:?} operand {i}");
            if op.operands()[i] == Kind::R {
                assert_eq!(reg(&code, pc, op, i) as i64, want, "{op:?} register {i}");
            }
        }
    }
}
