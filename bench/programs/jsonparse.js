// jsonparse: a hand-written JSON tokenizer and recursive-descent parser walking its input one
// character at a time (charAt, charCodeAt, substring, `===` on one-character strings), as
// parsers written in JavaScript do. The input, documents of about 4 KB (100 top-level values
// each), is generated before the timed part with the values it encodes, and each parse is
// compared with them. BENCH_SIZE = documents (the full size, 48, is about 190 KB in all);
// the timed part parses each twice. Documents stay small because some engines index strings
// in O(position) (mujs keeps UTF-8), which would make one large document quadratic there.
function Lcg(seed) { this.s = seed; }
Lcg.prototype.next = function (n) {
  this.s = (this.s * 69069 + 1) % 4294967296;
  return Math.floor(this.s / 65536) % n;
};
var NAMES = ['id', 'name', 'tags', 'price', 'active', 'owner', 'notes', 'size', 'ratio', 'kids'];
var WORDS = ['alpha', 'beta', 'gamma', 'delta', 'kiln', 'jit', 'quote"d', 'back\\slash',
  'tab\there', 'line\nbreak', '\u00e9t\u00e9', 'snow\u2603man', ''];
function genValue(r, depth) {
  var k = r.next(depth > 2 ? 5 : 7), o, n, i;
  if (k === 0) return r.next(100000) - 50000;
  if (k === 1) return (r.next(2000000) - 1000000) / 64;
  if (k === 2) return WORDS[r.next(WORDS.length)] + r.next(1000);
  if (k === 3) return r.next(2) === 0;
  if (k === 4) return null;
  if (k === 5) {
    o = []; n = r.next(6);
    for (i = 0; i < n; i++) o.push(genValue(r, depth + 1));
    return o;
  }
  o = {}; n = 1 + r.next(6);
  for (i = 0; i < n; i++) o[NAMES[r.next(NAMES.length)] + i] = genValue(r, depth + 1);
  return o;
}
function hex4(c) { var h = c.toString(16); while (h.length < 4) h = '0' + h; return h; }
function encString(s) {
  var out = '"', i, c;
  for (i = 0; i < s.length; i++) {
    c = s.charAt(i);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (s.charCodeAt(i) > 126) out += '\\u' + hex4(s.charCodeAt(i));
    else out += c;
  }
  return out + '"';
}
function encode(v, parts) {
  var k, first, i;
  if (v === null) parts.push('null');
  else if (typeof v === 'boolean') parts.push(v ? 'true' : 'false');
  else if (typeof v === 'number') parts.push(String(v));
  else if (typeof v === 'string') parts.push(encString(v));
  else if (v instanceof Array) {
    parts.push('[');
    for (i = 0; i < v.length; i++) { if (i > 0) parts.push(', '); encode(v[i], parts); }
    parts.push(']');
  } else {
    parts.push('{\n'); first = true;
    for (k in v) {
      if (!first) parts.push(',\n');
      first = false; parts.push('  ' + encString(k) + ': '); encode(v[k], parts);
    }
    parts.push('\n}');
  }
}

