//! The `Date` constructor and `Date.prototype` (ECMA-262 §21.4, Annex B.2.3): a Date object
//! keeps its time value in `aux[0]`; the calendar lives in `date_time`, parsing in
//! `date_parse` and the strings in `date_format`. kiln's local time zone is UTC, so each
//! `getX`/`setX` and its `getUTCX`/`setUTCX` twin are the same function.

use super::arg;
use super::date_format::{Form, format};
use super::date_time::{
    fields, from_components, make_date, make_day, make_full_year, time_clip, time_within_day,
};
use crate::js::interp::convert::Hint;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

pub use super::date_format::iso;

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

/// thisTimeValue (§21.4.4): the receiver's [[DateValue]], or a TypeError.
fn this_time(vm: &mut Vm, a: &CallArgs) -> JsResult<f64> {
    if a.this.is_object() && vm.class_of(a.this) == CLASS_DATE {
        Ok(vm.obj(a.this).aux[0].as_number())
    } else {
        Err(vm.throw_type_error("this is not a Date object."))
    }
}

fn set_time_value(vm: &mut Vm, a: &CallArgs, t: f64) -> Value {
    let v = Value::number(t);
    vm.obj_mut(a.this).aux[0] = v;
    v
}

/// ToNumber of the first `n` arguments that are present, in order.
fn numbers(vm: &mut Vm, a: &CallArgs, n: usize) -> JsResult<Vec<f64>> {
    (0..n.min(a.argc))
        .map(|i| {
            let v = arg(vm, a, i);
            vm.to_number(v)
        })
        .collect()
}

/// The time value of `(year, month[, date, hours, minutes, seconds, ms])` arguments, as the
/// constructor and `Date.UTC` read them (§21.4.2.1 step 5, §21.4.3.4).
fn from_arguments(vm: &mut Vm, a: &CallArgs) -> JsResult<f64> {
    let given = numbers(vm, a, 7)?;
    let mut c = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    c[..given.len()].copy_from_slice(&given);
    c[0] = make_full_year(c[0]);
    Ok(time_clip(from_components(c)))
}

/// `Date(...)` and `new Date(...)` (§21.4.2.1).
fn date_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        let s = format(now_ms(), Form::Full).unwrap_or_default();
        return Ok(vm.new_str(&s));
    }
    let t = match a.argc {
        0 => now_ms(),
        1 => {
            let v = arg(vm, a, 0);
            if v.is_object() && vm.class_of(v) == CLASS_DATE {
                vm.obj(v).aux[0].as_number()
            } else {
                let p = vm.to_primitive(v, Hint::Default)?;
                if p.is_string() {
                    super::date_parse::parse(&vm.str_to_string(p))
                } else {
                    vm.to_number(p)?
                }
            }
        }
        _ => from_arguments(vm, a)?,
    };
    let proto = vm.proto_from_new_target(a, realm::DATE_PROTO)?;
    let d = vm.new_object_with(CLASS_DATE, proto);
    vm.obj_mut(d).aux[0] = Value::number(time_clip(t));
    Ok(d)
}

fn now(_vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(now_ms()))
}

fn utc(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(from_arguments(vm, a)?))
}

fn parse(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    Ok(Value::number(super::date_parse::parse(
        &vm.str_to_string(s),
    )))
}

fn get_time(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(this_time(vm, a)?))
}

/// `getX()`: field `i` of `Fields::components` (or the weekday for 7), NaN for an invalid date.
fn get_field(vm: &mut Vm, a: &CallArgs, i: usize) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    if t.is_nan() {
        return Ok(Value::NAN);
    }
    let f = fields(t);
    Ok(Value::number(if i == 7 {
        f.week_day
    } else {
        f.components()[i]
    }))
}

/// `setX(...)` for the setters of §21.4.4.20–28: replaces components `first..` (at most `n`,
/// as many as arguments are present; the first always) of the local time. Every argument is
/// converted before an invalid date returns NaN; `setFullYear` starts an invalid date at +0.
fn set_fields(vm: &mut Vm, a: &CallArgs, first: usize, n: usize) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    let mut given = numbers(vm, a, n)?;
    if given.is_empty() {
        given.push(f64::NAN); // the first argument is read even when absent
    }
    let t = match (t.is_nan(), first) {
        (true, 0) => 0.0,
        (true, _) => return Ok(Value::NAN),
        _ => t,
    };
    let mut c = fields(t).components();
    c[first..first + given.len()].copy_from_slice(&given);
    Ok(set_time_value(vm, a, time_clip(from_components(c))))
}

macro_rules! accessors {
    ($($get:ident $set:ident $i:expr, $n:expr;)*) => {
        $(
            fn $get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                get_field(vm, a, $i)
            }
            fn $set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                set_fields(vm, a, $i, $n)
            }
        )*
    };
}
accessors! {
    get_full_year set_full_year 0, 3;
    get_month set_month 1, 2;
    get_date set_date 2, 1;
    get_hours set_hours 3, 4;
    get_minutes set_minutes 4, 3;
    get_seconds set_seconds 5, 2;
    get_milliseconds set_milliseconds 6, 1;
}

fn get_day(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    get_field(vm, a, 7)
}

