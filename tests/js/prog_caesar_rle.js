function caesar(s, k) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + k) % 26 + 26) % 26 + 65);
    else if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + k) % 26 + 26) % 26 + 97);
    else out += s[i];
  }
  return out;
}
const msg = "The Quick Brown Fox Jumps Over The Lazy Dog!";
const enc = caesar(msg, 13);
console.log(enc, caesar(enc, -13) === msg, caesar(msg, 26) === msg, caesar("xyz", 3));
function rle(s) { let out = "", i = 0; while (i < s.length) { let j = i; while (j < s.length && s[j] === s[i]) j++; out += (j - i) + s[i]; i = j; } return out; }
function unrle(s) { let out = "", num = ""; for (const ch of s) { if (ch >= "0" && ch <= "9") num += ch; else { out += ch.repeat(Number(num)); num = ""; } } return out; }
const data = "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW";
console.log(rle(data), unrle(rle(data)) === data, rle(""), rle("abc"));
function vigenere(s, key, dir) { let out = "", j = 0; for (const ch of s) { const c = ch.charCodeAt(0); if (c >= 65 && c <= 90) { out += String.fromCharCode((c - 65 + dir * (key.charCodeAt(j++ % key.length) - 65) + 26) % 26 + 65); } else out += ch; } return out; }
const v = vigenere("ATTACK AT DAWN", "LEMON", 1);
console.log(v, vigenere(v, "LEMON", -1));
