// Tagged templates: the strings array and its raw strings, substitutions, `this` for member
// tags, one template object per site, invalid escapes, String.raw-style tags.
function tag(strings, ...subs) {
  return JSON.stringify({ strings, raw: strings.raw, subs });
}
console.log(tag`a${1}b${2}c`);
console.log(tag`no subs`);
console.log(tag``);
console.log(tag`\n\t${'x'}\u0041`);
console.log(tag`bad \unicode ${0} escape`);
const o = {
  name: 'obj',
  t(s, x) { return this.name + ':' + s[0] + x; },
};
console.log(o.t`hi ${42}`, o['t']`computed ${7}`);
function site() { return (s => s)`same`; }
console.log(site() === site(), Object.isFrozen(site()), Object.isFrozen(site().raw));
console.log(Object.getOwnPropertyDescriptor(site(), 'raw').enumerable, Array.isArray(site()));
const raw = (s, ...v) => s.raw.map((r, i) => r + (i < v.length ? v[i] : '')).join('');
console.log(raw`C:\path\to${'\\'}file`);
const nested = (s, ...v) => s.join('|') + v.join(',');
console.log(nested`x${nested`inner${1}`}y`);
function chain(s) { return (s2) => s[0] + s2[0]; }
console.log(chain`first``second`);
