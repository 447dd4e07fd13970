// encodeURI / encodeURIComponent / decodeURI / decodeURIComponent: UTF-8 escapes, reserved
// characters kept by decodeURI, URIError for lone surrogates and malformed sequences.
console.log(encodeURI('http://a.b/c d?e=f&g#h€𝄞'), encodeURIComponent('a b/c?d€'));
console.log(decodeURI('%41%2F%23%E2%82%AC%F0%9D%84%9E'), decodeURIComponent('%41%2F%23%E2%82%AC'));
for (const s of ['%', '%E2%82', '%C0%80', '%ED%A0%80', '%FF', '%zz']) { try { decodeURI(s); console.log('no'); } catch (e) { console.log(s, e.name, e.message); } }
try { encodeURI('\uD800'); } catch (e) { console.log(e.name, e.message); }
console.log(encodeURIComponent('\uD83D\uDE00'), encodeURI.length, decodeURIComponent.name);
