// node's Buffer on bad input: node's error class, code and message (never a crash).
const cases = [
  () => Buffer.alloc(-1), () => Buffer.alloc(2 ** 53), () => Buffer.alloc(NaN), () => Buffer.alloc('5'),
  () => Buffer.allocUnsafe(-2), () => Buffer.from({}), () => Buffer.from(), () => Buffer.from(null), () => Buffer.from(5),
  () => Buffer.from(Symbol('s')), () => Buffer.from(() => 1), () => Buffer.from('x', 'bogus'), () => Buffer.from(new ArrayBuffer(4), 5),
  () => Buffer.from(new ArrayBuffer(4), 1, 9), () => Buffer.from('x').toString('nope'), () => Buffer.from([1]).readUInt8(1),
  () => Buffer.from([1]).readUInt16LE(0), () => Buffer.from([1]).readUInt8(0.5), () => Buffer.from([1]).readUInt8('0'),
  () => Buffer.alloc(4).readInt32BE(-1), () => Buffer.alloc(2).writeUInt8(300, 0), () => Buffer.alloc(4).writeInt16LE(-40000, 0),
  () => Buffer.alloc(4).writeUInt32LE(-1), () => Buffer.alloc(8).writeBigUInt64LE(-1n), () => Buffer.alloc(8).writeBigInt64LE(1),
  () => Buffer.alloc(3).writeUInt16BE(1, 2), () => Buffer.alloc(3).writeDoubleLE(1, 0), () => Buffer.concat([1]), () => Buffer.concat('ab'),
  () => Buffer.alloc(3).fill('zz', 'hex'), () => Buffer.alloc(3).fill('a', 'nope'), () => Buffer.alloc(3).fill(1, -1), () => Buffer.alloc(3).fill(1, 0, 9),
  () => Buffer.alloc(3).write('ab', 5), () => Buffer.alloc(3).write(5), () => Buffer.alloc(3).write('a', 0, 9), () => Buffer.alloc(3).equals('abc'),
  () => Buffer.compare(Buffer.alloc(1), []), () => Buffer.alloc(3).indexOf({}), () => Buffer.alloc(3).indexOf('a', 'bogus'),
  () => Buffer.alloc(3).copy('x'), () => Buffer.alloc(3).copy(Buffer.alloc(3), -1), () => Buffer.alloc(3).copy(Buffer.alloc(3), 0, 5),
  () => Buffer.byteLength(5), () => Buffer.from('a').compare(Buffer.from('b'), 0, 9),
  () => Buffer.from('1', 'hex'), () => Buffer.from('zz', 'hex'), () => Buffer.from('!!!', 'base64'), () => Buffer.from('', 'base64'),
  () => Buffer.from('=', 'base64url'), () => Buffer.alloc(2, ''),
];
for (const f of cases) {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.name, e.code, e.message, e instanceof Error);
  }
}
Buffer.from(undefined);
