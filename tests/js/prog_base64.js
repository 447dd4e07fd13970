const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function encode(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i], b1 = i + 1 < bytes.length ? bytes[i + 1] : 0, b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHA[(n >>> 18) & 63] + ALPHA[(n >>> 12) & 63];
    out += i + 1 < bytes.length ? ALPHA[(n >>> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHA[n & 63] : "=";
  }
  return out;
}
function decode(s) {
  const bytes = [];
  for (let i = 0; i < s.length; i += 4) {
    const v = [0, 1, 2, 3].map(k => (s[i + k] === "=" ? 0 : ALPHA.indexOf(s[i + k])));
    const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    bytes.push((n >> 16) & 255);
    if (s[i + 2] !== "=") bytes.push((n >> 8) & 255);
    if (s[i + 3] !== "=") bytes.push(n & 255);
  }
  return bytes;
}
const strBytes = s => Array.from(s, c => c.charCodeAt(0));
const bytesStr = b => b.map(c => String.fromCharCode(c)).join("");
for (const s of ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "kiln JS engine"]) {
  const e = encode(strBytes(s));
  console.log(JSON.stringify(s), e, bytesStr(decode(e)) === s);
}
const all = []; for (let i = 0; i < 256; i++) all.push(i);
const e = encode(all);
console.log(e.length, e.slice(0, 20), decode(e).every((b, i) => b === i));
