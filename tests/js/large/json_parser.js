// A hand-written JSON parser and serializer (no JSON.parse inside the
// parser). Documents are generated deterministically, serialized with
// JSON.stringify, parsed by this parser, re-serialized by this serializer
// and compared; malformed inputs must be rejected with positions.
//
// usage: node json_parser.js [DOCS] [--time]      (default DOCS = 40)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const DOCS = sizeArg ? parseInt(sizeArg, 10) : 40;

class ParseError extends SyntaxError {
  constructor(message, pos) {
    super(`${message} at position ${pos}`);
    this.name = "ParseError";
    this.pos = pos;
  }
}

class Parser {
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  fail(message) {
    throw new ParseError(message, this.pos);
  }

  peek() {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  skipWhitespace() {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  expect(ch) {
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  parseDocument() {
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos !== this.text.length) this.fail("unexpected trailing characters");
    return value;
  }

  parseValue() {
    this.skipWhitespace();
    const c = this.peek();
    switch (c) {
      case 123: return this.parseObject();   // {
      case 91: return this.parseArray();     // [
      case 34: return this.parseString();    // "
      case 116: return this.parseLiteral("true", true);
      case 102: return this.parseLiteral("false", false);
      case 110: return this.parseLiteral("null", null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.parseNumber();
        if (c === -1) this.fail("unexpected end of input");
        this.fail(`unexpected character '${this.text[this.pos]}'`);
    }
  }

  parseLiteral(word, value) {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    this.fail(`invalid literal`);
  }

  parseObject() {
    this.expect("{");
    const obj = {};
    this.skipWhitespace();
    if (this.peek() === 125) {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== 34) this.fail("expected string key");
      const key = this.parseString();
      this.skipWhitespace();
      this.expect(":");
      obj[key] = this.parseValue();
      this.skipWhitespace();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        return obj;
      }
      this.fail("expected ',' or '}'");
    }
  }

  parseArray() {
    this.expect("[");
    const arr = [];
    this.skipWhitespace();
    if (this.peek() === 93) {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.parseValue());
      this.skipWhitespace();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return arr;
      }
      this.fail("expected ',' or ']'");
    }
  }

  parseString() {
    this.expect('"');
    let out = "";
    let start = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail("unterminated string");
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 32) this.fail("control character in string");
      if (c === 92) {
        out += this.text.slice(start, this.pos);
        this.pos++;
        const e = this.text[this.pos];
        this.pos++;
        switch (e) {
          case '"': out += '"'; break;
          case "\\": out += "\\"; break;
          case "/": out += "/"; break;
          case "b": out += "\b"; break;
          case "f": out += "\f"; break;
          case "n": out += "\n"; break;
          case "r": out += "\r"; break;
          case "t": out += "\t"; break;
          case "u": {
            const hex = this.text.slice(this.pos, this.pos + 4);
            let code = 0;
            for (let i = 0; i < 4; i++) {
              const d = parseInt(hex[i], 16);
              if (hex.length < 4 || Number.isNaN(d)) this.fail("bad unicode escape");
              code = code * 16 + d;
            }
            out += String.fromCharCode(code);
            this.pos += 4;
            break;
          }
          default:
            this.pos--;
            this.fail("bad escape");
        }
        start = this.pos;
      } else {
        this.pos++;
      }
    }
  }

  parseNumber() {
    const start = this.pos;
    if (this.peek() === 45) this.pos++;
    const digitsFrom = this.pos;
    if (this.peek() === 48) {
      this.pos++;
    } else if (this.peek() >= 49 && this.peek() <= 57) {
      while (this.peek() >= 48 && this.peek() <= 57) this.pos++;
    } else {
      this.fail("expected digit");
    }
    if (this.pos === digitsFrom) this.fail("expected digit");
    if (this.peek() === 46) {
      this.pos++;
      const f = this.pos;
      while (this.peek() >= 48 && this.peek() <= 57) this.pos++;
      if (this.pos === f) this.fail("expected fraction digits");
    }
    if (this.peek() === 101 || this.peek() === 69) {
      this.pos++;
      if (this.peek() === 43 || this.peek() === 45) this.pos++;
      const e = this.pos;
      while (this.peek() >= 48 && this.peek() <= 57) this.pos++;
      if (this.pos === e) this.fail("expected exponent digits");
    }
    return parseFloat(this.text.slice(start, this.pos));
  }
}

function parse(text) {
  return new Parser(text).parseDocument();
}

