function parseQuery(qs) {
  const out = {};
  if (qs.startsWith("?")) qs = qs.slice(1);
  for (const pair of qs.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const k = eq < 0 ? pair : pair.slice(0, eq), v = eq < 0 ? "" : pair.slice(eq + 1);
    const key = k.split("+").join(" "), val = v.split("+").join(" ");
    if (key in out) out[key] = [].concat(out[key], val); else out[key] = val;
  }
  return out;
}
function formatQuery(obj) { return Object.keys(obj).map(k => [].concat(obj[k]).map(v => `${k.split(" ").join("+")}=${String(v).split(" ").join("+")}`).join("&")).join("&"); }
const q = parseQuery("?name=Ann+Lee&tag=a&tag=b&empty=&flag&x=1=2");
console.log(q);
console.log(formatQuery(q));
console.log(formatQuery({ a: 1, b: [true, null], "c d": "e f" }));
function parseUrl(url) {
  const [schemeRest, frag = ""] = url.split("#");
  const [beforeQ, query = ""] = schemeRest.split("?");
  const schemeEnd = beforeQ.indexOf("://");
  const scheme = beforeQ.slice(0, schemeEnd), rest = beforeQ.slice(schemeEnd + 3);
  const slash = rest.indexOf("/");
  const host = slash < 0 ? rest : rest.slice(0, slash), path = slash < 0 ? "/" : rest.slice(slash);
  const [hostname, port = scheme === "https" ? "443" : "80"] = host.split(":");
  return { scheme, hostname, port: Number(port), path, query: parseQuery(query), fragment: frag };
}
console.log(parseUrl("https://example.com:8443/a/b/c.html?x=1&y=two#top"));
console.log(parseUrl("http://localhost"));
