// A tiny markdown-to-HTML converter using only string methods
function inline(s) {
  let out = "", i = 0;
  while (i < s.length) {
    if (s.startsWith("**", i)) { const j = s.indexOf("**", i + 2); if (j > 0) { out += "<b>" + inline(s.slice(i + 2, j)) + "</b>"; i = j + 2; continue; } }
    if (s[i] === "*") { const j = s.indexOf("*", i + 1); if (j > 0) { out += "<i>" + s.slice(i + 1, j) + "</i>"; i = j + 1; continue; } }
    if (s[i] === "`") { const j = s.indexOf("`", i + 1); if (j > 0) { out += "<code>" + s.slice(i + 1, j).split("<").join("&lt;") + "</code>"; i = j + 1; continue; } }
    if (s[i] === "[") { const j = s.indexOf("](", i), k = s.indexOf(")", j); if (j > 0 && k > 0) { out += `<a href="${s.slice(j + 2, k)}">${s.slice(i + 1, j)}</a>`; i = k + 1; continue; } }
    out += s[i] === "<" ? "&lt;" : s[i] === "&" ? "&amp;" : s[i];
    i++;
  }
  return out;
}
function markdown(src) {
  const html = []; let list = false, para = [];
  const flushPara = () => { if (para.length) { html.push("<p>" + inline(para.join(" ")) + "</p>"); para = []; } };
  for (const raw of src.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#")) { flushPara(); let lvl = 0; while (line[lvl] === "#") lvl++; html.push(`<h${lvl}>${inline(line.slice(lvl).trim())}</h${lvl}>`); continue; }
    if (line.startsWith("- ")) { flushPara(); if (!list) { html.push("<ul>"); list = true; } html.push("  <li>" + inline(line.slice(2)) + "</li>"); continue; }
    if (list) { html.push("</ul>"); list = false; }
    if (line === "") flushPara(); else para.push(line);
  }
  flushPara(); if (list) html.push("</ul>");
  return html.join("\n");
}
console.log(markdown(`# Kiln **engine**
A *small* JavaScript engine with a \`<jit>\` and
an [issue tracker](https://example.com/issues) & more.

## Features
- **fast** interpreter
- baseline *JIT*
- \`console.log\` formatting
Trailing paragraph.`));
