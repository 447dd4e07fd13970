#!/usr/bin/env python3
"""Writes a large WebAssembly text module for measuring compile throughput
(`kiln run --stats OUT.wat`): N functions (default 2000) of mixed integer, float, memory,
control-flow and call code, from a fixed seed, so every run compiles the same module.

usage: gen_module.py [N] > big.wat
"""
import random
import sys


def func(rng, i, n):
    body = []
    locals_ = "(local $a i32) (local $b i32) (local $x f64) (local $y i64)"
    body.append("(local.set $a (local.get 0))")
    for _ in range(rng.randint(3, 10)):
        k = rng.randint(0, 5)
        c = rng.randint(1, 1000)
        if k == 0:
            body.append(f"(local.set $b (i32.add (i32.mul (local.get $a) (i32.const {c})) (local.get $b)))")
        elif k == 1:
            body.append(f"(local.set $x (f64.add (local.get $x) (f64.mul (f64.convert_i32_s (local.get $b)) (f64.const {c}.5))))")
        elif k == 2:
            body.append(f"(i32.store offset={4 * c} (i32.and (local.get $a) (i32.const 4095)) (local.get $b))")
            body.append(f"(local.set $b (i32.xor (local.get $b) (i32.load offset={4 * c} (i32.const 0))))")
        elif k == 3:
            body.append(
                f"(block (loop (br_if 1 (i32.ge_u (local.get $a) (i32.const {c}))) "
                f"(local.set $a (i32.add (local.get $a) (i32.const 3))) "
                f"(local.set $y (i64.add (local.get $y) (i64.extend_i32_u (local.get $a)))) (br 0)))"
            )
        elif k == 4 and i + 1 < n:
            callee = rng.randint(i + 1, n - 1)
            body.append(f"(local.set $b (i32.add (local.get $b) (call $f{callee} (local.get $a))))")
        else:
            body.append(
                f"(if (i32.lt_s (local.get $b) (i32.const {c})) "
                f"(then (local.set $b (i32.sub (local.get $b) (i32.const {c})))) "
                f"(else (local.set $b (i32.shr_u (local.get $b) (i32.const 1)))))"
            )
    body.append("(i32.add (local.get $b) (i32.add (i32.trunc_f64_s (f64.min (local.get $x) (f64.const 1e6))) (i32.wrap_i64 (local.get $y))))")
    return f"  (func $f{i} (export \"f{i}\") (param i32) (result i32) {locals_}\n    " + "\n    ".join(body) + ")"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(20261206)
    print("(module\n  (memory 1)")
    for i in range(n):
        print(func(rng, i, n))
    print(")")


main()
