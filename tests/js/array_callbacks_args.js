const arr = ["a", "b", "c"];
arr.forEach((v, i, a) => console.log(v, i, a === arr));
console.log(arr.map((v, i, a) => a.length - i));
console.log(arr.filter((v, i) => i !== 1));
console.log(arr.reduce((acc, v, i, a) => acc + v + i + a.length, ">"));
console.log(arr.find((v, i) => i === 2), arr.findIndex((v, i, a) => a[i] === "b"));
console.log(arr.some((v, i) => i > 1), arr.every((v, i) => typeof i === "number"));
const ctx = { mult: 3 };
console.log([1, 2].map(function (x) { return x * this.mult; }, ctx));
try { arr.map(null); } catch (e) { console.log(e instanceof TypeError); }
try { arr.forEach(5); } catch (e) { console.log(e instanceof TypeError); }
console.log([1, 2, 3].map(x => [x, x * 2]));
console.log(Array.from([1, 2, 3], (x, i) => x + i));
