//! `console.log` and friends.

use super::args_vec;
use crate::js::format::number::number_to_string;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

/// Formats console arguments like node's `util.format`.
pub fn format_args(vm: &mut Vm, args: &[Value]) -> JsResult<String> {
    let mut out = String::new();
    let mut rest = 0;
    if let Some(&first) = args.first()
        && first.is_string()
    {
        let f = vm.str_to_string(first);
        // One argument is printed as it is (node formats only when there are arguments).
        if args.len() > 1 && f.contains('%') {
            let mut ai = 1;
            let mut chars = f.chars().peekable();
            while let Some(c) = chars.next() {
                if c != '%' {
                    out.push(c);
                    continue;
                }
                match chars.peek().copied() {
                    Some('%') => {
                        chars.next();
                        out.push('%');
                    }
                    Some(s @ ('s' | 'd' | 'i' | 'f' | 'o' | 'O' | 'j' | 'c'))
                        if ai < args.len() =>
                    {
                        chars.next();
                        let v = args[ai];
                        ai += 1;
                        match s {
                            's' => {
                                if v.is_string() {
                                    out.push_str(&vm.str_to_string(v));
                                } else if v.is_object() {
                                    out.push_str(&vm.inspect(v));
                                } else {
                                    out.push_str(&vm.inspect_top(v));
                                }
                            }
                            'd' | 'i' => {
                                if v.is_object() {
                                    out.push_str("NaN");
                                } else if vm.is_bigint(v) {
                                    out.push_str(&vm.inspect_top(v));
                                } else {
                                    let n = vm.to_number(v)?;
                                    let n = if s == 'i' { n.trunc() } else { n };
                                    out.push_str(&number_to_string(n));
                                }
                            }
                            'f' => {
                                let n = vm.to_number(v)?;
                                out.push_str(&number_to_string(n));
                            }
                            'j' => {
                                let j = crate::js::builtins::json::stringify_value(vm, v)?;
                                out.push_str(&j.unwrap_or_else(|| "undefined".into()));
                            }
                            'c' => {}
                            _ => out.push_str(&vm.inspect(v)),
                        }
                    }
                    _ => out.push('%'),
                }
            }
            rest = ai;
        } else {
            out.push_str(&f);
            rest = 1;
        }
    }
    for (i, &v) in args.iter().enumerate().skip(rest) {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&vm.inspect_top(v));
    }
    Ok(out)
}

fn log(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let args = args_vec(vm, a);
    let mut s = format_args(vm, &args)?;
    s.push('\n');
    vm.write_out(s.as_bytes());
    Ok(Value::UNDEFINED)
}

fn error(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let args = args_vec(vm, a);
    let mut s = format_args(vm, &args)?;
    s.push('\n');
    vm.flush_out();
    if vm.opts.stream {
        use std::io::Write;
        let _ = std::io::stderr().write_all(s.as_bytes());
    } else {
        vm.err.extend_from_slice(s.as_bytes());
    }
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm) {
    let c = vm.new_object();
    vm.method(c, "log", log, 0);
    vm.method(c, "info", log, 0);
    vm.method(c, "debug", log, 0);
    vm.method(c, "error", error, 0);
    vm.method(c, "warn", error, 0);
    vm.method(c, "trace", error, 0);
    let g = vm.global;
    vm.put(g, "console", c, shape::HIDDEN);
}