/// `setTime(time)` (§21.4.4.27).
fn set_time(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_time(vm, a)?;
    let t = vm.to_number(arg(vm, a, 0))?;
    Ok(set_time_value(vm, a, time_clip(t)))
}

/// `getYear()` (Annex B.2.3.1).
fn get_year(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    Ok(if t.is_nan() {
        Value::NAN
    } else {
        Value::number(fields(t).year - 1900.0)
    })
}

/// `setYear(year)` (Annex B.2.3.2): two-digit years mean 19xx.
fn set_year(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    let y = vm.to_number(arg(vm, a, 0))?;
    let t = if t.is_nan() { 0.0 } else { t };
    let f = fields(t);
    let d = make_day(make_full_year(y), f.month, f.date);
    Ok(set_time_value(
        vm,
        a,
        time_clip(make_date(d, time_within_day(t))),
    ))
}

fn get_timezone_offset(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    Ok(if t.is_nan() {
        Value::NAN
    } else {
        Value::int(0)
    })
}

/// A `toXString()` whose invalid date prints "Invalid Date".
fn to_form(vm: &mut Vm, a: &CallArgs, form: Form) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    let s = format(t, form).unwrap_or_else(|| "Invalid Date".into());
    Ok(vm.new_str(&s))
}

macro_rules! formatters {
    ($($name:ident $form:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                to_form(vm, a, $form)
            }
        )*
    };
}
formatters! {
    to_string Form::Full;
    to_date_string Form::Date;
    to_time_string Form::Time;
    to_utc_string Form::Utc;
    to_locale_string Form::Locale;
    to_locale_date_string Form::LocaleDate;
    to_locale_time_string Form::LocaleTime;
}

fn to_iso_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_time(vm, a)?;
    match format(t, Form::Iso) {
        Some(s) => Ok(vm.new_str(&s)),
        None => Err(vm.throw_range_error("Invalid time value")),
    }
}

/// `toJSON(key)` (§21.4.4.37): generic; a non-finite number primitive gives null.
fn to_json(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = super::to_object(vm, a.this)?;
    let tv = vm.to_primitive(o, Hint::Number)?;
    if tv.is_number() && !tv.as_number().is_finite() {
        return Ok(Value::NULL);
    }
    let key = vm.intern("toISOString");
    let f = vm.get(o, PropKey::Atom(key))?;
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("toISOString is not a function"));
    }
    vm.call_function(f, o, &[])
}

pub fn install(vm: &mut Vm) {
    let p = vm.new_object();
    vm.realm[realm::DATE_PROTO] = p;
    let c = vm.constructor("Date", date_ctor, 7, p);
    vm.method(c, "now", now, 0);
    vm.method(c, "parse", parse, 1);
    vm.method(c, "UTC", utc, 7);
    // (name, function, length), in node's property order.
    let methods: &[(&'static str, NativeFn, u32)] = &[
        ("toString", to_string, 0),
        ("toDateString", to_date_string, 0),
        ("toTimeString", to_time_string, 0),
        ("toISOString", to_iso_string, 0),
        ("toUTCString", to_utc_string, 0),
        ("getDate", get_date, 0),
        ("setDate", set_date, 1),
        ("getDay", get_day, 0),
        ("getFullYear", get_full_year, 0),
        ("setFullYear", set_full_year, 3),
        ("getHours", get_hours, 0),
        ("setHours", set_hours, 4),
        ("getMilliseconds", get_milliseconds, 0),
        ("setMilliseconds", set_milliseconds, 1),
        ("getMinutes", get_minutes, 0),
        ("setMinutes", set_minutes, 3),
        ("getMonth", get_month, 0),
        ("setMonth", set_month, 2),
        ("getSeconds", get_seconds, 0),
        ("setSeconds", set_seconds, 2),
        ("getTime", get_time, 0),
        ("setTime", set_time, 1),
        ("getTimezoneOffset", get_timezone_offset, 0),
        ("getUTCDate", get_date, 0),
        ("setUTCDate", set_date, 1),
        ("getUTCDay", get_day, 0),
        ("getUTCFullYear", get_full_year, 0),
        ("setUTCFullYear", set_full_year, 3),
        ("getUTCHours", get_hours, 0),
        ("setUTCHours", set_hours, 4),
        ("getUTCMilliseconds", get_milliseconds, 0),
        ("setUTCMilliseconds", set_milliseconds, 1),
        ("getUTCMinutes", get_minutes, 0),
        ("setUTCMinutes", set_minutes, 3),
        ("getUTCMonth", get_month, 0),
        ("setUTCMonth", set_month, 2),
        ("getUTCSeconds", get_seconds, 0),
        ("setUTCSeconds", set_seconds, 2),
        ("valueOf", get_time, 0),
        ("getYear", get_year, 0),
        ("setYear", set_year, 1),
        ("toJSON", to_json, 1),
        ("toLocaleString", to_locale_string, 0),
        ("toLocaleDateString", to_locale_date_string, 0),
        ("toLocaleTimeString", to_locale_time_string, 0),
    ];
    for &(n, f, len) in methods {
        let f = vm.method(p, n, f, len);
        if n == "toUTCString" {
            // Annex B.2.3.3: toGMTString is the same function object as toUTCString.
            vm.put(p, "toGMTString", f, shape::HIDDEN);
        }
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
