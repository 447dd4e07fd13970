function inner() { try { throw new TypeError("thrown in inner"); } finally { console.log("inner finally"); } }
function outer() { try { inner(); } finally { console.log("outer finally"); } }
outer();
