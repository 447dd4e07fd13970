const mu = require("./modules/math_utils");
const mu2 = require("./modules/math_utils.js");
console.log(mu.square(7), mu.cube(3), mu.PI2, mu === mu2, mu.loadCount());
console.log(typeof secret, typeof square, Object.keys(mu));
const { Shape, Rect } = require("./modules/shape");
const r = new Rect(2, 3.5);
console.log(r.describe(), r instanceof Shape, new Shape("blob").describe());
console.log(typeof module, typeof exports, typeof require, module.exports === exports);
