const data = {
  name: "kiln", version: [0, 1, 0], active: true, ratio: 0.75, nothing: null,
  nested: { list: [{ id: 1, tags: ["a", "b"] }, { id: 2, tags: [] }], empty: {} },
  text: "line1\nline2\t\"quoted\" \\ back", unicode: "héllo ☺", big: 1e21, small: 1e-7, neg: -42.5,
};
const s = JSON.stringify(data);
console.log(s);
const back = JSON.parse(s);
console.log(JSON.stringify(back) === s, back.nested.list[0].tags, back.text === data.text, back.unicode);
const pretty = JSON.stringify(data, null, 2);
console.log(pretty);
console.log(JSON.stringify(JSON.parse(pretty)) === s);
const arr = JSON.parse("[1, \"two\", [3, [4]], {\"five\": 5}, null, true, false, -0.5e2]");
console.log(arr, arr.length);
console.log(JSON.parse(JSON.stringify({ u: undefined, f() {}, d: [undefined] })));
