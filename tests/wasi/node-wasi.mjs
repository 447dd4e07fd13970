// Runs a wasm32-wasi command module under node's own WASI preview 1 implementation (uvwasi):
// an independent runtime to check the expected outputs against (see crosscheck.sh).
//
//   node --no-warnings node-wasi.mjs [--dir DIR]... MODULE.wasm [ARGS...]
//
// Like `kiln run` and wasmtime: each --dir DIR is pre-opened under its own name, argv[0] is
// the module path, the environment is empty, the exit status is the program's.
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
const preopens = {};
while (argv[0] === '--dir') {
  preopens[argv[1]] = argv[1];
  argv.splice(0, 2);
}
if (argv.length === 0) {
  console.error('usage: node-wasi.mjs [--dir DIR]... MODULE.wasm [ARGS...]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: argv, env: {}, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(argv[0]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
