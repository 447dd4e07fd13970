// String.prototype methods that read their receiver in place (charAt, charCodeAt,
// codePointAt, at, indexOf, lastIndexOf, includes, startsWith, endsWith, slice, substring,
// substr, trim*, toString/valueOf, the iterator): argument conversion order with valueOf and
// toString side effects, receivers that are converted (numbers, objects) or ropes, a
// collection while an argument converts, and the index edge cases.
const log = [];
function arg(name, v) {
  return { valueOf() { log.push(name); return v; }, toString() { log.push(name + '.s'); return String(v); } };
}
function churn() {
  // Allocates enough to request a collection (the receiver must survive it).
  let junk = [];
  for (let i = 0; i < 2000; i++) junk.push({ i, s: 'x' + i });
  return junk.length;
}
function show(label, v) {
  console.log(label + ':', typeof v === 'string' ? JSON.stringify(v) : String(v), log.length ? log.join(',') : '');
  log.length = 0;
}

let rope = 'ab';
for (let i = 0; i < 20; i++) rope = rope + 'cd' + i;
const recv = { toString() { log.push('this'); return 'hello world'; } };

show('charAt order', String.prototype.charAt.call(recv, arg('i', 4)));
show('charCodeAt order', String.prototype.charCodeAt.call(recv, arg('i', 1)));
show('codePointAt order', String.prototype.codePointAt.call(recv, arg('i', 0)));
show('at order', String.prototype.at.call(recv, arg('i', -1)));
show('indexOf order', String.prototype.indexOf.call(recv, arg('s', 'o'), arg('p', 5)));
show('lastIndexOf order', String.prototype.lastIndexOf.call(recv, arg('s', 'o'), arg('p', 5)));
show('includes order', String.prototype.includes.call(recv, arg('s', 'wor'), arg('p', 2)));
show('startsWith order', String.prototype.startsWith.call(recv, arg('s', 'wor'), arg('p', 6)));
show('endsWith order', String.prototype.endsWith.call(recv, arg('s', 'lo'), arg('p', 5)));
show('slice order', String.prototype.slice.call(recv, arg('b', 1), arg('e', -2)));
show('substring order', String.prototype.substring.call(recv, arg('b', 8), arg('e', 2)));
show('substr order', String.prototype.substr.call(recv, arg('b', -5), arg('n', 3)));

// A collection while an argument converts: converted receivers and search strings survive.
const big = { valueOf() { churn(); return 3; } };
show('gc charAt', String.prototype.charAt.call(123456789, big));
show('gc charCodeAt', String.prototype.charCodeAt.call(987654321, big));
show('gc substring', String.prototype.substring.call(1234567890, big));
show('gc slice', String.prototype.slice.call(true, big));
show('gc substr', String.prototype.substr.call(null === null ? 31415926 : 0, big, big));
show('gc indexOf', (12345678).toString().indexOf(String(456), big));
show('gc indexOf search', String.prototype.indexOf.call(55555456, { toString() { churn(); return '5' + '45'; } }, big));
show('gc includes', String.prototype.includes.call(424242, { toString() { churn(); return '24'; } }, big));
show('gc lastIndexOf', String.prototype.lastIndexOf.call(7070707, { toString() { churn(); return '70'; } }, big));
show('gc rope', rope.substring(big, { valueOf() { churn(); return 12; } }));

// Ropes as receivers and search strings.
let rope2 = 'cd1';
for (let i = 0; i < 20; i++) rope2 = rope2 + 'x';
show('rope charAt', rope.charAt(30));
show('rope charCodeAt', (rope + 'q').charCodeAt(rope.length));
show('rope indexOf', rope.indexOf('cd1' + 'cd2'));
show('rope lastIndexOf', rope.lastIndexOf('cd'));
show('rope search', (rope + rope2).indexOf(rope2));
show('rope includes', rope.includes(rope));
show('rope startsWith', (rope + 'z').startsWith(rope));
show('rope endsWith', ('z' + rope).endsWith(rope));
show('rope slice', (rope + '!').slice(-5));

// Index edge cases.
const s = 'abc\ud83d\ude00\ud800x';
for (const i of [-1, 0, 2, 3, 4, 5, 6, 7, 1.9, -0.5, NaN, Infinity, -Infinity, '1', null, undefined, true]) {
  console.log(String(i), JSON.stringify(s.charAt(i)), s.charCodeAt(i), s.codePointAt(i), JSON.stringify(s.at(i)));
}
for (const [b, e] of [[0, undefined], [undefined, undefined], [2, 1], [-3, 2], [1, -1], [NaN, 3], [5, Infinity], [-Infinity, 2], [7, 7], [8, 100]]) {
  console.log(b, e, JSON.stringify(s.substring(b, e)), JSON.stringify(s.slice(b, e)), JSON.stringify(s.substr(b, e)));
}
console.log('same string', s.substring(0) === s, s.slice(0) === s, s.substr(0, 100) === s, 'x'.charAt(0) === 'x');
for (const [n, p] of [['', 0], ['', 50], ['b', 0], ['b', 2], ['c\ud83d', 0], ['abcd', 0], ['x', -5], ['\ud800', 3], ['abc\ud83d\ude00\ud800xz', 0]]) {
  console.log(JSON.stringify(n), p, s.indexOf(n, p), s.lastIndexOf(n, p), s.includes(n, p), s.startsWith(n, p), s.endsWith(n, p));
}
console.log(s.lastIndexOf('a', NaN), s.lastIndexOf('x'), s.lastIndexOf(''), s.lastIndexOf('', 3), 'aaa'.lastIndexOf('aa'));
console.log('aXbXc'.indexOf('X', -10), 'aXbXc'.indexOf('X', 2), 'aXbXc'.indexOf('X', 4), 'abab'.indexOf('bab'), 'abab'.indexOf('bac'));
try { 'abc'.includes(/b/); } catch (e) { console.log(e.constructor.name); }
const re = /b/; re[Symbol.match] = false;
console.log('a/b/c'.includes(re), 'a/b/c'.startsWith(re, 1), 'a/b/c'.endsWith(re, 4));
try { String.prototype.charAt.call(undefined, 0); } catch (e) { console.log(e.constructor.name); }
try { String.prototype.substring.call(null); } catch (e) { console.log(e.constructor.name); }
try { 'abc'.charAt(Symbol()); } catch (e) { console.log(e.constructor.name); }

// trim and friends return the same characters; toString/valueOf need a string.
console.log(JSON.stringify([' \t a b \n'.trim(), '\u00a0x\ufeff'.trimStart(), 'x  '.trimEnd(), 'abc'.trim(), '   '.trim()]));
console.log(new String('boxed').toString(), new String('boxed').valueOf(), 'prim'.toString(), typeof new String('q').valueOf());
for (const m of ['toString', 'valueOf']) {
  try { String.prototype[m].call(5); } catch (e) { console.log(m, e.constructor.name); }
  try { String.prototype[m].call({}); } catch (e) { console.log(m, e.constructor.name); }
}
console.log([...'a\ud83d\ude00b\ud800'].map((c) => c.length).join(','), [...new String('xy')].join('|'), [...rope].length);
console.log(JSON.stringify('\ud800\udc00\ud800'.isWellFormed()), 'ab'.isWellFormed(), (rope + '\udc00').isWellFormed());
