;; Matrix multiply, C += A * B: three N×N f32 matrices back to back from address 0 (A, B,
;; then C) in one fixed 8-page memory; `run(N)` wraps N to i32, runs the i/j/k triple loop
;; accumulating into C in memory with i32 offsets, and returns 0. (The shape of the kernel
;; the minimal ARM64 Wasm JIT of the WebAssembly issue was measured with, N = 200.)
(module
  (memory 8 8)
  (func (export "run") (param $n64 i64) (result i64)
    (local $n i32) (local $i i32) (local $j i32) (local $k i32)
    (local $a i32) (local $b i32) (local $c i32) (local $row i32)
    (local.set $n (i32.wrap_i64 (local.get $n64)))
    (local.set $row (i32.shl (local.get $n) (i32.const 2)))
    (local.set $b (i32.mul (local.get $row) (local.get $n)))
    (local.set $c (i32.shl (local.get $b) (i32.const 1)))
    (block $done_i
      (loop $loop_i
        (br_if $done_i (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $done_j
          (loop $loop_j
            (br_if $done_j (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $k (i32.const 0))
            (block $done_k
              (loop $loop_k
                (br_if $done_k (i32.ge_u (local.get $k) (local.get $n)))
                ;; C[i][j] += A[i][k] * B[k][j]
                (local.set $a
                  (i32.add (local.get $c)
                    (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j))
                      (i32.const 2))))
                (f32.store (local.get $a)
                  (f32.add (f32.load (local.get $a))
                    (f32.mul
                      (f32.load (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $k))
                        (i32.const 2)))
                      (f32.load (i32.add (local.get $b)
                        (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $j))
                          (i32.const 2)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $loop_k)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $loop_j)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $loop_i)))
    (i64.const 0)))
