//! Every fallible operand is refused with an error — and nothing is emitted — instead of
//! being truncated into wrong code.

use pretty_assertions::assert_eq;

use crate::asm::aarch64::*;

/// Runs `f` on a fresh assembler, expects `Err(want)`, and checks nothing was emitted.
fn refused(name: &str, want: fn(&AsmError) -> bool, f: impl FnOnce(&mut Assembler) -> AsmResult) {
    let mut a = Assembler::new();
    a.nop();
    let r = f(&mut a);
    match &r {
        Err(e) if want(e) => {}
        other => panic!("{name}: expected an error, got {other:?}"),
    }
    assert_eq!(a.offset(), 4, "{name}: emitted bytes despite the error");
    // The error renders as a message naming the problem.
    assert!(!r.unwrap_err().to_string().is_empty());
}

fn imm(e: &AsmError) -> bool {
    matches!(e, AsmError::ImmNotEncodable { .. })
}
fn operand(e: &AsmError) -> bool {
    matches!(e, AsmError::InvalidOperand(_))
}

#[test]
fn unencodable_immediates_are_errors() {
    // Constructors.
    assert_eq!(Imm12::new(4096).map(|i| (i.imm12(), i.sh())), Some((1, 1)));
    for v in [4097, 0x1001, 0x100_0000, 0xfff_f000 + 0x1000, u64::MAX] {
        assert_eq!(Imm12::new(v), None, "{v:#x}");
        assert!(Imm12::try_new(v).is_err());
    }
    assert_eq!(Imm12::new(0xfff_000).map(|i| i.value()), Some(0xfff_000));
    for v in [0, u64::MAX, 0x1234, 0b101] {
        assert_eq!(BitmaskImm::new(v, 64), None, "{v:#x}");
    }
    assert_eq!(BitmaskImm::new(0xffff_ffff, 32), None);
    for f in [
        0.0,
        -0.0,
        0.1,
        32.0,
        0.0625,
        1.0 / 3.0,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_eq!(FpImm8::from_f64(f), None, "{f}");
    }
    assert!(FpImm8::from_f64(0.125).is_some() && FpImm8::from_f32(-31.0).is_some());

    // Methods.
    refused("and_imm 0x1234", imm, |a| a.and_imm(X0, X1, 0x1234));
    refused("orr_imm 0", imm, |a| a.orr_imm(X0, X1, 0));
    refused("eor_imm !0", imm, |a| a.eor_imm(X0, X1, u64::MAX));
    refused("ands_imm w high bits", imm, |a| {
        a.ands_imm(W0, W1, 0x1_0000_00ff)
    });
    refused("bic_imm", imm, |a| a.bic_imm(X0, X1, u64::MAX));
    refused("orn_imm w high bits", imm, |a| {
        a.orn_imm(W0, W1, 0x1_0000_0000)
    });
    refused("tst_imm", imm, |a| a.tst_imm(W0, 0xffff_ffff));
    refused("add_imm_signed", imm, |a| a.add_imm_signed(X0, X1, -4097));
    refused("add_shifted amount", imm, |a| {
        a.add_shifted(X0, X1, X2, Shift::Lsl, 64)
    });
    refused("sub_shifted w amount", imm, |a| {
        a.sub_shifted(W0, W1, W2, Shift::Asr, 32)
    });
    refused("add_shifted ror", operand, |a| {
        a.add_shifted(X0, X1, X2, Shift::Ror, 1)
    });
    refused("cmp_shifted ror", operand, |a| {
        a.cmp_shifted(X0, X1, Shift::Ror, 1)
    });
    refused("orr_shifted amount", imm, |a| {
        a.orr_shifted(W0, W1, W2, Shift::Ror, 32)
    });
    refused("add_ext lsl 5", imm, |a| {
        a.add_ext(X0, SP, W1, Extend::Uxtw, 5)
    });
    refused("add_ext x with uxtw", operand, |a| {
        a.add_ext(X0, SP, X1, Extend::Uxtw, 0)
    });
    refused("add_ext w with uxtx", operand, |a| {
        a.add_ext(X0, SP, W1, Extend::Uxtx, 0)
    });
    refused("add_ext 32-bit x rm", operand, |a| {
        a.add_ext(W0, WSP, X1, Extend::Sxtx, 0)
    });
    refused("movz shift 8", imm, |a| a.movz(X0, 1, 8));
    refused("movz shift 64", imm, |a| a.movz(X0, 1, 64));
    refused("movk w shift 32", imm, |a| a.movk(W0, 1, 32));
    refused("movn w shift 48", imm, |a| a.movn(W0, 1, 48));
    refused("lsl_imm 64", imm, |a| a.lsl_imm(X0, X1, 64));
    refused("lsr_imm w 32", imm, |a| a.lsr_imm(W0, W1, 32));
    refused("asr_imm 99", imm, |a| a.asr_imm(X0, X1, 99));
    refused("ror_imm w 32", imm, |a| a.ror_imm(W0, W1, 32));
    refused("extr 64", imm, |a| a.extr(X0, X1, X2, 64));
    refused("ubfm immr 64", imm, |a| a.ubfm(X0, X1, 64, 0));
    refused("sbfm w imms 32", imm, |a| a.sbfm(W0, W1, 0, 32));
    refused("ubfx width 0", imm, |a| a.ubfx(X0, X1, 0, 0));
    refused("ubfx past end", imm, |a| a.ubfx(X0, X1, 60, 5));
    refused("sbfx w lsb 32", imm, |a| a.sbfx(W0, W1, 32, 1));
    refused("ubfiz past end", imm, |a| a.ubfiz(W0, W1, 31, 2));
    refused("bfi width 65", imm, |a| a.bfi(X0, X1, 0, 65));
    refused("ccmp nzcv 16", imm, |a| a.ccmp(X0, X1, 16, Cond::Eq));
    refused("ccmp imm5 32", imm, |a| a.ccmp_imm(X0, 32, 0, Cond::Eq));
    refused("ccmn imm5 99", imm, |a| a.ccmn_imm(W0, 99, 0, Cond::Eq));
    refused("fmov_imm 0.0", imm, |a| a.fmov_imm(D0, 0.0));
    refused("fmov_imm 0.1", imm, |a| a.fmov_imm(S0, 0.1));
    refused("fmov_imm nan", imm, |a| a.fmov_imm(D0, f64::NAN));
    refused("tbz bit 64", imm, |a| {
        let l = a.new_label();
        a.tbz(X0, 64, l)
    });
    refused("tbnz w bit 32", imm, |a| {
        let l = a.new_label();
        a.tbnz(W0, 32, l)
    });
}

