// RegExp legacy static properties (RegExp.$1-$9, input, lastMatch, lastParen, leftContext,
// rightContext and their $ aliases), as browsers and node have them.
console.log(JSON.stringify([RegExp.$1, RegExp.input, RegExp.lastMatch]));
/(\d+)-(\d+)(x)?/.exec('abc 12-34 def');
console.log(RegExp.$1, RegExp.$2, JSON.stringify(RegExp.$3), RegExp.$9 === '', RegExp.lastMatch, RegExp['$&']);
console.log(JSON.stringify([RegExp.leftContext, RegExp.rightContext, RegExp.lastParen, RegExp.input, RegExp.$_]));
'hello world'.replace(/(o) (w)/, '-');
console.log(RegExp.$1, RegExp.$2, RegExp['$`'], RegExp["$'"]);
/zzz/.test('no match');
console.log(RegExp.$1, 'kept after a failed match');
RegExp.input = 'set by hand';
console.log(RegExp.input, RegExp.$_);
const d = Object.getOwnPropertyDescriptor(RegExp, '$1');
console.log(typeof d.get, d.enumerable, d.configurable);
console.log(Object.getOwnPropertyDescriptor(RegExp, 'input').set.name);
'a1b2'.match(/[a-z](\d)/g);
console.log(RegExp.$1, RegExp.lastMatch);
