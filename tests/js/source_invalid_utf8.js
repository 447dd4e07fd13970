// Source bytes that are not UTF-8 decode as U+FFFD, as node reads files.
const s = "aÿbÃ(c";
console.log(s.length, [...s].map((c) => c.charCodeAt(0)));
