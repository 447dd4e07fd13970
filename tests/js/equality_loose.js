// == coercions
const vals = [0, -0, 1, "", "0", "1", " ", "a", null, undefined, true, false, NaN, [], [0], [1], {}, "true"];
const names = ["0", "-0", "1", '""', '"0"', '"1"', '" "', '"a"', "null", "undefined", "true", "false", "NaN", "[]", "[0]", "[1]", "{}", '"true"'];
for (let i = 0; i < vals.length; i++) {
  let row = "";
  for (let j = 0; j < vals.length; j++) row += vals[i] == vals[j] ? "1" : ".";
  console.log(names[i].padEnd(10), row);
}
console.log(null == undefined, null == 0, undefined == 0, null == false, undefined == "");
console.log("1" == 1, "1.0" == 1, "0x10" == 16, " 1 " == 1, "\n" == 0, "1e1" == 10);
console.log([1, 2] == "1,2", [[]] == "", [null] == "", [undefined] == 0, ({}) == "[object Object]");
let o = {}; let p = o;
console.log(o == p, o == {}, [] == [], "abc" == "abc", 2 == 2.0);
