export let counter = 0;
export function increment() {
  counter += 1;
}
export function reset() {
  counter = 0;
}
