// node's Buffer: construction, encodings, views sharing memory, comparison, search, copy.
const { Buffer: B2 } = require('buffer');
console.log(B2 === Buffer, require('node:buffer').Buffer === Buffer);
const b = Buffer.from('hello');
console.log(b, b.length, b instanceof Uint8Array, b instanceof Buffer, Buffer.isBuffer(b),
  Buffer.isBuffer(new Uint8Array(2)), Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
console.log(b.constructor === Buffer, b.constructor.name, typeof b.map, b.map((x) => x + 1));
console.log([Buffer.from('hi')], { b: Buffer.alloc(0) }, Buffer.alloc(51), Buffer.alloc(1000));
const ext = Buffer.from('ab'); ext.x = 1; console.log(ext);
// Encodings, both ways.
const samples = ['', 'hello', 'héllo wörld', '€😀', '\ud800x', 'a\u0000b'];
const encs = ['utf8', 'utf-8', 'UTF8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2', 'ucs-2'];
for (const s of samples) {
  for (const e of encs) {
    const x = Buffer.from(s, e);
    console.log(JSON.stringify(s), e, x.toString('hex'), JSON.stringify(x.toString(e)), Buffer.byteLength(s, e));
  }
}
console.log(Buffer.from('ab$cd', 'base64'), Buffer.from('YW Jj\nZA==', 'base64'), Buffer.from('YW=Jj', 'base64'),
  Buffer.from('-_-_', 'base64'), Buffer.from('+/+/', 'base64url'), Buffer.from('abzz12', 'hex'), Buffer.from('abc', 'hex'));
console.log(JSON.stringify(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]).toString()));
console.log(Buffer.from([0xe9, 0x41, 0xff]).toString('ascii'), Buffer.from([0x61, 0, 0x62]).toString('utf16le'));
console.log(b.toString('utf8', 1, 3), b.toString(undefined, -5, 100), JSON.stringify(b.toString('utf8', 4, 2)));
// From arrays, array-likes, ArrayBuffers (shared), buffers (copied), JSON form.
console.log(Buffer.from([1, 2, 256, -1, 3.7, '4']), Buffer.from({ length: 2, 0: 9 }), Buffer.from(new Uint16Array([1, 258])));
const ab = new ArrayBuffer(8);
const shared = Buffer.from(ab, 2, 4);
new Uint8Array(ab)[2] = 7;
console.log(shared, shared.byteOffset, shared.buffer === ab, Buffer.from(ab).length);
const copy = Buffer.from(b); copy[0] = 72; console.log(b.toString(), copy.toString());
console.log(Buffer.from({ type: 'Buffer', data: [1, 2] }), Buffer.from(new String('str')), Buffer.of(1, 2, 3));
console.log(b.toJSON(), JSON.stringify({ b }), JSON.stringify(Buffer.alloc(0)));
// alloc and fill.
console.log(Buffer.alloc(3), Buffer.alloc(5, 'ab'), Buffer.alloc(4, 1), Buffer.alloc(6, 'YWJj', 'base64'), Buffer.alloc(3, 'é'),
  Buffer.alloc(3, Buffer.from([1, 2])), Buffer.allocUnsafe(2).length, Buffer.alloc(0));
console.log(Buffer.alloc(5).fill('x', 1, 3), Buffer.alloc(4).fill(0x101), Buffer.alloc(4).fill('aa', 'hex'), Buffer.alloc(3).fill(''));
// Views share memory.
const base = Buffer.from('abcdef');
const sl = base.slice(1, 3); const sa = base.subarray(-2);
sl[0] = 0x42; sa[1] = 0x46;
console.log(base.toString(), sl, sa, sa instanceof Buffer, base.slice(-100, 100).length, base.slice(4, 2).length, base.slice(NaN, 2).toString());
// Comparison.
const x = Buffer.from('abc'); const y = Buffer.from('abd');
console.log(x.equals(Buffer.from('abc')), x.equals(y), x.equals(new Uint8Array([97, 98, 99])), Buffer.compare(x, y), Buffer.compare(y, x), x.compare(x),
  x.compare(y, 0, 2, 0, 2), [y, x, Buffer.from('ab')].sort(Buffer.compare).map(String));
// write.
const w = Buffer.alloc(8);
console.log(w.write('hi'), w.write('€', 2), w.write('€', 6), w.write('abcd', 1, 2), w.write('ffee', 4, 'hex'), w.write('zz', 'latin1'), w);
// indexOf / lastIndexOf / includes.
const h = Buffer.from('this is a buffer is');
console.log(h.indexOf('is'), h.indexOf('is', 3), h.indexOf('is', -3), h.lastIndexOf('is'), h.lastIndexOf('is', 5), h.indexOf(Buffer.from('a b')),
  h.indexOf(0x62), h.indexOf(0x162), h.indexOf('nope'), h.includes('buf'), h.includes('buf', 15), h.indexOf(''), h.indexOf('', 100),
  h.indexOf('6973', 'hex'), h.lastIndexOf(0x73, -2), Buffer.alloc(0).indexOf('a'), h.indexOf('is', 1e10), h.lastIndexOf('is', -1e10));
// concat and copy.
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('de')]), Buffer.concat([Buffer.from('ab')], 4),
  Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([]));
const src = Buffer.from('12345'); const dst = Buffer.alloc(6, '.');
console.log(src.copy(dst, 1), dst.toString(), src.copy(dst, 4, 1, 3), dst.toString(), src.copy(dst, 10), src.copy(dst, 0, 4, 2));
const over = Buffer.from('abcdef'); over.copy(over, 2, 0, 4); console.log(over.toString());
// Numbers.
const n = Buffer.alloc(16);
console.log(n.writeUInt8(255, 0), n.writeInt8(-2, 1), n.writeUInt16LE(0x1234, 2), n.writeUInt16BE(0x1234, 4), n.writeInt32LE(-5, 6), n.writeUInt32BE(0xdeadbeef, 10), n);
console.log(n.readUInt8(0), n.readInt8(1), n.readUInt16LE(2), n.readUInt16BE(2), n.readInt16LE(2), n.readUInt32LE(6), n.readInt32LE(6), n.readUInt32BE(10),
  n.readInt32BE(10), n.readUint8(0), n.readUint16LE(4));
const f = Buffer.alloc(12);
console.log(f.writeFloatLE(1.5, 0), f.writeDoubleBE(-0.1, 4), f.readFloatLE(0), f.readDoubleBE(4), f.readFloatBE(0), f);
const big = Buffer.alloc(8); big.writeBigInt64LE(-2n); console.log(big, big.readBigUInt64LE(), big.readBigInt64BE());
// Typed-array methods on a Buffer.
console.log(Buffer.from([3, 1, 2]).sort(), Array.from(Buffer.from('ab')), [...Buffer.from('xy').entries()], Buffer.from('abc').reverse().toString(),
  Buffer.from('abc').filter((c) => c !== 98), Buffer.from('ab').at(-1));
