// node:fs synchronous functions, in a directory unique to this run (removed at the end);
// paths in messages are shown relative to it.
const fs = require('fs');
const path = require('node:path');
const tmp = process.env.TMPDIR || '/tmp';
const dir = path.join(tmp, `kiln-node-fs-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
const show = (s) => String(s).split(dir).join('<dir>');
function attempt(label, f) {
  try {
    console.log(label, show(JSON.stringify(f())));
  } catch (e) {
    console.log(label, e.name, show(e.message), e.errno, e.code, e.syscall, show(e.path), Object.keys(e).join());
  }
}
console.log(fs === require('node:fs'), typeof fs.readFileSync);
attempt('mkdir', () => fs.mkdirSync(dir));
attempt('mkdir again', () => fs.mkdirSync(dir));
attempt('mkdir -p', () => show(fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true })));
attempt('mkdir -p again', () => fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true }));
const f = path.join(dir, 'hello.txt');
attempt('write', () => fs.writeFileSync(f, 'héllo\n'));
attempt('read buf', () => fs.readFileSync(f));
console.log(fs.readFileSync(f));
attempt('read utf8', () => fs.readFileSync(f, 'utf8'));
attempt('read opts', () => fs.readFileSync(f, { encoding: 'hex' }));
attempt('append', () => fs.appendFileSync(f, Buffer.from('more')));
attempt('append2', () => fs.appendFileSync(f, 'x'));
attempt('read', () => fs.readFileSync(f, 'latin1'));
attempt('write typed', () => fs.writeFileSync(path.join(dir, 'bin'), new Uint16Array([0x4241, 0x4443])));
attempt('read typed', () => fs.readFileSync(path.join(dir, 'bin'), 'utf8'));
attempt('write base64', () => fs.writeFileSync(path.join(dir, 'b64'), 'aGk=', 'base64'));
attempt('read base64', () => fs.readFileSync(path.join(dir, 'b64')).toString());
attempt('write empty', () => fs.writeFileSync(path.join(dir, 'empty'), ''));
attempt('read empty', () => fs.readFileSync(path.join(dir, 'empty')));
attempt('read empty utf8', () => fs.readFileSync(path.join(dir, 'empty'), 'utf8'));
console.log(fs.readFileSync(path.join(dir, 'empty')));
attempt('exists', () => [fs.existsSync(f), fs.existsSync(dir), fs.existsSync(path.join(dir, 'nope')), fs.existsSync(), fs.existsSync(5)]);
attempt('readdir', () => fs.readdirSync(dir));
const st = fs.statSync(f);
console.log(st.isFile(), st.isDirectory(), st.size, fs.statSync(dir).isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date);
attempt('stat missing', () => fs.statSync(path.join(dir, 'nope')));
attempt('stat missing quiet', () => fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }));
attempt('read missing', () => fs.readFileSync(path.join(dir, 'nope.txt')));
attempt('read dir', () => fs.readFileSync(dir));
attempt('read dir utf8', () => fs.readFileSync(dir, 'utf8'));
attempt('write into missing', () => fs.writeFileSync(path.join(dir, 'no/such/file'), 'a'));
attempt('readdir missing', () => fs.readdirSync(path.join(dir, 'nope')));
attempt('readdir file', () => fs.readdirSync(f));
attempt('unlink dir', () => fs.unlinkSync(dir));
attempt('rmdir nonempty', () => fs.rmdirSync(dir));
attempt('no path', () => fs.readFileSync());
attempt('bad encoding', () => fs.readFileSync(f, 'bogus'));
attempt('bad data', () => fs.writeFileSync(path.join(dir, 'x'), 5));
attempt('null byte', () => fs.readFileSync('a\0b'));
for (const name of fs.readdirSync(dir)) {
  if (name !== 'a') fs.unlinkSync(path.join(dir, name));
}
attempt('unlink missing', () => fs.unlinkSync(path.join(dir, 'hello.txt')));
fs.rmSync(dir, { recursive: true });
console.log(fs.existsSync(dir));
