//! `Object.groupBy` and `Map.groupBy` (ECMA-262 7.3.35 GroupBy).

use super::arg;
use super::array_generic::{callback, rooted};
use super::map::{map_set_raw, new_map};
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

/// The groups in first-seen order: (key, members). `property` coerces keys with
/// ToPropertyKey, otherwise -0 becomes +0 (SameValueZero keys).
fn group_by(vm: &mut Vm, a: &CallArgs, property: bool) -> JsResult<Vec<(Value, Vec<Value>)>> {
    let items = arg(vm, a, 0);
    if items.is_nullish() {
        return Err(vm.throw_type_error("groupBy called on null or undefined"));
    }
    let f = callback(vm, a, 1)?;
    let values = vm.iterate_to_vec(items)?;
    vm.roots.extend_from_slice(&values);
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    for (k, v) in values.into_iter().enumerate() {
        let mut key = vm.call_function(f, Value::UNDEFINED, &[v, Value::number(k as f64)])?;
        if property {
            let pk = vm.to_property_key(key)?;
            key = vm.key_to_value(pk);
        } else if key.is_number() && key.as_number() == 0.0 {
            key = Value::int(0);
        }
        vm.roots.push(key);
        let pos = groups.iter().position(|(g, _)| {
            if property {
                g.is_string() && key.is_string() && vm.str_eq(*g, key) || *g == key
            } else {
                vm.same_value_zero(*g, key)
            }
        });
        match pos {
            Some(i) => groups[i].1.push(v),
            None => groups.push((key, vec![v])),
        }
    }
    Ok(groups)
}

fn object_group_by(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let groups = group_by(vm, a, true)?;
        let o = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
        vm.roots.push(o);
        for (k, members) in groups {
            let arr = vm.new_array_from(&members);
            let pk = vm.to_property_key(k)?;
            vm.store_own(o, pk, arr, shape::DEFAULT);
        }
        Ok(o)
    })
}

fn map_group_by(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let groups = group_by(vm, a, false)?;
        let m = new_map(vm);
        vm.roots.push(m);
        for (k, members) in groups {
            let arr = vm.new_array_from(&members);
            map_set_raw(vm, m, k, arr);
        }
        Ok(m)
    })
}

pub fn install(vm: &mut Vm) {
    let g = vm.global;
    if let Ok(o) = vm.get_by_name(g, "Object") {
        vm.method(o, "groupBy", object_group_by, 2);
    }
    if let Ok(m) = vm.get_by_name(g, "Map") {
        vm.method(m, "groupBy", map_group_by, 2);
    }
}