// Serializer matching JSON.stringify for plain data (no indentation).
function quote(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c < 32) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function serialize(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean": return value ? "true" : "false";
    case "number": return isFinite(value) ? String(value) : "null";
    case "string": return quote(value);
    case "object": {
      if (Array.isArray(value)) return "[" + value.map(v => (v === undefined ? "null" : serialize(v))).join(",") + "]";
      const parts = [];
      for (const k of Object.keys(value)) {
        if (value[k] === undefined) continue;
        parts.push(quote(k) + ":" + serialize(value[k]));
      }
      return "{" + parts.join(",") + "}";
    }
  }
  return undefined;
}

// Deterministic document generator.
class Random {
  constructor(seed) { this.state = seed; }
  next() {
    this.state = (this.state * 16807) % 2147483647;
    return this.state / 2147483647;
  }
  int(n) { return Math.floor(this.next() * n); }
  pick(list) { return list[this.int(list.length)]; }
}

const WORDS = ["alpha", "beta", "gamma", "delta", "kiln", "json", "tab\there", "quote\"d", "back\\slash", "new\nline", "ünïcødé", "☺", "", "\u0001ctl"];

function generate(rng, depth) {
  const kind = depth > 3 ? rng.int(4) : rng.int(7);
  switch (kind) {
    case 0: return rng.int(2) === 0;
    case 1: return rng.int(10) === 0 ? null : rng.int(100000) - 50000;
    case 2: return rng.pick([0.5, -1.25, 3.14159, 1e21, 1e-7, 123.456, -0.001, 6.02e23, 2 ** 53]);
    case 3: return rng.pick(WORDS) + (rng.int(3) === 0 ? String(rng.int(100)) : "");
    case 4:
    case 5: {
      const obj = {};
      const n = rng.int(6);
      for (let i = 0; i < n; i++) obj[rng.pick(WORDS) + i] = generate(rng, depth + 1);
      return obj;
    }
    default: {
      const arr = [];
      const n = rng.int(6);
      for (let i = 0; i < n; i++) arr.push(generate(rng, depth + 1));
      return arr;
    }
  }
}

function countNodes(v) {
  if (v === null || typeof v !== "object") return 1;
  let n = 1;
  for (const k in v) n += countNodes(v[k]);
  return n;
}

const MALFORMED = ['{"a":1,}', "[1,2", '{"a" 1}', "[01]", '"unterminated', "tru", "-", "1.", "1e", '{"a":1}x', "[1 2]", '"bad \\x escape"', "{1:2}", "", '"\\u12G4"', "[-]"];

function main() {
  const checks = [];
  const rng = new Random(2024);
  let totalChars = 0;
  let totalNodes = 0;
  let roundTrips = 0;
  let checksum = 0;
  const t0 = performance.now();
  for (let d = 0; d < DOCS; d++) {
    const doc = generate(rng, 0);
    const text = JSON.stringify(doc);
    const pretty = JSON.stringify(doc, null, 2);
    const parsed = parse(text);
    const parsedPretty = parse(pretty);
    const again = serialize(parsed);
    if (again === text && serialize(parsedPretty) === text) roundTrips++;
    totalChars += text.length;
    totalNodes += countNodes(parsed);
    for (let i = 0; i < again.length; i++) checksum = (checksum * 33 + again.charCodeAt(i)) % 1000000007;
  }
  const t1 = performance.now();
  console.log(`documents: ${DOCS}, characters: ${totalChars}, nodes: ${totalNodes}`);
  console.log("checksum:", checksum);
  checks.push(["all documents round trip", roundTrips === DOCS]);

  // The parser agrees with JSON.parse on a fixed sample.
  const sample = '{"n":[1,-2.5e3,0,1e-7],"s":"a\\u00e9\\n\\"q\\"","t":true,"f":false,"z":null,"o":{"deep":[[[]],{}]}}';
  const mine = parse(sample);
  console.log(mine);
  checks.push(["agrees with JSON.parse", serialize(mine) === JSON.stringify(JSON.parse(sample))]);

  let rejected = 0;
  for (const bad of MALFORMED) {
    try {
      parse(bad);
      console.log("accepted malformed input:", JSON.stringify(bad));
    } catch (e) {
      if (e instanceof ParseError && e instanceof SyntaxError) rejected++;
      console.log(JSON.stringify(bad).padEnd(20), "->", e.message);
    }
  }
  checks.push(["all malformed inputs rejected", rejected === MALFORMED.length]);

  let ok = true;
  for (const [name, passed] of checks) {
    console.log((passed ? "pass " : "FAIL ") + name);
    if (!passed) ok = false;
  }
  console.log(ok ? "ok" : "FAIL");
  if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
  if (!ok) process.exit(1);
}

main();
