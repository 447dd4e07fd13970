//! A minimal `Date`: time values in milliseconds since the epoch, UTC calendar fields (kiln
//! treats local time as UTC), `Date.now`, `getTime`, the getters and `toISOString`.

use super::arg;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

/// Days from the epoch to year/month/day (proleptic Gregorian, month 0-based, may overflow).
fn make_day(y: f64, m: f64, d: f64) -> f64 {
    let y = y + (m / 12.0).floor();
    let m = m.rem_euclid(12.0);
    let (yy, mm) = if m < 2.0 {
        (y - 1.0, m + 10.0)
    } else {
        (y, m - 2.0)
    };
    let era = (yy / 400.0).floor();
    let yoe = yy - era * 400.0;
    let doy = ((153.0 * mm + 2.0) / 5.0).floor() + d - 1.0;
    let doe = yoe * 365.0 + (yoe / 4.0).floor() - (yoe / 100.0).floor() + doy;
    era * 146097.0 + doe - 719468.0
}

/// (year, month 0-11, day 1-31, weekday 0-6) of a day number.
fn civil(days: f64) -> (f64, f64, f64, f64) {
    let z = days + 719468.0;
    let era = (z / 146097.0).floor();
    let doe = z - era * 146097.0;
    let yoe = ((doe - (doe / 1460.0).floor() + (doe / 36524.0).floor() - (doe / 146096.0).floor())
        / 365.0)
        .floor();
    let y = yoe + era * 400.0;
    let doy = doe - (365.0 * yoe + (yoe / 4.0).floor() - (yoe / 100.0).floor());
    let mp = ((5.0 * doy + 2.0) / 153.0).floor();
    let d = doy - ((153.0 * mp + 2.0) / 5.0).floor() + 1.0;
    let m = if mp < 10.0 { mp + 2.0 } else { mp - 10.0 };
    let y = if m <= 1.0 { y + 1.0 } else { y };
    let wd = (days + 4.0).rem_euclid(7.0);
    (y, m, d, wd)
}

fn this_time(vm: &mut Vm, a: &CallArgs) -> JsResult<f64> {
    if a.this.is_object() && vm.class_of(a.this) == CLASS_DATE {
        Ok(vm.obj(a.this).aux[0].as_number())
    } else {
        Err(vm.throw_type_error("this is not a Date object."))
    }
}

fn date_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = if a.argc == 0 {
        now_ms()
    } else if a.argc == 1 {
        let v = arg(vm, a, 0);
        if v.is_object() && vm.class_of(v) == CLASS_DATE {
            vm.obj(v).aux[0].as_number()
        } else {
            // ES2025 21.4.2.1 step 4.b: ToPrimitive with no hint ("default").
            let p = vm.to_primitive(v, crate::js::interp::convert::Hint::Default)?;
            vm.to_number(p)?
        }
    } else {
        let mut f = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
        for (i, slot) in f.iter_mut().enumerate().take(a.argc.min(7)) {
            *slot = vm.to_number(arg(vm, a, i))?;
        }
        if (0.0..=99.0).contains(&f[0]) {
            f[0] += 1900.0;
        }
        make_day(f[0], f[1], f[2]) * 86400000.0
            + f[3] * 3600000.0
            + f[4] * 60000.0
            + f[5] * 1000.0
            + f[6]
    };
    // TimeClip (21.4.1.31): ToIntegerOrInfinity, so -0 becomes +0.
    let t = if t.is_finite() && t.abs() <= 8.64e15 {
        t.trunc() + 0.0
    } else {
        f64::NAN
    };
    if a.new_target.is_undefined() {
        return Ok(vm.new_str(&to_string_of(t)));
    }
    let proto = vm.proto_from_new_target(a, realm::DATE_PROTO)?;
    let d = vm.new_object_with(CLASS_DATE, proto);
    vm.obj_mut(d).aux[0] = Value::number(t);
    Ok(d)
}

