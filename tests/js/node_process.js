// process: env (string values), hrtime.bigint, exitCode, stdout.write of bytes, nextTick.
console.log(typeof process.env.PATH, process.env.KILN_SURELY_UNSET_VAR);
process.env.KILN_T = 5;
console.log(typeof process.env.KILN_T, process.env.KILN_T);
process.env.KILN_U = undefined;
console.log(typeof process.env.KILN_U, process.env.KILN_U, 'KILN_U' in process.env);
delete process.env.KILN_U;
console.log('KILN_U' in process.env, Object.keys(process.env).includes('KILN_T'));
const t0 = process.hrtime.bigint();
const t1 = process.hrtime.bigint();
console.log(typeof t0, t1 >= t0, t0 > 0n);
const hr = process.hrtime();
console.log(hr.length, typeof hr[0], Array.isArray(process.hrtime(hr)));
console.log(process.version.startsWith('v'), typeof process.versions.node, typeof process.pid, typeof process.cwd(), process.argv.length >= 2);
console.log(process.stdout.write('text\n'), process.stdout.write(Buffer.from('buffer\n')));
console.log(process.stdout.write(new Uint8Array([65, 66, 10])), process.stdout.write(new DataView(new Uint8Array([67, 10]).buffer)));
for (const bad of [5, undefined, {}, null]) {
  try {
    process.stdout.write(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  process.nextTick(5);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
process.nextTick((a, b) => console.log('tick', a, b), 1, 2);
setTimeout(() => console.log('timeout'), 0);
console.log('sync end', process.exitCode);
process.exitCode = 3;
