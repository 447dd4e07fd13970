export * from "./forms_lib.mjs";
export * as lib from "./forms_lib.mjs";
export { default as greetAgain, answer as theAnswer } from "./forms_lib.mjs";
export { default } from "./default_expr.mjs";