fn fields(t: f64) -> [f64; 8] {
    let days = (t / 86400000.0).floor();
    let ms = t - days * 86400000.0;
    let (y, m, d, wd) = civil(days);
    [
        y,
        m,
        d,
        wd,
        (ms / 3600000.0).floor(),
        (ms / 60000.0).floor() % 60.0,
        (ms / 1000.0).floor() % 60.0,
        ms % 1000.0,
    ]
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn to_string_of(t: f64) -> String {
    if t.is_nan() {
        return "Invalid Date".into();
    }
    let f = fields(t);
    format!(
        "{} {} {:02} {} {:02}:{:02}:{:02} GMT+0000 (Coordinated Universal Time)",
        DAYS[f[3] as usize], MONTHS[f[1] as usize], f[2], f[0], f[4], f[5], f[6]
    )
}

/// ISO 8601 form of a time value (`toISOString`, console.log).
pub fn iso(t: f64) -> String {
    let f = fields(t);
    let y = if (0.0..=9999.0).contains(&f[0]) {
        format!("{:04}", f[0])
    } else {
        format!("{:+07}", f[0] as i64)
    };
    format!(
        "{y}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f[1] + 1.0,
        f[2],
        f[4],
        f[5],
        f[6],
        f[7]
    )
}

fn now(_vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(now_ms()))
}
fn utc(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut f = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, slot) in f.iter_mut().enumerate().take(a.argc.min(7)) {
        *slot = vm.to_number(arg(vm, a, i))?;
    }
    Ok(Value::number(
        make_day(f[0], f[1], f[2]) * 86400000.0
            + f[3] * 3600000.0
            + f[4] * 60000.0
            + f[5] * 1000.0
            + f[6],
    ))
}
fn get_time(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(this_time(vm, a)?))
}
macro_rules! field_getter {
    ($f:ident, $i:expr) => {
        fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            let t = this_time(vm, a)?;
            Ok(if t.is_nan() {
                Value::NAN
            } else {
                Value::number(fields(t)[$i])
            })
        }
    };
}
field_getter!(get_full_year, 0);
field_getter!(get_month, 1);
field_getter!(get_date, 2);
field_getter!(get_day, 3);
field_getter!(get_hours, 4);
field_getter!(get_minutes, 5);
field_getter!(get_seconds, 6);
field_getter!(get_milliseconds, 7);
fn to_iso_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    if t.is_nan() {
        return Err(vm.throw_range_error("Invalid time value"));
    }
    Ok(vm.new_str(&iso(t)))
}
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    Ok(vm.new_str(&to_string_of(t)))
}
fn get_timezone_offset(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_time(vm, a)?;
    Ok(Value::int(0))
}

pub fn install(vm: &mut Vm) {
    let p = vm.new_object();
    vm.realm[realm::DATE_PROTO] = p;
    let c = vm.constructor("Date", date_ctor, 7, p);
    vm.method(c, "now", now, 0);
    vm.method(c, "UTC", utc, 7);
    let methods: &[(&'static str, NativeFn)] = &[
        ("getTime", get_time),
        ("valueOf", get_time),
        ("getFullYear", get_full_year),
        ("getMonth", get_month),
        ("getDate", get_date),
        ("getDay", get_day),
        ("getHours", get_hours),
        ("getMinutes", get_minutes),
        ("getSeconds", get_seconds),
        ("getMilliseconds", get_milliseconds),
        ("getUTCFullYear", get_full_year),
        ("getUTCMonth", get_month),
        ("getUTCDate", get_date),
        ("getUTCDay", get_day),
        ("getUTCHours", get_hours),
        ("getUTCMinutes", get_minutes),
        ("getUTCSeconds", get_seconds),
        ("getUTCMilliseconds", get_milliseconds),
        ("toISOString", to_iso_string),
        ("toJSON", to_iso_string),
        ("toString", to_string),
        ("getTimezoneOffset", get_timezone_offset),
    ];
    for &(n, f) in methods {
        vm.method(p, n, f, 0);
    }
    if let Some(tp) = super::symbol::well_known(vm, "toPrimitive") {
        let f = vm.native_fn("[Symbol.toPrimitive]", date_to_primitive, 1);
        vm.define_own(p, PropKey::Atom(tp), f, shape::CONFIGURABLE);
    }
}

/// ES2025 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint ): "string" and "default" try
/// `toString` first, "number" `valueOf`; any other hint is a TypeError. Generic over objects.
fn date_to_primitive(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !vm.is_spec_object(a.this) {
        let s = vm.inspect(a.this);
        return Err(vm.throw_type_error(&format!(
            "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver {s}"
        )));
    }
    let h = super::arg(vm, a, 0);
    let hint = if h.is_string() {
        vm.str_to_string(h)
    } else {
        String::new()
    };
    let prefer_string = match hint.as_str() {
        "string" | "default" => true,
        "number" => false,
        _ => {
            let s = if h.is_string() { hint } else { vm.inspect(h) };
            return Err(vm.throw_type_error(&format!("Invalid hint: {s}")));
        }
    };
    vm.ordinary_to_primitive(a.this, prefer_string)
}