#[test]
fn unencodable_offsets_are_errors() {
    refused("ldr x unaligned", imm, |a| a.ldr(X0, Mem::off(X1, 4)));
    refused("ldr x too far", imm, |a| a.ldr(X0, Mem::off(X1, 32768)));
    refused("ldr x negative", imm, |a| a.ldr(X0, Mem::off(X1, -8)));
    refused("ldr w too far", imm, |a| a.ldr(W0, Mem::off(X1, 16384)));
    refused("ldr w unaligned", imm, |a| a.ldr(W0, Mem::off(X1, 2)));
    refused("str d unaligned", imm, |a| a.str(D0, Mem::off(SP, 12)));
    refused("ldrh unaligned", imm, |a| a.ldrh(W0, Mem::off(X1, 1)));
    refused("ldrb too far", imm, |a| a.ldrb(W0, Mem::off(X1, 4096)));
    refused("ldrsw unaligned", imm, |a| a.ldrsw(X0, Mem::off(X1, 2)));
    refused("ldr_imm", imm, |a| a.ldr_imm(X0, SP, 7));
    refused("str_imm", imm, |a| a.str_imm(W0, X2, -4));
    refused("ldur 256", imm, |a| a.ldr(X0, Mem::unscaled(X1, 256)));
    refused("stur -257", imm, |a| a.str(X0, Mem::unscaled(X1, -257)));
    refused("pre 256", imm, |a| a.ldr(X0, Mem::pre(X1, 256)));
    refused("post -257", imm, |a| a.strb(W0, Mem::post(X1, -257)));
    refused("ldp unaligned", imm, |a| a.ldp(X0, X1, SP, 4));
    refused("ldp 512", imm, |a| a.ldp(X0, X1, SP, 512));
    refused("stp -520", imm, |a| a.stp_pre(X29, X30, SP, -520));
    refused("stp w 256", imm, |a| a.stp(W0, W1, X2, 256));
    refused("ldp d post -520", imm, |a| a.ldp_post(D0, D1, SP, -520));
    refused("ldp d unaligned", imm, |a| a.ldp(D0, D1, SP, 12));
}

