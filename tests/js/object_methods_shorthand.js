const name = "calc";
const calc = {
  name,
  total: 0,
  add(n) { this.total += n; return this; },
  ["sub" + "tract"](n) { this.total -= n; return this; },
  "multi word"(n) { this.total *= n; return this; },
  42() { return "numeric method name"; },
  reset: function () { this.total = 0; return this; },
  arrow: () => "arrow cannot see this",
  nested: { deep() { return "deep method"; } },
};
console.log(calc.add(5).subtract(2)["multi word"](10).total, calc[42](), calc.nested.deep(), calc.arrow());
console.log(calc.reset().total, Object.keys(calc));
console.log(calc.add.name, calc.subtract.name, calc["multi word"].name, calc.reset.name, calc.arrow.name);
const x = 1, y = 2;
const point = { x, y, toString() { return `(${this.x}, ${this.y})`; } };
console.log(`${point}`, String(point), point + "", [point] + "");
const factory = (kind, size) => ({ kind, size, describe() { return `${this.size} ${this.kind}`; } });
console.log(factory("box", "large").describe(), factory("cup").describe());
