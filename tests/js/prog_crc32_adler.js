// Checksums with unsigned 32-bit arithmetic (>>>, ^, &)
const table = [];
for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; table.push(c >>> 0); }
function crc32(str) { let crc = 0xffffffff; for (let i = 0; i < str.length; i++) crc = table[(crc ^ str.charCodeAt(i)) & 0xff] ^ (crc >>> 8); return (crc ^ 0xffffffff) >>> 0; }
function adler32(str) { let a = 1, b = 0; for (let i = 0; i < str.length; i++) { a = (a + str.charCodeAt(i)) % 65521; b = (b + a) % 65521; } return ((b << 16) | a) >>> 0; }
function fnv1a(str) { let h = 0x811c9dc5; for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0; } return h; }
function djb2(str) { let h = 5381; for (let i = 0; i < str.length; i++) h = ((h << 5) + h + str.charCodeAt(i)) | 0; return h; }
for (const s of ["", "a", "abc", "The quick brown fox jumps over the lazy dog", "123456789"]) {
  console.log(JSON.stringify(s).padEnd(46), crc32(s).toString(16).padStart(8, "0"), adler32(s).toString(16).padStart(8, "0"), fnv1a(s).toString(16).padStart(8, "0"), djb2(s));
}
console.log(table.slice(0, 4), table[255]);
let big = ""; for (let i = 0; i < 10000; i++) big += String.fromCharCode(i % 128);
console.log(crc32(big), adler32(big), fnv1a(big), djb2(big));
