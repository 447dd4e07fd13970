//! Typed-array features node 20 (the corpus oracle) does not have yet, so they cannot be
//! corpus programs: Float16Array, `Math.f16round`, `DataView` Float16 access, and
//! `ArrayBuffer.prototype.transfer` / `transferToFixedLength` / `detached` with what
//! detaching does to views. Expected binary16 values come from Python's `struct` 'e' format
//! (IEEE roundTiesToEven), an independent implementation.

use kiln::js::{Options, Outcome};
use kiln::run_source;
use pretty_assertions::assert_eq;

fn run_with(src: &str, opts: &Options) -> Outcome {
    run_source(src, "test.js", &[], opts)
}

/// (program, expected stdout)
const CASES: &[(&str, &str)] = &[
    (
        "console.log(Math.f16round(0.1), Math.f16round(1.337), Math.f16round(65519.99), \
         Math.f16round(65520), Math.f16round(2.980232238769532e-8), \
         Math.f16round(2.9802322387695312e-8), Math.f16round(-2.5e-5), Math.f16round(NaN), \
         Object.is(Math.f16round(-0), -0), Math.f16round.length)",
        "0.0999755859375 1.3369140625 65504 Infinity 5.960464477539063e-8 0 \
         -0.000024974346160888672 NaN true 1\n",
    ),
    (
        "const f = new Float16Array([0.1, 1/3, 100000, -1]); \
         console.log(f, Float16Array.BYTES_PER_ELEMENT, f.byteLength, \
         Array.from(new Uint8Array(f.buffer), x => x.toString(16)).join(' '))",
        "Float16Array(4) [ 0.0999755859375, 0.333251953125, Infinity, -1 ] 2 8 \
         66 2e 55 35 0 7c 0 bc\n",
    ),
    (
        "const d = new DataView(new ArrayBuffer(4)); d.setFloat16(0, 1.337); \
         d.setFloat16(2, -2.5e-5, true); \
         console.log(d.getUint16(0).toString(16), d.getUint16(2, true).toString(16), \
         d.getFloat16(0), d.getFloat16(2, true), d.getFloat16(0, true))",
        "3d59 81a3 1.3369140625 -0.000024974346160888672 167.625\n",
    ),
    (
        "const b = new ArrayBuffer(4, { maxByteLength: 8 }); new Uint8Array(b).set([1, 2, 3, 4]); \
         const v = new Uint8Array(b); const t = b.transfer(6); \
         console.log(b.detached, b.byteLength, b.maxByteLength, v.length, v[0], t.byteLength, \
         t.resizable, t.maxByteLength, new Uint8Array(t).join()); \
         const f = t.transferToFixedLength(2); \
         console.log(t.detached, f.resizable, f.byteLength, new Uint8Array(f).join(), b)",
        "true 0 0 0 undefined 6 true 8 1,2,3,4,0,0\n\
         true false 2 1,2 ArrayBuffer { (detached), byteLength: 0 }\n",
    ),
    (
        "const b = new ArrayBuffer(8); const u = new Int32Array(b); const d = new DataView(b); \
         b.transfer(); const r = []; \
         for (const f of [() => u.join(), () => d.getInt8(0), () => d.byteLength, \
           () => b.slice(0), () => b.transfer(), () => new Uint8Array(b), \
           () => [...u]]) { try { f(); r.push('ok'); } catch (e) { r.push(e.constructor.name); } } \
         u[0] = 5; console.log(r.join(), u.length, u.byteLength, u.byteOffset, u[0], 0 in u, \
         Object.keys(u).length, d.buffer === b, b.detached)",
        "TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError \
         0 0 0 undefined false 0 true true\n",
    ),
    (
        "const b = new ArrayBuffer(4); const u = new Uint8Array(b); \
         let r = u.map((x, i) => { if (i == 1) b.transfer(); return 9; }); \
         console.log(r.join(), u.length, new ArrayBuffer(2).transfer(0).byteLength); \
         try { new ArrayBuffer(2).transfer(2 ** 53); } catch (e) { console.log(e.constructor.name); }",
        "9,9,9,9 0 0\nRangeError\n",
    ),
];

#[test]
fn newer_typed_array_features() {
    for jit in [Some(false), Some(true)] {
        let opts = Options {
            jit,
            jit_threshold: jit.map(|_| 0),
            gc_stress: jit == Some(false),
            ..Options::default()
        };
        for (src, want) in CASES {
            let o = run_with(src, &opts);
            let got = String::from_utf8_lossy(&o.stdout).to_string();
            let err = String::from_utf8_lossy(&o.stderr).to_string();
            assert_eq!(
                (got.as_str(), err.as_str()),
                (*want, ""),
                "{src} (jit {jit:?})"
            );
        }
    }
}
