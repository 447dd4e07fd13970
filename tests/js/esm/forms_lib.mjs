// Every export form.
export const answer = 42;
export let counter = 0;
export function increment() {
  counter++;
}
export class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const hidden = "renamed";
export { hidden as visible, hidden as "string name" };
export default function greet(name) {
  return `hello ${name}`;
}
export var v1 = 1, v2 = 2;
export const { a: destructA, b: destructB } = { a: "A", b: "B" };
