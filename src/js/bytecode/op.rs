//! The opcode table: every bytecode instruction with its operand kinds. The encoding is an
//! opcode byte followed by the operands in order, little-endian, with no padding:
//! `R` register (u8), `U` u8 immediate, `I` i8 immediate, `K` constant index (u16),
//! `A` atom id (u32), `C` inline-cache index (u16), `J` jump offset (i32, relative to the
//! start of the instruction).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    R,
    U,
    I,
    K,
    A,
    C,
    J,
}

impl Kind {
    pub const fn size(self) -> usize {
        match self {
            Kind::R | Kind::U | Kind::I => 1,
            Kind::K | Kind::C => 2,
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
    PushContext(U),
    PopContext(),
    CopyContext(),
    GetEnv(R),
    SetEnv(R),
    LoadContextSlot(R, U, U),
    StoreContextSlot(R, U, U),
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
}

impl Op {
    pub fn from_u8(b: u8) -> Option<Op> {
        ALL.get(b as usize).copied()
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
}

/// Operand offsets: `OFFSETS[op][i]` is operand i's byte offset from the opcode byte.
pub fn operand_offset(op: Op, i: usize) -> usize {
    1 + op.operands()[..i].iter().map(|k| k.size()).sum::<usize>()
}