function Parser(text) { this.text = text; this.pos = 0; this.current = text.charAt(0); }
Parser.prototype.fail = function (what) { throw new Error('JSON: ' + what + ' at ' + this.pos); };
Parser.prototype.advance = function () {
  this.pos++;
  this.current = this.text.charAt(this.pos);
};
Parser.prototype.skipSpace = function () {
  var c = this.current;
  while (c === ' ' || c === '\n' || c === '\t' || c === '\r') { this.advance(); c = this.current; }
};
Parser.prototype.expect = function (c) {
  if (this.current !== c) this.fail('expected ' + c);
  this.advance();
};
Parser.prototype.word = function (w, v) {
  var i;
  for (i = 0; i < w.length; i++) this.expect(w.charAt(i));
  return v;
};
Parser.prototype.value = function () {
  var c;
  this.skipSpace();
  c = this.current;
  if (c === '{') return this.object();
  if (c === '[') return this.array();
  if (c === '"') return this.string();
  if (c === 't') return this.word('true', true);
  if (c === 'f') return this.word('false', false);
  if (c === 'n') return this.word('null', null);
  if (c === '-' || (c >= '0' && c <= '9')) return this.number();
  return this.fail('unexpected ' + c);
};
Parser.prototype.object = function () {
  var o = {}, k;
  this.advance();
  this.skipSpace();
  if (this.current === '}') { this.advance(); return o; }
  for (;;) {
    this.skipSpace();
    k = this.string();
    this.skipSpace();
    this.expect(':');
    o[k] = this.value();
    this.skipSpace();
    if (this.current === ',') { this.advance(); continue; }
    this.expect('}');
    return o;
  }
};
Parser.prototype.array = function () {
  var a = [];
  this.advance();
  this.skipSpace();
  if (this.current === ']') { this.advance(); return a; }
  for (;;) {
    a.push(this.value());
    this.skipSpace();
    if (this.current === ',') { this.advance(); continue; }
    this.expect(']');
    return a;
  }
};
Parser.prototype.string = function () {
  var text = this.text, out = '', start, c, code;
  if (this.current !== '"') this.fail('expected a string');
  start = this.pos + 1;
  for (;;) {
    this.advance();
    c = this.current;
    if (c === '"') break;
    if (c === '') this.fail('unterminated string');
    if (c === '\\') {
      out += text.substring(start, this.pos);
      this.advance();
      c = this.current;
      if (c === 'n') out += '\n';
      else if (c === 't') out += '\t';
      else if (c === 'r') out += '\r';
      else if (c === 'b') out += '\b';
      else if (c === 'f') out += '\f';
      else if (c === 'u') {
        code = parseInt(text.substring(this.pos + 1, this.pos + 5), 16);
        out += String.fromCharCode(code);
        this.pos += 4;
      } else out += c;
      start = this.pos + 1;
    }
  }
  out += text.substring(start, this.pos);
  this.advance();
  return out;
};
Parser.prototype.number = function () {
  var text = this.text, start, code, neg = this.current === '-', v;
  if (neg) this.advance();
  start = this.pos;
  for (;;) {
    code = text.charCodeAt(this.pos);
    if ((code >= 48 && code <= 57) || code === 46 || code === 101 || code === 69 ||
        code === 43 || code === 45) this.advance();
    else break;
  }
  // The sign apart: mujs converts "-123" (a negative integer) to NaN.
  v = +text.substring(start, this.pos);
  return neg ? -v : v;
};
function parse(text) {
  var p = new Parser(text), v = p.value();
  p.skipSpace();
  if (p.pos !== text.length) p.fail('trailing text');
  return v;
}

// Deep equality of the parsed value with the generated one; also a checksum.
function same(a, b) {
  var k, n = 0;
  if (a === null || typeof a !== 'object') return a === b;
  if (b === null || typeof b !== 'object' || (a instanceof Array) !== (b instanceof Array)) return false;
  if (a instanceof Array) {
    if (a.length !== b.length) return false;
    for (k = 0; k < a.length; k++) if (!same(a[k], b[k])) return false;
    return true;
  }
  for (k in a) { if (!b.hasOwnProperty(k) || !same(a[k], b[k])) return false; n++; }
  for (k in b) n--;
  return n === 0;
}
function checksum(v) {
  var h = 0, k, s, i;
  if (v === null) return 7;
  if (typeof v === 'number') return (v * 8) | 0;
  if (typeof v === 'boolean') return v ? 3 : 5;
  if (typeof v === 'string') {
    for (i = 0; i < v.length; i++) h = (h * 31 + v.charCodeAt(i)) | 0;
    return h;
  }
  if (v instanceof Array) {
    for (i = 0; i < v.length; i++) h = (h * 17 + checksum(v[i])) | 0;
    return h;
  }
  for (k in v) { s = checksum(k) ^ checksum(v[k]); h = (h + s) | 0; }
  return h;
}

function makeInput(docs) {
  var r = new Lcg(12345), input = [], data, parts, d, i;
  for (d = 0; d < docs; d++) {
    data = []; parts = [];
    for (i = 0; i < 100; i++) data.push(genValue(r, 0));
    encode(data, parts);
    input.push({ data: data, text: parts.join('') });
  }
  return input;
}
function run(input) {
  var d, i, v, sum = 0, chars = 0;
  for (d = 0; d < input.length; d++) {
    chars += input[d].text.length;
    for (i = 0; i < 2; i++) {
      v = parse(input[d].text);
      if (!same(v, input[d].data)) return 'FAIL';
      sum = (sum + checksum(v)) | 0;
    }
  }
  return chars + ':' + sum;
}
var input = makeInput(BENCH_SIZE);
var t0 = benchNow();
var r = run(input);
var t1 = benchNow();
benchReport(r, t0, t1);
