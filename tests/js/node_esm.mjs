// node's built-in modules from ES modules: default and named imports, namespaces, import().
import fs, { readFileSync, existsSync } from 'node:fs';
import path from 'path';
import { join, basename } from 'node:path';
import * as bufferNs from 'buffer';
import { Buffer as B } from 'node:buffer';

console.log(typeof fs.readFileSync, readFileSync === fs.readFileSync, existsSync('tests/js/node_esm.mjs'));
console.log(path.join('a', 'b'), join('/x', '..', 'y'), basename('/p/q.txt', '.txt'));
console.log(B === Buffer, bufferNs.Buffer === Buffer, typeof bufferNs.default, bufferNs.kMaxLength);
console.log(readFileSync('tests/js/node_esm.mjs', 'utf8').split('\n')[0]);
const p = await import('node:path');
console.log(p.default === path, p.sep, typeof p.resolve);
try {
  await import('node:nope');
} catch (e) {
  console.log(e.name, e.code);
}
