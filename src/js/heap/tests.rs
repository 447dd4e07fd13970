//! Collector tests on a real VM: rooted cells survive any number of collections (the mark
//! epochs alternate), unrooted ones are freed, emptied arenas go back to the system, freed
//! cells are reused, and permanent atom strings outlive everything.

use pretty_assertions::assert_eq;

use super::MIN_BUDGET;
use super::arena::{ARENA_SIZE, CLASSES};
use crate::js::Options;
use crate::js::value::Value;
use crate::js::vm::Vm;

fn garbage(vm: &mut Vm, n: usize) {
    for i in 0..n {
        vm.new_str(&format!("garbage {i}"));
    }
}

#[test]
fn rooted_cells_survive_and_garbage_arenas_are_released() {
    let mut vm = Vm::new(Options::default());
    vm.collect_garbage();
    let start = vm.heap.arenas.len();
    let keep: Vec<Value> = (0..2000)
        .map(|i| vm.new_str(&format!("keep {i}")))
        .collect();
    vm.roots.extend_from_slice(&keep);
    // 400,000 string cells of 96 bytes (units in the cell): about 150 arenas, more than
    // the 8 MiB reserve.
    garbage(&mut vm, 400_000);
    let grown = vm.heap.arenas.len();
    assert!(grown > start + 10, "{start} -> {grown} arenas");
    for _ in 0..3 {
        vm.collect_garbage();
    }
    let texts: Vec<String> = keep.iter().map(|&s| vm.str_to_string(s)).collect();
    let want: Vec<String> = (0..2000).map(|i| format!("keep {i}")).collect();
    assert_eq!(texts, want);
    assert!(vm.heap.arenas_released > 0);
    // Left: the arenas of the live cells and the empty ones the next budget will fill.
    let reserve = MIN_BUDGET / ARENA_SIZE + CLASSES.len();
    let left = vm.heap.arenas.len();
    assert!(
        left <= start + reserve,
        "{start} + {reserve} < {left} arenas left"
    );
    // Freed cells are reused: the same garbage again needs no more arenas than before.
    garbage(&mut vm, 400_000);
    assert!(vm.heap.arenas.len() <= grown);
}

#[test]
fn a_survivor_dropped_later_is_freed() {
    let mut vm = Vm::new(Options::default());
    vm.collect_garbage();
    let base = vm.heap.live_bytes;
    let mut kept = Vec::new();
    for i in 0..5000 {
        kept.push(vm.new_str(&format!("a string long enough to count {i}")));
    }
    vm.roots.extend_from_slice(&kept);
    vm.collect_garbage();
    vm.collect_garbage();
    let with = vm.heap.live_bytes;
    assert!(with > base + 5000 * 48, "{base} -> {with}");
    vm.roots.clear();
    // Marked by both epochs already; one more collection frees them all.
    vm.collect_garbage();
    assert_eq!(vm.heap.live_bytes, base);
}

#[test]
fn atoms_are_permanent() {
    let mut vm = Vm::new(Options::default());
    let a = vm.intern("an atom nobody roots");
    garbage(&mut vm, 50_000);
    for _ in 0..3 {
        vm.collect_garbage();
        garbage(&mut vm, 20_000);
    }
    let s = vm.atom_value(a);
    assert_eq!(vm.str_to_string(s), "an atom nobody roots");
}

#[test]
fn objects_keep_their_slots_in_the_cell_until_they_outgrow_them() {
    let mut vm = Vm::new(Options::default());
    let proto = vm.realm[crate::js::vm::realm::OBJECT_PROTO];
    let objs: Vec<Value> = (0..100)
        .map(|_| vm.new_object_for_fields(proto, 2))
        .collect();
    vm.roots.extend_from_slice(&objs);
    let name = |vm: &mut Vm, k: usize| vm.intern(&format!("p{k}"));
    // Object i gets i % 10 + 1 properties: up to 4 fit the cell's slots, more move them to
    // a buffer (copied, the cell's slots left behind).
    for (i, &o) in objs.iter().enumerate() {
        assert!(
            !vm.obj(o).owns_slots(),
            "object {i} starts with its slots in the cell"
        );
        for k in 0..=i % 10 {
            let a = name(&mut vm, k);
            vm.add_own(
                o,
                a,
                Value::int((i * 100 + k) as i32),
                crate::js::shape::DEFAULT,
            );
        }
    }
    garbage(&mut vm, 50_000);
    vm.collect_garbage();
    vm.collect_garbage();
    for (i, &o) in objs.iter().enumerate() {
        let n = i % 10 + 1;
        assert_eq!(vm.obj(o).owns_slots(), n > 4, "object {i}");
        let got: Vec<Value> = (0..n)
            .map(|k| {
                let a = name(&mut vm, k);
                let (loc, _) = vm.find_own(o, a).expect("own property");
                vm.read_loc(o, loc)
            })
            .collect();
        let want: Vec<Value> = (0..n).map(|k| Value::int((i * 100 + k) as i32)).collect();
        assert_eq!(got, want, "object {i}");
    }
}
