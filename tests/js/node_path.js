// node:path (POSIX): a table of edge cases for every function.
const path = require('path');
const p2 = require('node:path');
console.log(path === p2, path.posix === path, path.sep, path.delimiter);
const inputs = ['', '/', '//', '///a', '.', '..', './', '../', 'a', 'a/', 'a//', '/a/b/c', '/a/b/c/',
  'a/b/../c', '/../..', '../../x', 'a/./b/.', '.bashrc', '/home/u/.bashrc', 'file.tar.gz',
  'file.', '..foo', 'a/b.c/d', '/a/b.txt/', 'x/..', '/x/../..', 'a/../..', './a/../../b/', '..a/..b'];
for (const p of inputs) {
  console.log(JSON.stringify(p), path.normalize(p), path.dirname(p), JSON.stringify(path.basename(p)),
    JSON.stringify(path.extname(p)), path.isAbsolute(p), JSON.stringify(path.parse(p)));
}
const joins = [[], [''], ['', ''], ['a', 'b'], ['/a', '../b'], ['a', '', 'b/'], ['/', '..', 'c'],
  ['a', '/b'], ['..', '..', 'x'], ['.', '.']];
for (const j of joins) console.log(JSON.stringify(j), JSON.stringify(path.join(...j)));
const resolves = [['/a/b', './c'], ['/a/b', '/c'], ['/', '..'], ['/a', 'b', '..', 'c/'], ['/x', '']];
for (const r of resolves) console.log(JSON.stringify(r), path.resolve(...r));
console.log(path.resolve() === process.cwd(), path.resolve('x') === process.cwd() + '/x');
const rels = [['/a/b/c', '/a/d'], ['/a/b', '/a/b/c/d'], ['/a/b', '/a/b'], ['/', '/a'], ['/a', '/'],
  ['/a/bc', '/a/b'], ['/a/b', '/a/bc'], ['/foo/bar/baz-quux', '/foo/bar/baz']];
for (const [f, t] of rels) console.log(f, t, JSON.stringify(path.relative(f, t)));
const bases = [['/a/b.html', '.html'], ['/a/b.html', 'html'], ['b.html', 'b.html'], ['/a/b.html/', '.html'],
  ['aaa', 'a'], ['/a/b', 'x']];
for (const [p, e] of bases) console.log(p, e, JSON.stringify(path.basename(p, e)));
const fmts = [{ root: '/', dir: '/home/u', base: 'f.txt' }, { root: '/', base: 'f.txt' },
  { name: 'f', ext: 'txt' }, { name: 'f', ext: '.txt' }, { dir: 'd', name: 'n' }, {}];
for (const f of fmts) console.log(JSON.stringify(f), JSON.stringify(path.format(f)));
for (const f of [() => path.join('a', 5), () => path.basename(undefined), () => path.format(null),
  () => path.resolve('a', null), () => path.relative({}, 'a')]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
