//! The `Math` object.

use super::arg;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm};

fn num(vm: &mut Vm, a: &CallArgs, i: usize) -> JsResult<f64> {
    vm.to_number(arg(vm, a, i))
}

macro_rules! unary {
    ($name:ident, $e:expr) => {
        pub(super) fn $name(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            let x = num(vm, a, 0)?;
            let f: fn(f64) -> f64 = $e;
            Ok(Value::number(f(x)))
        }
    };
}
unary!(abs, |x| x.abs());
unary!(floor, |x| x.floor());
unary!(ceil, |x| x.ceil());
unary!(trunc, |x| x.trunc());
unary!(sqrt, |x| x.sqrt());
unary!(cbrt, |x| x.cbrt());
unary!(exp, |x| x.exp());
unary!(expm1, |x| x.exp_m1());
unary!(log, |x| x.ln());
unary!(log2, |x| x.log2());
unary!(log10, |x| x.log10());
unary!(log1p, |x| x.ln_1p());
unary!(sin, |x| x.sin());
unary!(cos, |x| x.cos());
unary!(tan, |x| x.tan());
unary!(asin, |x| x.asin());
unary!(acos, |x| x.acos());
unary!(atan, |x| x.atan());
unary!(sinh, |x| x.sinh());
unary!(cosh, |x| x.cosh());
unary!(tanh, |x| x.tanh());
unary!(asinh, |x| x.asinh());
unary!(acosh, |x| x.acosh());
unary!(atanh, |x| x.atanh());
unary!(fround, |x| x as f32 as f64);
unary!(f16round, |x| {
    use crate::js::typed::float16::{f16_to_f64, f64_to_f16};
    f16_to_f64(f64_to_f16(x))
});
unary!(sign, |x| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});
unary!(round, |x| {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if x > 0.0 && x < 0.5 {
        return 0.0;
    }
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    let f = x.floor();
    if x - f >= 0.5 { f + 1.0 } else { f }
});

fn atan2(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let y = num(vm, a, 0)?;
    let x = num(vm, a, 1)?;
    Ok(Value::number(y.atan2(x)))
}
fn pow(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = num(vm, a, 0)?;
    let y = num(vm, a, 1)?;
    Ok(Value::number(crate::js::interp::js_pow(x, y)))
}
fn min(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut r = f64::INFINITY;
    for i in 0..a.argc {
        let x = num(vm, a, i)?;
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x < r || (x == 0.0 && r == 0.0 && x.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::number(r))
}
fn max(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut r = f64::NEG_INFINITY;
    for i in 0..a.argc {
        let x = num(vm, a, i)?;
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x > r || (x == 0.0 && r == 0.0 && r.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::number(r))
}
fn hypot(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut xs = Vec::new();
    for i in 0..a.argc {
        xs.push(num(vm, a, i)?);
    }
    if xs.iter().any(|x| x.is_infinite()) {
        return Ok(Value::number(f64::INFINITY));
    }
    let m = xs.iter().fold(0f64, |m, x| m.max(x.abs()));
    if m == 0.0 || m.is_nan() {
        return Ok(Value::number(if xs.iter().any(|x| x.is_nan()) {
            f64::NAN
        } else {
            0.0
        }));
    }
    let s: f64 = xs.iter().map(|x| (x / m) * (x / m)).sum();
    Ok(Value::number(s.sqrt() * m))
}
fn random(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    // xorshift64*
    let mut x = vm.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    vm.rng = x;
    let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
    Ok(Value::double((r >> 11) as f64 / (1u64 << 53) as f64))
}
fn clz32(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = vm.to_uint32(arg(vm, a, 0))?;
    Ok(Value::int(x.leading_zeros() as i32))
}
fn imul(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = vm.to_int32(arg(vm, a, 0))?;
    let y = vm.to_int32(arg(vm, a, 1))?;
    Ok(Value::int(x.wrapping_mul(y)))
}

pub fn install(vm: &mut Vm) {
    let m = vm.new_object();
    let fns: &[(&'static str, NativeFn, u32)] = &[
        ("abs", abs, 1),
        ("floor", floor, 1),
        ("ceil", ceil, 1),
        ("round", round, 1),
        ("trunc", trunc, 1),
        ("sign", sign, 1),
        ("sqrt", sqrt, 1),
        ("cbrt", cbrt, 1),
        ("exp", exp, 1),
        ("expm1", expm1, 1),
        ("log", log, 1),
        ("log2", log2, 1),
        ("log10", log10, 1),
        ("log1p", log1p, 1),
        ("sin", sin, 1),
        ("cos", cos, 1),
        ("tan", tan, 1),
        ("asin", asin, 1),
        ("acos", acos, 1),
        ("atan", atan, 1),
        ("sinh", sinh, 1),
        ("cosh", cosh, 1),
        ("tanh", tanh, 1),
        ("asinh", asinh, 1),
        ("acosh", acosh, 1),
        ("atanh", atanh, 1),
        ("fround", fround, 1),
        ("f16round", f16round, 1),
        ("atan2", atan2, 2),
        ("pow", pow, 2),
        ("min", min, 2),
        ("max", max, 2),
        ("hypot", hypot, 2),
        ("random", random, 0),
        ("clz32", clz32, 1),
        ("imul", imul, 2),
    ];
    for &(n, f, l) in fns {
        vm.method(m, n, f, l);
    }
    let consts: [(&str, f64); 8] = [
        ("PI", std::f64::consts::PI),
        ("E", std::f64::consts::E),
        ("LN2", std::f64::consts::LN_2),
        ("LN10", std::f64::consts::LN_10),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("SQRT2", std::f64::consts::SQRT_2),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
    ];
    for (n, v) in consts {
        vm.put(m, n, Value::number(v), 0);
    }
    let g = vm.global;
    vm.put(g, "Math", m, shape::HIDDEN);
}
