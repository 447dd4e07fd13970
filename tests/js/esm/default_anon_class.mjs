export default class {
  hi() {
    return "class default";
  }
}
