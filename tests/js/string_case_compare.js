console.log("Hello World".toUpperCase(), "Hello World".toLowerCase(), "123abc!".toUpperCase(), "".toUpperCase() === "");
const words = ["banana", "Apple", "cherry", "apple", "Banana"];
console.log(words.slice().sort(), words.slice().sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
console.log("a" < "b", "a" < "B", "Z" < "a", "10" < "9", "abc" < "abcd", "abd" > "abcz");
console.log("abc".localeCompare("abd"), "abd".localeCompare("abc"), "abc".localeCompare("abc"), ["b", "c", "a"].sort((x, y) => x.localeCompare(y)));
function isPalindrome(s) { let t = ""; for (const c of s.toLowerCase()) if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) t += c; return t === [...t].reverse().join(""); }
console.log(["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"].map(isPalindrome));
const anagrams = {};
for (const w of ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]) { const k = [...w].sort().join(""); (anagrams[k] = anagrams[k] || []).push(w); }
console.log(Object.values(anagrams).filter(g => g.length > 1));
console.log("ß".toUpperCase(), "ÀÉÎ".toLowerCase());
