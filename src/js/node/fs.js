// kiln's node:fs: the synchronous file functions over the native binding (node/fs.rs),
// with node's argument checks and errors.
'use strict';
const binding = require('internal/binding');
const { Buffer } = require('buffer');
const { invalidArgType, invalidArgValue } = require('internal/errors');

function getPath(path, name = 'path') {
  if (typeof path !== 'string') {
    if (path instanceof Uint8Array) path = Buffer.from(path.buffer, path.byteOffset, path.length).toString();
    else if (path !== null && typeof path === 'object' && path.href !== undefined &&
             path.protocol === 'file:') path = decodeURIComponent(path.pathname);
    else throw invalidArgType(name, ['string', 'Buffer', 'URL'], path);
  }
  if (path.includes('\u0000')) {
    throw invalidArgValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function getEncoding(options) {
  const enc = typeof options === 'string' ? options :
    (options !== null && typeof options === 'object' ? options.encoding : undefined);
  if (enc == null || enc === 'buffer') return undefined;
  if (!Buffer.isEncoding(enc)) throw invalidArgValue('encoding', enc, 'is invalid encoding');
  return enc;
}

function readFileSync(path, options) {
  const encoding = getEncoding(options);
  const buf = Buffer.from(binding.readFile(getPath(path)));
  return encoding === undefined ? buf : buf.toString(encoding);
}

function dataBytes(data, options) {
  if (typeof data === 'string') {
    return Buffer.from(data, getEncoding(options) || 'utf8');
  }
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeFileSync(path, data, options) {
  const p = getPath(path);
  binding.writeFile(p, dataBytes(data, options), options && options.flag === 'a');
}

function appendFileSync(path, data, options) {
  const p = getPath(path);
  binding.writeFile(p, dataBytes(data, options), true);
}

function existsSync(path) {
  try {
    path = getPath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
}

function readdirSync(path, options) {
  const names = binding.readdir(getPath(path));
  if (options && typeof options === 'object' && options.withFileTypes) {
    const dir = getPath(path);
    return names.map((name) => new Dirent(name, binding.stat(`${dir}/${name}`, true)[0], dir));
  }
  return names;
}

function mkdirSync(path, options) {
  const p = getPath(path);
  const recursive = options !== null && typeof options === 'object' && options.recursive;
  if (!recursive) {
    binding.mkdir(p);
    return undefined;
  }
  // The first directory made (undefined when all existed), as node returns it.
  const missing = [];
  let cur = p;
  while (!binding.exists(cur)) {
    missing.push(cur);
    const parent = require('path').dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) binding.mkdir(missing[i]);
  if (missing.length === 0 && binding.stat(p, false)[0] !== 2) binding.mkdir(p);
  return missing.length > 0 ? require('path').resolve(missing[missing.length - 1]) : undefined;
}

function unlinkSync(path) {
  binding.unlink(getPath(path));
}

function rmdirSync(path) {
  binding.rmdir(getPath(path));
}

function rmSync(path, options) {
  const p = getPath(path);
  const recursive = options && options.recursive;
  let st;
  try {
    st = binding.stat(p, true);
  } catch (e) {
    if (options && options.force && e.code === 'ENOENT') return;
    throw e;
  }
  if (st[0] === 2) {
    if (!recursive) {
      const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${p}`);
      e.code = 'ERR_FS_EISDIR';
      throw e;
    }
    for (const name of binding.readdir(p)) rmSync(`${p}/${name}`, options);
    binding.rmdir(p);
  } else {
    binding.unlink(p);
  }
}

class Stats {
  constructor(raw) {
    this.mode = raw[2];
    this.size = raw[1];
    this.mtimeMs = raw[3];
    this.mtime = new Date(raw[3]);
    Object.defineProperty(this, 'kind', { value: raw[0] });
  }
  isFile() { return this.kind === 1; }
  isDirectory() { return this.kind === 2; }
  isSymbolicLink() { return this.kind === 3; }
}

class Dirent {
  constructor(name, kind, path) {
    this.name = name;
    this.path = path;
    Object.defineProperty(this, 'kind', { value: kind });
  }
  isFile() { return this.kind === 1; }
  isDirectory() { return this.kind === 2; }
  isSymbolicLink() { return this.kind === 3; }
}

function statSync(path, options) {
  const p = getPath(path);
  if (options && options.throwIfNoEntry === false && !binding.exists(p)) return undefined;
  return new Stats(binding.stat(p, false));
}

function lstatSync(path) {
  return new Stats(binding.stat(getPath(path), true));
}

module.exports = {
  readFileSync, writeFileSync, appendFileSync, existsSync, readdirSync, mkdirSync,
  unlinkSync, rmdirSync, rmSync, statSync, lstatSync, Stats, Dirent,
};
