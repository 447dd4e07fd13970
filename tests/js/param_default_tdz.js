// Parameter defaults: a default may not read its own parameter or a later one (TDZ).
try { ((x = x) => x)(); console.log('no throw 1') } catch (e) { console.log(e.constructor.name) }
try { (function (x = y, y) {})(); console.log('no throw 2') } catch (e) { console.log(e.constructor.name) }
try { (function (a, b = a) { return b })(3) ; console.log('ok 3') } catch (e) { console.log(e.constructor.name) }
try { (function (x = () => x) { return x()() })(); console.log('no throw 6') } catch (e) { console.log(e.constructor.name) }
console.log((function (x = 5, y = x + 1) { return [x, y] })());
console.log((function (x = 5) { return (() => x)() })(undefined), (function (x = 5) { return (() => x)() })(7));
