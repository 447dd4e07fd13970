// default depth is 2: deeper objects print as [Object] / [Array]
const deep = { l1: { l2: { l3: { l4: "too deep" } } } };
console.log(deep);
console.log([[[[["five"]]]]]);
console.log({ a: [{ b: [{ c: 1 }] }] });
console.log([{ x: { y: { z: {} } } }]);
console.log({ l1: { l2: { l3: [] } } }, { l1: { l2: { l3: {} } } });
class Deep { constructor() { this.inner = { more: { evenMore: { end: 1 } } }; } }
console.log(new Deep());
