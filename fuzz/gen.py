#!/usr/bin/env python3
"""fuzz/gen.py: the program generator of the differential fuzzer.

`generate(seed)` returns a random JavaScript program as a tree of `Node`s; seed N always gives
the same program. Programs use only the language kiln supports (no generators, async, regexps,
BigInt, typed arrays, Proxy, eval), always terminate (constant loop bounds, bounded recursion),
are deterministic (no clocks, no Math.random, no printing of functions or stack traces) and fold
every intermediate value into a running int32 checksum `H` (the prelude's `ck`), printed at the
end of every chunk with `out(tag)`.

A program is the prelude followed by independent chunks, each an IIFE, so the minimizer
(fuzz/minimize.py) can drop whole chunks, then statements inside them, then statements inside
blocks. Each chunk exercises one area (int32 overflow, doubles, -0, NaN, strings, arrays with
holes, object shapes, prototypes and getters, closures, classes, exceptions, loops, recursion,
type changes) with loops of 1000+ iterations and functions called 200+ times, so that with
kiln's default thresholds (100 calls, 1000 back-edges) the code tiers up mid-run.

    python3 fuzz/gen.py SEED      # print the program for SEED
"""
import random
import sys


class Node:
    """A statement: one line (`body is None`) or a block `head {` body `tail`.

    `fixed` nodes are never removed by the minimizer (the prelude)."""
    __slots__ = ('head', 'body', 'tail', 'fixed')

    def __init__(self, head, body=None, tail='}', fixed=False):
        self.head, self.body, self.tail, self.fixed = head, body, tail, fixed


def render(nodes, indent=0):
    """The program text of a list of nodes."""
    out = []
    for n in nodes:
        pad = '  ' * indent
        out.append(pad + n.head)
        if n.body is not None:
            out.extend(render(n.body, indent + 1).splitlines())
            out.append(pad + n.tail)
    return '\n'.join(out) + ('\n' if out else '')


PRELUDE = '''\
var H = 0;
function ck(v) {
  var s;
  if (typeof v === "number") s = (v === 0 && 1 / v < 0) ? "-0" : "n" + v;
  else if (typeof v === "function") s = "fn";
  else if (Array.isArray(v)) s = "A" + v.length + ":" + v.join(",");
  else if (typeof v === "object" && v !== null) s = "O" + Object.keys(v).join(",");
  else s = typeof v + ":" + v;
  for (var i = 0; i < s.length; i++) H = ((H << 5) - H + s.charCodeAt(i)) | 0;
  return v;
}
function cap(v) { return typeof v === "string" && v.length > 64 ? v.length : v; }
function out(tag) { console.log(tag, H); }'''

# Numbers at the edges: int32 limits, uint32, -0, NaN, infinities, doubles, shift counts.
NUMS = ['0', '-0', '1', '-1', '2', '3', '5', '7', '10', '31', '32', '33', '64', '100', '255',
        '1000', '65535', '65536', '2147483647', '-2147483648', '2147483648', '-2147483649',
        '4294967295', '4294967296', '1073741824', '0.5', '-0.5', '1.5', '-2.5', '0.1', '3.75',
        '1e21', '1e-7', '-1e300', 'NaN', 'Infinity', '-Infinity', '9007199254740991', '123456789']
OTHERS = ['""', '"7"', '"-0"', '"abc"', '" 12 "', '"0x1f"', 'null', 'undefined', 'true', 'false']
STRS = ['""', '"a"', '"abc"', '"Hello"', '"x-y-z"', '"  pad "', '"12"', '"0.5"', '"ZZZ"', '"a,b,,c"']
# Constants the bytecode and the JIT treat specially (int8 loads, shift counts, masks).
SMALL = ['0', '1', '2', '3', '5', '7', '8', '16', '31', '32', '33', '-1', '-8', '127', '-128',
         '255', '1000', '65535', '0.5', '-0', '2147483647', '-2147483648']
BINOPS = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '>>>']
CMPOPS = ['<', '<=', '>', '>=', '==', '===', '!=', '!==']
MATH1 = ['Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Math.abs', 'Math.sqrt', 'Math.sign']
MATH2 = ['Math.min', 'Math.max', 'Math.imul']
PROPS = ['a', 'b', 'c', 'd', 'x', 'y', 'z', 'w']


