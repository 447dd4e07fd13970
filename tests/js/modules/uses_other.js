// A module that itself requires another module (relative to this file)
const { Rect } = require("./shape");
const counter = require("./counter.js");
class Square extends Rect {
  constructor(s) { super(s, s); this.name = "square"; counter.increment(); }
}
module.exports = Square;