#[test]
fn invalid_operand_combinations_are_errors() {
    for c in [Cond::Al, Cond::Nv] {
        refused("cset al/nv", operand, |a| a.cset(X0, c));
        refused("csetm al/nv", operand, |a| a.csetm(W0, c));
        refused("cinc al/nv", operand, |a| a.cinc(X0, X1, c));
        refused("cneg al/nv", operand, |a| a.cneg(X0, X1, c));
    }
    refused("ldp rt == rt2", operand, |a| a.ldp(X0, X0, SP, 0));
    refused("ldp pre rt == rt2", operand, |a| a.ldp_pre(D1, D1, SP, 16));
    refused("stp x with d", operand, |a| a.stp(X0, D1, SP, 0));
    refused("stp x with w", operand, |a| a.stp(X0, W1, SP, 0));
    refused("ldr pre rt == rn", operand, |a| a.ldr(X1, Mem::pre(X1, 8)));
    refused("str post rt == rn", operand, |a| {
        a.str(W2, Mem::post(X2, 4))
    });
    refused("ldrb post rt == rn", operand, |a| {
        a.ldrb(W3, Mem::post(X3, 1))
    });
    refused("stp pre rt2 == rn", operand, |a| a.stp_pre(X0, X1, X1, -16));
    refused("ldp post rt == rn", operand, |a| a.ldp_post(X2, X3, X2, 16));
    refused("msr ctr_el0", operand, |a| a.msr(SysReg::CtrEl0, X0));
    refused("align 3", operand, |a| a.align(3));
    refused("align 2", operand, |a| a.align(2));
}

#[test]
fn register_constructors_check_range() {
    assert_eq!(XReg::new(30), Some(X30));
    assert_eq!(
        XReg::new(31),
        None,
        "31 is SP or XZR, not an ordinary register"
    );
    assert_eq!(WReg::new(31), None);
    assert_eq!(DReg::new(31), Some(D31));
    assert_eq!(DReg::new(32), None);
    assert_eq!(SReg::new(32), None);
    assert_eq!(X(7).w(), W7);
    assert_eq!(W(7).x(), X7);
    assert_eq!(D(3).s(), S3);
    assert_eq!(FP, X29);
    assert_eq!(LR, X30);
}

#[test]
fn conditions_invert() {
    for c in Cond::ALL {
        assert_eq!(c.invert().invert(), c);
        assert_eq!(c.invert().bits(), c.bits() ^ 1);
    }
    assert_eq!(Cond::Eq.invert(), Cond::Ne);
    assert_eq!(Cond::HS.invert(), Cond::LO);
    assert_eq!(Cond::Ge.invert(), Cond::Lt);
    assert_eq!(Cond::Hi.invert(), Cond::Ls);
}

/// Writeback forms are fine when the base is SP or a different register, and FP registers
/// never alias the base.
#[test]
fn writeback_allowed_cases() {
    let mut a = Assembler::new();
    a.ldr(X0, Mem::pre(X1, 8)).unwrap();
    a.ldr(D1, Mem::post(X1, 8)).unwrap();
    a.stp_pre(X29, X30, SP, -16).unwrap();
    a.ldp_post(D1, D2, X1, 16).unwrap();
    a.str(X1, Mem::off(X1, 8)).unwrap();
    a.ldp(X1, X2, X1, 0).unwrap();
    assert_eq!(a.offset(), 24);
}
