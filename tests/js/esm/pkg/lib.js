export const fromPkg = "a .js module under type: module";
export const isStrict = (function () { return this === undefined; })();
