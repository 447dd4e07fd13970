// node groups arrays of more than six short items into aligned columns
console.log(["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g"]);
console.log(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "honeydew", "kiwi", "lemon", "mango"]);
console.log([true, false, true, false, true, false, true]);
console.log([null, undefined, null, undefined, null, undefined, null]);
console.log(["x", 1, "yy", 22, "zzz", 333, "w", 4444, "v"]);
console.log([[1], [2], [3], [4], [5], [6], [7]]);
console.log([{}, {}, {}, {}, {}, {}, {}]);
console.log(["a very long string number one", "short", "s", "another fairly long string", "t", "u", "v"]);
const sixteen = []; for (let i = 0; i < 16; i++) sixteen.push("item" + i);
console.log(sixteen);
const longer = []; for (let i = 0; i < 101; i++) longer.push(i % 7);
console.log(longer);
console.log(new Array(7).fill("same"));
console.log([1, 2, 3, 4, 5, 6, , 8, 9]);
