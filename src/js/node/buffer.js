// kiln's node:buffer: Buffer as node defines it (lib/buffer.js): a Uint8Array subclass whose
// instances are made by FastBuffer; the byte work is in the native binding (node/binding.rs).
'use strict';
const binding = require('internal/binding');
const {
  invalidArgType, outOfRange, invalidArgValue, unknownEncoding, bufferOutOfBounds,
  validateNumber, withCode,
} = require('internal/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const INSPECT_MAX_BYTES = 50;

// Encoding numbers of the binding: utf8, utf16le, latin1, ascii, base64, base64url, hex.
const UTF8 = 0;
const encodings = {
  utf8: 0, 'utf-8': 0, utf16le: 1, 'utf-16le': 1, ucs2: 1, 'ucs-2': 1, latin1: 2, binary: 2,
  ascii: 3, base64: 4, base64url: 5, hex: 6,
};

// The binding's number of an encoding name, or undefined.
function encodingCode(enc) {
  if (enc === undefined || enc === null || enc === '') return UTF8;
  const s = `${enc}`;
  let c = encodings[s];
  if (c === undefined && Object.hasOwn(encodings, s.toLowerCase())) c = encodings[s.toLowerCase()];
  return Object.hasOwn(encodings, s) || c !== undefined ? c : undefined;
}

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

function isUint8Array(v) {
  return binding.isTypedArray(v, true);
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(FastBuffer.prototype, 'constructor',
  { value: Buffer, writable: true, enumerable: false, configurable: true });
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
binding.setBufferPrototype(Buffer.prototype);
Buffer.poolSize = 8 * 1024;

function fromString(string, encoding) {
  let code = UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    code = encodingCode(encoding);
    if (code === undefined) throw unknownEncoding(encoding);
  }
  if (string.length === 0) return new FastBuffer();
  return new FastBuffer(binding.encode(string, code));
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw bufferOutOfBounds('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw bufferOutOfBounds('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  const b = new FastBuffer(obj.length);
  for (let i = 0; i < b.length; i++) b[i] = obj[i];
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || binding.isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (binding.isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw invalidArgType('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.of = function of(...items) {
  return fromArrayLike(items);
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return _fill(new FastBuffer(size), fill, 0, size, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    encodingCode(encoding) !== undefined;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || binding.isAnyArrayBuffer(string)) return string.byteLength;
    throw invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const code = encodingCode(encoding);
  return binding.byteLength(string, code === undefined ? UTF8 : code);
};

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw invalidArgType('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  const src = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  const dst = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  dst.set(src, targetStart);
  return nb;
}

function _fill(buf, value, offset, end, encoding) {
  let code = UTF8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    code = encodingCode(encoding);
    if (code === undefined) {
      if (typeof encoding !== 'string') throw invalidArgType('encoding', 'string', encoding);
      throw unknownEncoding(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (code === UTF8) {
        const c = value.charCodeAt(0);
        if (c < 128) value = c;
      } else if (code === encodings.latin1) {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (end - offset + offset > buf.byteLength) throw bufferOutOfBounds();
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, offset, end);
    return buf;
  }
  let bytes;
  if (typeof value === 'string') bytes = new FastBuffer(binding.encode(value, code));
  else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else {
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, offset, end);
    return buf;
  }
  if (bytes.length === 0) throw invalidArgValue('value', value);
  if (end > buf.length) throw bufferOutOfBounds();
  for (let i = offset, j = 0; i < end; i++) {
    buf[i] = bytes[j];
    if (++j === bytes.length) j = 0;
  }
  return buf;
}

const proto = Buffer.prototype;

proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.decode(this, UTF8, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  const code = encodingCode(encoding);
  if (code === undefined) throw unknownEncoding(encoding);
  return binding.decode(this, code, start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this.subarray(sourceStart, sourceEnd),
    target.subarray(targetStart, targetEnd));
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.slice = function slice(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') {
    throw withCode(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }
  if (offset === undefined) return binding.encodeInto(this, string, UTF8, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  const code = encodingCode(encoding);
  if (code === undefined) throw unknownEncoding(encoding);
  return binding.encodeInto(this, string, code, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.byteLength) {
      throw outOfRange('sourceStart', `>= 0 && <= ${this.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.byteLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return _copyActual(this, target, targetStart, sourceStart, sourceEnd);
};

// node's bidirectionalIndexOf.
function indexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buffer.length;
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') {
    return binding.indexOf(buffer, Uint8Array.of((val >>> 0) & 255), byteOffset, dir);
  }
  const code = encodingCode(encoding);
  if (typeof val === 'string') {
    if (code === undefined) throw unknownEncoding(encoding);
    return binding.indexOf(buffer, new FastBuffer(binding.encode(val, code)), byteOffset, dir);
  }
  if (isUint8Array(val)) return binding.indexOf(buffer, val, byteOffset, dir);
  throw invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf_(val, byteOffset, encoding) {
  return indexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return indexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ---- numbers (node's lib/internal/buffer.js) ----

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw outOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw bufferOutOfBounds();
  throw outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Checks that `n` bytes at `offset` exist.
function checkBounds(buf, offset, n) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) {
    boundsError(offset, buf.length - n);
  }
}

function checkInt(value, min, max, buf, offset, n) {
  if (value > max || value < min) {
    const b = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (n > 4) {
      if (min === 0 || min === 0n) range = `>= 0${b} and < 2${b} ** ${n * 8}${b}`;
      else range = `>= -(2${b} ** ${n * 8 - 1}${b}) and < 2 ** ${n * 8 - 1}${b}`;
    } else {
      range = `>= ${min}${b} and <= ${max}${b}`;
    }
    throw outOfRange('value', range, value);
  }
  checkBounds(buf, offset, n);
}

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

// readUInt8 ... readDoubleBE: [name, bytes, DataView getter, little endian].
const readers = [
  ['UInt8', 1, 'getUint8', false], ['Int8', 1, 'getInt8', false],
  ['UInt16LE', 2, 'getUint16', true], ['UInt16BE', 2, 'getUint16', false],
  ['Int16LE', 2, 'getInt16', true], ['Int16BE', 2, 'getInt16', false],
  ['UInt32LE', 4, 'getUint32', true], ['UInt32BE', 4, 'getUint32', false],
  ['Int32LE', 4, 'getInt32', true], ['Int32BE', 4, 'getInt32', false],
  ['FloatLE', 4, 'getFloat32', true], ['FloatBE', 4, 'getFloat32', false],
  ['DoubleLE', 8, 'getFloat64', true], ['DoubleBE', 8, 'getFloat64', false],
  ['BigUInt64LE', 8, 'getBigUint64', true], ['BigUInt64BE', 8, 'getBigUint64', false],
  ['BigInt64LE', 8, 'getBigInt64', true], ['BigInt64BE', 8, 'getBigInt64', false],
];
const intRanges = {
  UInt8: [0, 255], Int8: [-128, 127], UInt16: [0, 65535], Int16: [-32768, 32767],
  UInt32: [0, 4294967295], Int32: [-2147483648, 2147483647],
  BigUInt64: [0n, 2n ** 64n - 1n], BigInt64: [-(2n ** 63n), 2n ** 63n - 1n],
};
for (const [name, n, getter, le] of readers) {
  const setter = `s${getter.slice(1)}`;
  const range = intRanges[name.replace(/[LB]E$/, '')];
  const isBig = name.startsWith('Big');
  const read = {
    [`read${name}`](offset = 0) {
      checkBounds(this, offset, n);
      return view(this)[getter](offset, le);
    },
  }[`read${name}`];
  const write = {
    [`write${name}`](value, offset = 0) {
      if (!isBig) value = +value;
      if (range) checkInt(value, range[0], range[1], this, offset, n);
      else checkBounds(this, offset, n);
      // A number for a BigInt field: the TypeError of mixing them, as node's `value & ...n`.
      if (isBig && typeof value !== 'bigint') return value & 0xffffffffn;
      view(this)[setter](offset, value, le);
      return offset + n;
    },
  }[`write${name}`];
  proto[`read${name}`] = read;
  proto[`write${name}`] = write;
  if (name.includes('UInt')) {
    proto[`read${name.replace('UInt', 'Uint')}`] = read;
    proto[`write${name.replace('UInt', 'Uint')}`] = write;
  }
}

function SlowBuffer(size) {
  return Buffer.allocUnsafeSlow(size);
}

module.exports = {
  Buffer,
  SlowBuffer,
  kMaxLength,
  kStringMaxLength,
  INSPECT_MAX_BYTES,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
};
