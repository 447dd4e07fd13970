function render(tpl, data) {
  let out = "", i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf("{{", i);
    if (open < 0) { out += tpl.slice(i); break; }
    out += tpl.slice(i, open);
    const close = tpl.indexOf("}}", open);
    const expr = tpl.slice(open + 2, close).trim();
    const [path, ...filters] = expr.split("|").map(s => s.trim());
    let v = path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), data);
    for (const f of filters) {
      if (f === "upper") v = String(v).toUpperCase();
      else if (f === "len") v = v.length;
      else if (f.startsWith("default:")) v = v ?? f.slice(8);
      else if (f === "json") v = JSON.stringify(v);
    }
    out += v === undefined ? "" : v;
    i = close + 2;
  }
  return out;
}
const data = { user: { name: "ada", langs: ["js", "rust"] }, count: 3, missing: null };
console.log(render("Hello, {{ user.name | upper }}! You know {{user.langs|len}} languages: {{ user.langs }}.", data));
console.log(render("{{missing|default:n/a}} / {{nope.deeper}} / {{count}} / {{user|json}}", data));
console.log(render("no placeholders", data), JSON.stringify(render("", data)));
const rows = [{ n: "a", v: 1 }, { n: "b", v: 22 }];
console.log(rows.map(r => render("<li>{{n}}={{v}}</li>", r)).join(""));
