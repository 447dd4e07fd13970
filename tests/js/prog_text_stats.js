const poem = `Two roads diverged in a yellow wood,
And sorry I could not travel both
And be one traveler, long I stood
And looked down one as far as I could
To where it bent in the undergrowth;`;
const lines = poem.split("\n");
console.log("lines:", lines.length, "chars:", poem.length);
const letters = {};
for (const ch of poem.toLowerCase()) if (ch >= "a" && ch <= "z") letters[ch] = (letters[ch] || 0) + 1;
const top = Object.entries(letters).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
console.log(top);
for (const l of lines) { const words = l.split(" "); console.log(String(words.length).padStart(2), l.length.toString().padStart(3), words[0].padEnd(6), words[words.length - 1]); }
const vowels = [...poem].filter(c => "aeiouAEIOU".includes(c)).length;
console.log("vowels:", vowels, "ratio:", (vowels / poem.length).toFixed(4));
const histogram = {};
for (const w of poem.split("\n").join(" ").split(" ")) { const len = w.length; histogram[len] = (histogram[len] || "") + "*"; }
for (const k of Object.keys(histogram)) console.log(k.padStart(2), histogram[k]);