def lit(s):
    """A literal wrapped so it can stand as an operand."""
    return '(%s)' % s if s.startswith('-') else s


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    # --- helpers -------------------------------------------------------------------------
    def name(self, base):
        self.n += 1
        return '%s%d' % (base, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    def num(self):
        return lit(self.pick(NUMS))

    def anylit(self):
        return lit(self.pick(NUMS)) if self.chance(0.8) else self.pick(OTHERS)

    # --- expressions over primitive values -----------------------------------------------
    def expr(self, vs, d=3):
        """An expression of any primitive type over the variables `vs`."""
        r = self.r.random()
        if d <= 0 or r < 0.25:
            return self.pick(vs) if vs and self.chance(0.7) else self.anylit()
        a = self.expr(vs, d - 1)
        if r < 0.6:
            return '(%s %s %s)' % self.operands(a, self.pick(BINOPS), self.expr(vs, d - 1))
        if r < 0.68:
            return '(%s %s %s)' % self.operands(a, self.pick(CMPOPS), self.expr(vs, d - 1))
        if r < 0.75:
            return '(%s %s)' % (self.pick(['-', '+', '~', '!', 'typeof ']), a)
        if r < 0.82:
            return '%s(%s)' % (self.pick(MATH1), a)
        if r < 0.86:
            return '%s(%s, %s)' % (self.pick(MATH2), a, self.expr(vs, d - 1))
        if r < 0.9:
            return '(%s ? %s : %s)' % (a, self.expr(vs, d - 1), self.expr(vs, d - 1))
        if r < 0.94:
            return '((%s) | 0)' % a
        if r < 0.97:
            return '(%s %s %s)' % (a, self.pick(['&&', '||', '??']), self.expr(vs, d - 1))
        return '%s.length' % self.sexpr(vs, d - 1)

    def operands(self, a, op, b):
        """(a, op, b), often with a small constant on one side: the JIT specializes operations
        on constant operands."""
        r = self.r.random()
        if r < 0.3:
            return a, op, lit(self.pick(SMALL))
        if r < 0.4:
            return lit(self.pick(SMALL)), op, b
        return a, op, b

    def iexpr(self, vs, d=3):
        """An expression that is int32-ish most of the time (overflow happens)."""
        r = self.r.random()
        if d <= 0 or r < 0.3:
            return self.pick(vs) if vs and self.chance(0.7) else self.pick(
                ['0', '1', '2', '3', '7', '31', '32', '255', '65535', '2147483647', '(-2147483648)',
                 '(-1)', '1073741823', '46341'])
        op = self.pick(['+', '-', '*', '&', '|', '^', '<<', '>>', '>>>', '%', '+', '-'])
        a, op, b = self.operands(self.iexpr(vs, d - 1), op, self.iexpr(vs, d - 1))
        if self.chance(0.4):
            return '((%s %s %s) | 0)' % (a, op, b)
        return '(%s %s %s)' % (a, op, b)

    def sexpr(self, vs, d=2):
        """A string-valued expression."""
        r = self.r.random()
        if d <= 0 or r < 0.3:
            return self.pick(STRS)
        s = self.sexpr(vs, d - 1)
        e = self.expr(vs, d - 1)
        if r < 0.45:
            return '(%s + %s)' % (s, e)
        if r < 0.55:
            return 'String(%s)' % e
        if r < 0.65:
            return '%s.substring(%s, %s)' % (s, self.pick(['0', '1', '2', '-1', '5', 'NaN']),
                                             self.pick(['1', '3', '100', '-2', '0']))
        if r < 0.72:
            return '%s.slice(%s)' % (s, self.pick(['1', '-1', '-3', '2', '0']))
        if r < 0.8:
            return '`<${%s}|${%s}>`' % (e, s)
        if r < 0.86:
            return '%s.charAt(%s)' % (s, self.pick(['0', '1', '5', '-1']))
        if r < 0.92:
            return '%s.toUpperCase()' % s
        return '%s.split(%s).join(%s)' % (s, self.pick(['""', '","', '"-"', '"a"']),
                                          self.pick(['"+"', '""', '"/"']))

    # --- statements over local variables -------------------------------------------------
    def stmts(self, ws, rs, n, d=2):
        """`n` random statements assigning to the variables `ws` (reading `ws` and `rs`) and
        checksumming values. Loop counters they declare are read-only, so loops terminate."""
        out = []
        vs = ws + rs
        for _ in range(n):
            r = self.r.random()
            v = self.pick(ws)
            if r < 0.35 or d <= 0:
                out.append(Node('%s = %s;' % (v, self.expr(vs))))
            elif r < 0.45:
                out.append(Node('%s %s= %s;' % (v, self.pick(BINOPS), self.expr(vs, 2))))
            elif r < 0.55:
                out.append(Node('%s = %s;' % (v, self.iexpr(vs))))
            elif r < 0.62:
                out.append(Node('ck(%s);' % self.expr(vs)))
            elif r < 0.75:
                body = self.stmts(ws, rs, self.r.randint(1, 2), d - 1)
                tail = '}'
                if self.chance(0.4):
                    tail = '} else { %s }' % self.stmts(ws, rs, 1, 0)[0].head
                out.append(Node('if (%s) {' % self.expr(vs, 2), body, tail))
            elif r < 0.83:
                k = self.name('k')
                body = self.stmts(ws, rs + [k], self.r.randint(1, 2), d - 1)
                out.append(Node('for (let %s = 0; %s < %d; %s++) {' % (
                    k, k, self.r.randint(1, 4), k), body))
            elif r < 0.9:
                cases = []
                for c in sorted(self.r.sample(range(5), self.r.randint(1, 3))):
                    cb = self.stmts(ws, rs, 1, 0)
                    if self.chance(0.7):
                        cb.append(Node('break;'))
                    cases.append(Node('case %d: {' % c, cb))
                cases.append(Node('default: {', self.stmts(ws, rs, 1, 0)))
                out.append(Node('switch (((%s) & 7) >>> 0) {' % self.iexpr(vs, 2), cases))
            else:
                out.append(Node('ck(%s);' % self.sexpr(vs)))
        return out

    def caps(self, ws):
        """Statements keeping the strings in `ws` short across a long loop."""
        return [Node('%s = cap(%s);' % (v, v)) for v in ws]

    def value_table(self, n):
        return '[%s]' % ', '.join(self.anylit() for _ in range(n))

    # --- chunks: each returns the statements of one IIFE ---------------------------------
    def chunk_arith(self):
        """A hot function of random arithmetic, called 200+ times over edge values."""
        f = self.name('f')
        vs = ['a', 'b', 't', 'u']
        body = [Node('var t = %s, u = %s;' % (self.anylit(), self.num()))]
        body += self.stmts(vs, [], self.r.randint(3, 10))
        body.append(Node('return %s;' % self.expr(vs, self.r.randint(2, 6))))
        tbl = self.name('V')
        calls = self.r.randint(200, 400)
        return [
            Node('function %s(a, b) {' % f, body),
            Node('var %s = %s;' % (tbl, self.value_table(self.r.randint(3, 12)))),
            Node('for (let i = 0; i < %d; i++) {' % calls, [
                Node('ck(%s(%s[i %% %s.length], %s));' % (
                    f, tbl, tbl, self.pick(['i', '%s[(i * 7) %% %s.length]' % (tbl, tbl),
                                             '(i - %d)' % (calls // 2), 'i * 0.5']))),
            ]),
        ]

    def chunk_int_loop(self):
        """A long loop (OSR) of int32 arithmetic crossing the overflow boundary."""
        vs = ['x', 'y', 'z', 'i']
        start = self.pick(['2147483600', '-2147483600', '0', '1073741800', '-1', '2147483647'])
        n = self.r.randint(1000, 3000)
        body = [Node('x = %s;' % self.pick(['x + 1', 'x - 1', '(x + i) | 0', 'x + i', '(x * 3 + 1) | 0',
                                             'x ^ (i << 3)', 'x + 0.5', '(x >>> 1) + i']))]
        body += self.stmts(['x', 'y', 'z'], ['i'], self.r.randint(1, 4), 1)
        body += self.caps(['x', 'y', 'z'])
        body.append(Node('if (i %% %d === 0) ck(x);' % self.r.randint(50, 400)))
        return [
            Node('var x = %s, y = %s, z = %s;' % (start, self.num(), self.anylit())),
            Node('for (var i = 0; i < %d; i++) {' % n, body),
            Node('ck(x); ck(y); ck(z);'),
            Node('console.log(%s);' % self.pick(['x', 'typeof x', 'x | 0', 'y', 'String(z)'])),
        ]

    def chunk_numbers(self):
        """-0, NaN, division and modulo by zero and negatives, shifts by 32+, in a hot loop."""
        tbl = self.name('N')
        vals = self.r.sample(NUMS, self.r.randint(6, 14))
        ops = []
        for _ in range(self.r.randint(3, 7)):
            op = self.pick(['a / b', 'a % b', '-a % b', 'a << b', 'a >> b', 'a >>> b', '1 / (a * 0)',
                            'Object.is(a % b, -0)', 'Object.is(a * b, -0)', '1 / Math.round(a)',
                            'Math.max(a, b)', 'Math.min(a, -0)', '(a | 0) / (b | 0)',
                            '(a | 0) % (b | 0)', 'a - b', 'a * b', 'Math.floor(a / b)',
                            'a !== a', 'a === b', 'isNaN(a)', '(a >>> 0) % 7', '~~a',
                            'a == 0 ? 1 / a : a', '-(a | 0)', 'Math.abs(a | 0)'])
            ops.append('ck(%s);' % op)
        return [
            Node('var %s = [%s];' % (tbl, ', '.join(lit(v) for v in vals))),
            Node('function g(a, b) {', [Node(o) for o in ops] + [Node('return a + b;')]),
            Node('var acc = 0;'),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(200, 600), [
                Node('acc = g(%s[i %% %s.length], %s[(i >> 2) %% %s.length]);' % (tbl, tbl, tbl, tbl)),
            ]),
            Node('console.log(acc, Object.is(acc, -0), 1 / acc);'),
        ]

    def chunk_strings(self):
        """String building, indexing, charCodeAt, substring, conversions, in hot loops."""
        vs = ['s', 't', 'n']
        n = self.r.randint(1000, 2500)
        body = [
            Node('s += %s;' % self.pick(['String.fromCharCode(97 + i % 26)', 'i % 10', '"ab"',
                                          '(i & 3) ? "x" : i', 'n'])),
            Node('if (s.length > %d) s = s.substring(s.length - %d);' % (
                self.r.randint(40, 120), self.r.randint(5, 30))),
            Node('n = (n + s.charCodeAt(i %% (s.length + %d))) | 0;' % self.r.randint(0, 3)),
            Node('if (i %% %d === 0) { ck(s); ck(s[i %% 7]); ck(s.indexOf(%s)); }' % (
                self.r.randint(30, 200), self.pick(STRS))),
        ]
        body += self.stmts(['s', 'n'], ['t', 'i'], self.r.randint(0, 2), 1)
        body.append(Node('if (typeof s !== "string") s = String(s);'))
        body.append(Node('if (s.length > 200) s = s.slice(-50);'))
        body += self.caps(['n'])
        return [
            Node('var s = %s, t = %s, n = 0;' % (self.pick(STRS), self.sexpr(['n'])), ),
            Node('for (let i = 0; i < %d; i++) {' % n, body),
            Node('ck(s); ck(t); ck(n);'),
            Node('ck(%s); ck(%s);' % (self.sexpr(vs), self.sexpr(vs))),
            Node('console.log(%s, %s);' % (self.pick(['s.length', 'n', 't']), self.sexpr(vs, 1))),
        ]

    def chunk_arrays(self):
        """Arrays with holes, writes past the end, delete, push/pop, length writes, for-of."""
        a = 'arr'
        ops = []
        for _ in range(self.r.randint(4, 9)):
            ops.append(self.pick([
                '%s[%d] = %s;' % (a, self.r.randint(0, 12), self.anylit()),
                '%s[%s.length + %d] = i;' % (a, a, self.r.randint(0, 3)),
                'delete %s[%d];' % (a, self.r.randint(0, 8)),
                '%s.push(%s);' % (a, self.pick(['i', 'i * 0.5', '"s" + i', 'undefined', '-0'])),
                'ck(%s.pop());' % a,
                'if (%s.length > %d) %s.length = %d;' % (a, self.r.randint(10, 30), a,
                                                        self.r.randint(0, 8)),
                'ck(%s[%d]);' % (a, self.r.randint(0, 20)),
                'ck(%s.length);' % a,
                'ck(%s.indexOf(%s));' % (a, self.anylit()),
                'ck(%s in %s);' % (self.r.randint(0, 6), a),
                'ck(%s.join("|"));' % a,
                'ck(%s.slice(%d, %d));' % (a, self.r.randint(-3, 3), self.r.randint(-2, 8)),
                '%s.shift();' % a,
                '%s.unshift(i);' % a,
            ]))
        n = self.r.randint(200, 1200)
        sumloop = [
            Node('var t = 0;'),
            Node('for (let j = 0; j < xs.length; j++) t = (t + (xs[j] | 0)) | 0;'),
            Node('ck(t);'),
        ]
        return [
            Node('var %s = %s;' % (a, self.pick(['new Array(%d)' % self.r.randint(0, 10),
                                                 '[1, 2, , 4]', '[]', '[0.5, "x", null]',
                                                 '[%s]' % ', '.join(str(i) for i in range(6))]))),
            Node('for (let i = 0; i < %d; i++) {' % n, [Node(o) for o in ops] + [
                Node('if (%s.length > 40) %s.length = 10;' % (a, a))]),
            Node('function sum(xs) {', sumloop),
            Node('for (let i = 0; i < %d; i++) sum(%s);' % (self.r.randint(120, 300), a)),
            Node('var cnt = 0;'),
            Node('for (const v of %s) { ck(v); cnt++; }' % a),
            Node('for (const k in %s) { ck(k); }' % a),
            Node('console.log(cnt, %s.length, %s.join(","));' % (a, a)),
            # Stores into frozen arrays and objects are ignored (sloppy mode), also when hot.
            Node('var fz = Object.freeze(%s), nf = [1, 2, 3];' % self.pick(
                ['[1, 2, 3]', '[0.5, , "s"]', 'new Array(4)'])),
            Node('var fo = Object.freeze({ a: 1, b: 2 }), no = { a: 1, b: 2 };'),
            Node('function wr(xs, o, i, v) { xs[i] = v; o.a = v; o[%s] = i; return [xs[i], o.a, o.b]; }'
                 % self.pick(['"b"', '"c"', 'i & 1 ? "b" : "c"'])),
            Node('for (let i = 0; i < %d; i++) ck(i %% %d ? wr(nf, no, i & 3, i) : wr(fz, fo, i & 3, -i));'
                 % (self.r.randint(200, 400), self.r.randint(2, 5))),
            Node('ck(fz); ck(nf); ck(fo); ck(no);'),
        ]

    def chunk_shapes(self):
        """Objects whose properties are added in different orders; polymorphic reads; delete."""
        props = self.r.sample(PROPS, self.r.randint(2, 5))
        variants = []
        for k in range(self.r.randint(2, 5)):
            order = self.r.sample(props, self.r.randint(1, len(props)))
            variants.append(Node('if (i %% %d === %d) {' % (self.r.randint(2, 5), k % 2), [
                Node('o.%s = %s;' % (p, self.pick(['i', 'i * 0.5', '"s"', '-i', 'i | 0', 'null'])))
                for p in order]))
        reads = ' + '.join('(o.%s %s)' % (p, self.pick(['| 0', '=== undefined ? 1 : 2', '|| 0']))
                           for p in self.r.sample(props, self.r.randint(1, len(props))))
        mut = self.pick(['delete o.%s;' % self.pick(props), 'o.%s = "str";' % self.pick(props),
                         'o.extra%d = i;' % self.r.randint(0, 3), 'Object.freeze(o);'])
        return [
            Node('function mk(i) {', [Node('var o = {};')] + variants + [
                Node('if (i %% %d === 0) %s' % (self.r.randint(5, 13), mut)),
                Node('return o;')]),
            Node('function rd(o) { return %s; }' % reads),
            Node('var keep = [];'),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(1000, 2500), [
                Node('var o = mk(i);'),
                Node('ck(rd(o));'),
                Node('if (i %% %d === 0) { ck(o); keep.push(o); }' % self.r.randint(50, 300)),
            ]),
            Node('for (const o of keep) { ck(Object.keys(o).join()); ck(JSON.stringify(o)); }'),
            Node('console.log(keep.length, JSON.stringify(keep[0]));'),
        ]

    def chunk_protos(self):
        """Prototype chains changed while a hot loop reads through them; getters; setters."""
        p = self.pick(PROPS)
        changes = [
            'P.prototype.%s = function () { return %s; };' % ('m', self.pick(['7', 'this.v * 2', '"m2"'])),
            'P.prototype.%s = %s;' % (p, self.anylit()),
            'Object.setPrototypeOf(objs[%d], Q);' % self.r.randint(0, 3),
            'delete P.prototype.m;',
            'objs[%d].m = function () { return -1; };' % self.r.randint(0, 3),
            'Object.defineProperty(P.prototype, "g", { get() { return this.v + 100; }, configurable: true });',
            'Q.%s = i;' % p,
        ]
        body = [
            Node('var o = objs[i & 3];'),
            Node('ck(typeof o.m === "function" ? o.m() : o.m);'),
            Node('ck(o.%s); ck(o.g);' % p),
        ]
        for _ in range(self.r.randint(1, 3)):
            body.append(Node('if (i === %d) %s' % (self.r.randint(100, 1900), self.pick(changes))))
        return [
            Node('function P(v) { this.v = v; }'),
            Node('P.prototype.m = function () { return this.v + 1; };'),
            Node('P.prototype.%s = %s;' % (p, self.anylit())),
            Node('var Q = { m() { return "q" + this.v; }, get g() { return this.v * 3; }, set s(x) { this.v = x; } };'),
            Node('var objs = [new P(1), new P(2.5), Object.create(Q), { v: -0, m: 5, get g() { return this.v; } }];'),
            Node('objs[2].v = "q";'),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(1000, 2000), body),
            Node('Q.s = 9; ck(Q.v); ck(objs[2].v);'),
            Node('console.log(objs.map(o => o.v).join(), %s in objs[0]);' % repr(p).replace("'", '"')),
        ]

    def chunk_closures(self):
        """Closures capturing loop variables (let and var), counters, shared state."""
        n = self.r.randint(5, 20)
        op = self.pick(['i * k', 'i + k', '(i << k) | 0', 'String(i) + k', 'i - k * 0.5'])
        return [
            Node('var fs = [], gs = [];'),
            Node('for (let i = 0; i < %d; i++) fs.push(function (k) { return %s; });' % (n, op)),
            Node('for (var j = 0; j < %d; j++) gs.push(() => j);' % n),
            Node('function mkc(s) {', [
                Node('var c = s;'),
                Node('return { inc: function (d) { c = %s; return c; }, get: () => c };' % self.pick(
                    ['(c + d) | 0', 'c + d', 'c * 2 + d', '(c ^ d) - 1'])),
            ]),
            Node('var cs = [mkc(0), mkc(%s), mkc(%s)];' % (self.num(), self.num())),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(1000, 2000), [
                Node('ck(fs[i % fs.length](i & 7));'),
                Node('ck(gs[i % gs.length]());'),
                Node('ck(cs[i %% 3].inc(%s));' % self.pick(['i', '1', 'i * 0.25', '-i'])),
            ]),
            Node('console.log(cs.map(c => c.get()).join(), fs[1](3), gs[0]());'),
        ]

    def chunk_classes(self):
        """Classes with methods, getters, statics, inheritance and super calls, polymorphism."""
        e1 = self.expr(['this.x', 'y', 'this.k'], 2)
        e2 = self.expr(['this.x', 'y', 'this.z'], 2)
        return [
            Node('class B {', [
                Node('constructor(x) { this.x = x; this.k = %s; }' % self.num()),
                Node('m(y) { return %s; }' % e1),
                Node('get g() { return this.x * 2; }'),
                Node('static s(a) { return a + 1; }'),
                Node('toString() { return "B" + this.x; }'),
            ]),
            Node('class D extends B {', [
                Node('constructor(x, z) { super(x); this.z = z; }'),
                Node('m(y) { return %s; }' % self.pick(['super.m(y) + %s' % e2,
                                                        'String(super.m(y)) + this.z',
                                                        '(super.m(y) | 0) ^ (this.z | 0)'])),
                Node('get g() { return super.g + 1; }'),
            ]),
            Node('class E extends D {', [
                Node('m(y) { if (y %% %d === 0) return super.m(y); return -y; }' % self.r.randint(2, 5)),
            ]),
            Node('var os = [new B(%s), new D(%s, %s), new E(%s, %s)];' % (
                self.num(), self.num(), self.anylit(), self.num(), self.num())),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(700, 1500), [
                Node('var o = os[i %% %d];' % self.r.randint(1, 3)),
                Node('ck(o.m(i)); ck(o.g); ck(B.s(i));'),
                Node('if (i === %d) B.prototype.m = function (y) { return y * 3; };' % self.r.randint(300, 900)),
                Node('if (i % 100 === 0) ck(String(o) + (o instanceof D) + (o instanceof E));'),
            ]),
            Node('console.log(String(os[0]), os[1].g, os[2] instanceof B);'),
        ]

    def chunk_exceptions(self):
        """Throws from nested calls, try/catch/finally in hot loops, finally overriding control."""
        k1, k2 = self.r.randint(2, 9), self.r.randint(3, 17)
        return [
            Node('var fin = 0;'),
            Node('function thr(i) {', [
                Node('if (i %% %d === 0) throw new %s("e" + i);' % (
                    k1, self.pick(['Error', 'TypeError', 'RangeError']))),
                Node('if (i %% %d === 1) throw %s;' % (k2, self.pick(['i', '"s" + i', '{ code: i }', 'null']))),
                Node('if (i %% %d === 2) return null.x;' % self.r.randint(11, 40)),
                Node('return i * 2;'),
            ]),
            Node('function mid(i) {', [
                Node('try { return thr(i) + 1; } finally { fin++; %s }' % self.pick(
                    ['', 'if (i % 13 === 5) return -1;', 'ck(i);'])),
            ]),
            Node('function outer(i) {', [
                Node('try { return mid(i); } catch (e) {', [
                    Node('if (e instanceof TypeError) return "T";'),
                    Node('if (e instanceof Error) return e.message;'),
                    Node('return e === null ? "null" : typeof e === "object" ? e.code : e;'),
                ]),
            ]),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(800, 2000), [
                Node('ck(outer(i));'),
                Node('try {', [
                    Node('if (i % 5 === 0) continue;'),
                    Node('if (i === %d) break;' % self.r.randint(500, 3000)),
                    Node('ck(thr(i + 1));'),
                ], '} catch (e) { ck(e instanceof Error ? e.name : "v"); } finally { fin += 2; }'),
            ]),
            Node('function deep(n) { if (n === 0) throw new Error("deep"); return deep(n - 1) + 1; }'),
            Node('try { deep(%d); } catch (e) { ck(e.message); }' % self.r.randint(10, 300)),
            Node('console.log(fin);'),
        ]

    def chunk_control(self):
        """switch with fall-through, labelled break/continue, do-while, while, for-in."""
        return [
            Node('var r = 0, keys = {};'),
            Node('outer: for (let i = 0; i < %d; i++) {' % self.r.randint(30, 80), [
                Node('for (let j = 0; j < %d; j++) {' % self.r.randint(20, 50), [
                    Node('if ((i * j) %% %d === %d) continue outer;' % (
                        self.r.randint(7, 40), self.r.randint(1, 6))),
                    Node('if (i + j === %d) break outer;' % self.r.randint(80, 150)),
                    Node('switch ((i + j) %% %d) {' % self.r.randint(3, 7), [
                        Node('case 0: r++;'),
                        Node('case 1: r = (r * 3) | 0; break;'),
                        Node('case %d: r -= j; break;' % self.r.randint(2, 4)),
                        Node('default: r ^= i;'),
                    ]),
                ]),
            ]),
            Node('ck(r);'),
            Node('var n = 0, m = %d;' % self.r.randint(1000, 3000)),
            Node('do { n += m & 1 ? 3 : 1; m = (m >> 1) + (m & 1 ? %d : 0); } while (m > 1 && n < 5000);'
                 % self.r.randint(0, 1)),
            Node('ck(n);'),
            Node('var w = 0;'),
            Node('while (true) { w++; if (w %% %d === 0) continue; if (w > %d) break; keys["k" + (w %% 9)] = w; }'
                 % (self.r.randint(2, 5), self.r.randint(1000, 2000))),
            Node('keys[%d] = 1; keys.z = 2; keys[0] = 3;' % self.r.randint(1, 9)),
            Node('for (const k in keys) ck(k + "=" + keys[k]);'),
            Node('console.log(r, n, w, Object.keys(keys).join());'),
        ]

    def chunk_recursion(self):
        """Bounded recursion: linear (deep-ish), tree (many calls), mutual."""
        return [
            Node('function lin(n, acc) { if (n <= 0) return acc; return lin(n - 1, %s); }' % self.pick(
                ['(acc * 31 + n) | 0', 'acc + n * 0.5', 'acc + String(n % 10)', 'acc ^ (n << 7)'])),
            Node('function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }'),
            Node('function ev(n) { return n === 0 ? true : od(n - 1); }'),
            Node('function od(n) { return n === 0 ? false : ev(n - 1); }'),
            Node('ck(lin(%d, %s));' % (self.r.randint(100, 800), self.pick(['0', '""', '1']))),
            Node('ck(fib(%d));' % self.r.randint(10, 17)),
            Node('for (let i = 0; i < %d; i++) ck(ev(i %% %d));' % (self.r.randint(100, 300),
                                                                  self.r.randint(20, 300))),
            Node('function acker(m, n) { return m === 0 ? n + 1 : n === 0 ? acker(m - 1, 1) : acker(m - 1, acker(m, n - 1)); }'),
            Node('ck(acker(2, %d));' % self.r.randint(1, 30)),
            Node('console.log(fib(12), lin(50, 0));'),
        ] + ([Node('function inf(n) { return inf(n + 1) + 1; }'),
              Node('try { inf(0); } catch (e) { ck(e instanceof RangeError); }')]
             if self.chance(0.15) else [])

    def chunk_types(self):
        """A hot function that sees ints, then doubles, strings, objects and undefined (deopt)."""
        op = self.pick(BINOPS + CMPOPS)
        phases = [self.pick(['i', 'i * 0.5', '"s" + (i % 3)', 'i % 2 ? null : undefined',
                             '2147483647 - i', '{ valueOf() { return 41; } }', '[i]', 'true', '-0'])
                  for _ in range(self.r.randint(2, 4))]
        body = []
        for k, ph in enumerate(phases):
            body.append(Node('%sif (i < %d) v = %s;' % ('else ' if k else '', (k + 1) * 400, ph)))
        body.append(Node('else v = %s;' % self.anylit()))
        body.append(Node('ck(op(v, %s)); ck(op(%s, v));' % (self.anylit(), self.anylit())))
        return [
            Node('function op(a, b) { return a %s b; }' % op),
            Node('var v;'),
            Node('for (let i = 0; i < %d; i++) {' % (len(phases) * 400 + 200), body),
            Node('console.log(op(1, 2), op("1", 2), op(0.5, -0));'),
        ]

    def chunk_sort(self):
        """Array methods with callbacks (called often enough to compile), sort with a comparator."""
        return [
            Node('var xs = [];'),
            Node('for (let i = 0; i < %d; i++) xs.push(((i * %d) %% %d) - %d);' % (
                self.r.randint(50, 300), self.pick([7, 13, 31, 97]), self.r.randint(50, 200),
                self.r.randint(0, 50))),
            Node('var ys = xs.map(x => %s).filter(x => %s);' % (
                self.pick(['x * 2', 'x / 4', 'x | 1', '-x', 'x % 7']),
                self.pick(['x > 0', 'x % 2 === 0', 'x !== 3', 'true']))),
            Node('ys.sort((p, q) => %s);' % self.pick(['p - q', 'q - p', '(p % 5) - (q % 5)'])),
            Node('ck(ys); ck(ys.reduce((s, x) => s + x, 0));'),
            Node('ck(xs.some(x => x > %d)); ck(xs.every(x => x > -100)); ck(xs.find(x => x %% 11 === 3));'
                 % self.r.randint(0, 150)),
            Node('console.log(ys.length, ys.slice(0, 5).join());'),
        ]

    def chunk_intrinsics(self):
        """Call sites of natives the JIT inlines (Math.*, push/pop, charCodeAt) that later see
        other callees, receivers and argument types."""
        f1, f2 = self.pick(MATH1[:6]), self.pick(MATH1 + ['Number', 'String', 'parseInt'])
        n = self.r.randint(1000, 2000)
        sw = self.r.randint(200, n - 100)
        arg = self.pick(['i * 0.37 - 50', 'i - 1000', '(i & 1) ? -0 : 0.5', 'i % 3 ? i : "7"',
                         '2147483647 + i', 'i % 5 ? i / 4 : NaN'])
        return [
            Node('var fn = %s, s = %s, xs = [1, 2, 3], acc = 0;' % (f1, self.pick(STRS[1:]))),
            Node('function h(x, i) { return fn(x) + s.charCodeAt(i %% %d); }' % self.r.randint(3, 12)),
            Node('for (let i = 0; i < %d; i++) {' % n, [
                Node('acc = h(%s, i);' % arg),
                Node('ck(acc);'),
                Node('if (i %% %d === 0) xs.push(i, %s); else if (xs.length > 3) ck(xs.pop());' % (
                    self.r.randint(2, 5), self.anylit())),
                Node('if (i === %d) fn = %s;' % (sw, f2)),
                Node('if (i === %d) s = %s;' % (self.r.randint(100, n), self.pick(
                    ['"12345"', '"z"', '{ charCodeAt: function (k) { return -k; } }']))),
                Node('if (i === %d) xs = %s;' % (self.r.randint(100, n), self.pick(
                    ['{ push: function () { return 0; }, pop: function () { return "p"; }, length: 9 }',
                     '[0.5, , "x"]', 'new Array(3)']))),
            ]),
            Node('console.log(acc, xs.length, typeof fn(2.5));'),
        ]

    def chunk_misc(self):
        """Destructuring, spread and rest, default parameters, arguments, optional chaining,
        call/apply/bind, getters and valueOf that throw, in hot functions."""
        e = self.expr(['a', 'b', 'c'], 2)
        return [
            Node('function f({ a, b = %s }, [c, , d] = [1, 2, 3], ...rest) {' % self.anylit(), [
                Node('return %s + rest.length + (d === undefined ? 0 : 1) + arguments.length;' % e),
            ]),
            Node('function g() { return arguments.length > 1 ? arguments[1] : arguments[0]; }'),
            Node('var objs = [{ a: 1 }, { a: 2.5, b: "x" }, { a: null, b: -0 }, { b: 7 }];'),
            Node('var bad = { get a() { throw new RangeError("g"); } };'),
            Node('var vo = { valueOf() { cnt++; if (cnt %% %d === 0) throw 42; return cnt; } }, cnt = 0;'
                 % self.r.randint(5, 50)),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(300, 900), [
                Node('var o = objs[i & 3];'),
                Node('ck(f(o, i %% 3 ? [i, i, i] : undefined, ...(i %% 2 ? [1, 2] : [])));' % ()),
                Node('ck(g.apply(null, [i, o.a]) + g.call(o, i) + g.bind(null, 5)(i));'),
                Node('ck(o?.b?.length ?? "none"); ck(o.c?.d);'),
                Node('var { a: x = 9, ...others } = o; ck(x); ck(Object.keys(others).length);'),
                Node('try { ck(i %% %d === 0 ? f(bad) : vo * 2); } catch (e) { ck(e instanceof RangeError ? "R" : e); }'
                     % self.r.randint(3, 30)),
            ]),
            Node('console.log(cnt, Math.max(...objs.map(o => o.a || 0)));'),
        ]

    def chunk_update(self):
        """++/--, compound assignment and logical assignment on locals, properties and elements,
        over edge values (2^31-1 + 1, -0 - 1, NaN, strings, undefined, null) in a hot function."""
        upd = []
        for _ in range(self.r.randint(3, 7)):
            tgt = self.pick(['x', 'o.p', 'o.q', 'a[0]', 'a[j & 3]', 'o[k]'])
            upd.append(self.pick([
                'ck(%s++);' % tgt, 'ck(++%s);' % tgt, 'ck(%s--);' % tgt, 'ck(--%s);' % tgt,
                'ck(%s %s= %s);' % (tgt, self.pick(BINOPS), self.pick(['y', '1', '0.5', 'j', '"1"'])),
                'ck(%s %s= %s);' % (tgt, self.pick(['??', '||', '&&']), self.pick(['y', 'j', '"s"'])),
                'ck(-%s);' % tgt,
            ]))
        n = self.r.randint(200, 500)
        return [
            Node('var V = %s;' % self.value_table(self.r.randint(4, 10))),
            Node('function u(y, j) {', [
                Node('var x = y, k = %s, o = { p: y, q: %s }, a = [y, j, , %s];' % (
                    self.pick(['"p"', '"q"', '"r"', '0', 'j % 2 ? "p" : "z"']), self.anylit(),
                    self.anylit())),
            ] + [Node(u) for u in upd] + [
                Node('return [x, o.p, o.q, o[k], a.length, a[0], a[3]];'),
            ]),
            Node('for (let i = 0; i < %d; i++) ck(u(V[i %% V.length], i - %d));' % (n, n // 2)),
            Node('console.log(u(2147483647, 1).join(), u(-0, -1).join(), u("5", 0).join());'),
        ]

    def chunk_props(self):
        """Property stores in a hot function on objects of many shapes (transitions, dictionary
        mode after deletes), computed and numeric-string keys, in, hasOwnProperty, for-in while
        properties are deleted."""
        keys = self.r.sample(['"a"', '"b"', '"1"', '0', '"x" + (i % 3)', '"len"', 'i % 5',
                              '"__x"', '"valueOf"'], self.r.randint(2, 5))
        return [
            Node('function st(o, i, v) {', [Node('o[%s] = v;' % k) for k in keys] + [
                Node('if (i %% %d === 0) delete o[%s];' % (self.r.randint(2, 7), self.pick(keys))),
                Node('return o;'),
            ]),
            Node('var shapes = [() => ({}), () => ({ a: 1 }), () => ({ b: 2, a: 1 }), () => [], '
                 '() => Object.create(null), () => new (class K { constructor() { this.z = 0; } })()];'),
            Node('var keep = [];'),
            Node('for (let i = 0; i < %d; i++) {' % self.r.randint(600, 1500), [
                Node('var o = st(shapes[i %% %d](), i, %s);' % (self.r.randint(1, 6), self.pick(
                    ['i', 'i * 0.5', '"v"', 'null', '-0']))),
                Node('ck(Object.keys(o).join()); ck("a" in o); ck(o[%s]);' % self.pick(keys)),
                Node('if (i % 97 === 0) keep.push(o);'),
            ]),
            Node('for (const o of keep) {', [
                Node('for (const k in o) { ck(k); if (k === "b") delete o.a; }'),
                Node('ck(Object.prototype.hasOwnProperty.call(o, "a"));'),
            ]),
            Node('console.log(keep.length, keep.map(o => Object.keys(o).length).join());'),
        ]

    def chunk_globals(self):
        """Global variables read by hot code while the global object's shape changes (implicit
        globals created and deleted), and global builtins (Math.abs, Math.floor) replaced and
        restored under call sites the JIT inlines."""
        g = self.name('gv')
        n = self.r.randint(1000, 2000)
        fn = self.pick(['abs', 'floor', 'sqrt', 'ceil', 'trunc'])
        return [
            Node('%s = %s;' % (g, self.num())),
            Node('function rg(i) { return typeof %s === "undefined" ? "u" : %s + Math.%s(i - 500); }'
                 % (g, g, fn)),
            Node('var saved = Math.%s;' % fn),
            Node('for (let i = 0; i < %d; i++) {' % n, [
                Node('ck(rg(i));'),
                Node('if (i %% %d === 0) globalThis["%s_" + (i %% 7)] = i;' % (self.r.randint(50, 200), g)),
                Node('if (i === %d) %s = %s;' % (self.r.randint(100, n), g, self.anylit())),
                Node('if (i === %d) delete globalThis.%s;' % (self.r.randint(100, n), g)),
                Node('if (i === %d) Math.%s = function (x) { return -7; };' % (self.r.randint(100, n), fn)),
                Node('if (i === %d) Math.%s = saved;' % (self.r.randint(100, n), fn)),
            ]),
            Node('Math.%s = saved;' % fn),
            Node('try { ck(%s); } catch (e) { ck(e instanceof ReferenceError); }' % g),
            Node('console.log(typeof %s, rg(3));' % g),
        ]

    def chunk_calls(self):
        """Hot calls with too few and too many arguments, `new` of plain functions and classes
        (fields, derived, constructors returning objects or primitives, new.target), `this` in
        sloppy calls, and closures created in the loop."""
        e = self.expr(['a', 'b', 'c'], 2)
        n = self.r.randint(300, 900)
        return [
            Node('function f3(a, b, c) { return %s; }' % e),
            Node('function C(x, y) {', [
                Node('this.x = x; this.y = y === undefined ? -1 : y;'),
                Node('if (x %% %d === 0) return { boxed: x };' % self.r.randint(3, 9)),
                Node('if (x %% %d === 1) return x;' % self.r.randint(3, 9)),
                Node('this.nt = new.target === C;'),
            ]),
            Node('class F { f = %s; g = this.f + 1; constructor(v) { this.v = v; } }' % self.anylit()),
            Node('class G extends F { h = 2; constructor(v, w) { super(w); this.w = new.target === G; } }'),
            Node('function self() { return this === undefined ? "u" : this === globalThis ? "g" : typeof this; }'),
            Node('for (let i = 0; i < %d; i++) {' % n, [
                Node('ck(f3(i)); ck(f3(i, %s)); ck(f3(i, 1, 2, 3, 4));' % self.anylit()),
                Node('ck(%s);' % self.pick(['f3()', 'f3.call(null, i, i)', 'f3.apply(null, [i])',
                                            'f3(...[i, i, i, i])'])),
                Node('ck(new C(i)); ck(new C(i, i * 0.5).y);'),
                Node('ck(new F(i)); ck(new G(i, -i)); ck(self()); ck(self.call(i));'),
                Node('var cl = (k) => k + i; ck(cl(%s));' % self.anylit()),
            ]),
            Node('console.log(JSON.stringify(new G(1, 2)), JSON.stringify(new C(4, 5)), f3(1, 2, 3));'),
        ]

    CHUNKS = ['chunk_arith', 'chunk_arith', 'chunk_arith', 'chunk_arith', 'chunk_int_loop', 'chunk_numbers', 'chunk_strings',
              'chunk_arrays', 'chunk_shapes', 'chunk_protos', 'chunk_closures', 'chunk_classes',
              'chunk_exceptions', 'chunk_control', 'chunk_recursion', 'chunk_types', 'chunk_sort',
              'chunk_intrinsics', 'chunk_misc', 'chunk_update', 'chunk_props',
              'chunk_globals', 'chunk_calls']

    def program(self, nchunks):
        nodes = [Node(line, fixed=True) for line in PRELUDE.split('\n')]
        for c in range(nchunks):
            kind = self.pick(self.CHUNKS)
            body = getattr(self, kind)()
            tag = 'c%d' % c
            body.append(Node('out("%s");' % tag))
            nodes.append(Node('(function %s_%s() {' % (tag, kind[6:]), body, '})();'))
        return nodes


def generate(seed, chunks=None):
    """The program for `seed`: a list of top-level `Node`s (render() gives its text)."""
    g = Gen(seed)
    n = chunks if chunks is not None else g.r.randint(3, 6)
    return g.program(n)


if __name__ == '__main__':
    sys.stdout.write(render(generate(int(sys.argv[1]))))
