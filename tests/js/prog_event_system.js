class EventEmitter {
  constructor() { this.listeners = {}; }
  on(evt, fn) { (this.listeners[evt] = this.listeners[evt] || []).push({ fn, once: false }); return this; }
  once(evt, fn) { (this.listeners[evt] = this.listeners[evt] || []).push({ fn, once: true }); return this; }
  off(evt, fn) { this.listeners[evt] = (this.listeners[evt] || []).filter(l => l.fn !== fn); return this; }
  emit(evt, ...args) { const ls = this.listeners[evt] || []; this.listeners[evt] = ls.filter(l => !l.once); ls.forEach(l => l.fn.apply(this, args)); return ls.length > 0; }
  count(evt) { return (this.listeners[evt] || []).length; }
}
class Store extends EventEmitter {
  constructor(state) { super(); this.state = state; this.history = []; }
  dispatch(action) {
    const prev = this.state;
    switch (action.type) {
      case "add": this.state = { ...prev, items: [...prev.items, action.item] }; break;
      case "remove": this.state = { ...prev, items: prev.items.filter(i => i !== action.item) }; break;
      case "rename": this.state = { ...prev, name: action.name }; break;
      default: this.emit("error", new Error("unknown action " + action.type)); return;
    }
    this.history.push(action.type);
    this.emit("change", this.state, prev);
  }
}
const store = new Store({ name: "list", items: [] });
const log = [];
store.on("change", (s, p) => log.push(`${p.items.length}->${s.items.length}`));
store.once("change", s => log.push("first change: " + s.items.join()));
store.on("error", e => log.push("error: " + e.message));
store.dispatch({ type: "add", item: "a" });
store.dispatch({ type: "add", item: "b" });
store.dispatch({ type: "remove", item: "a" });
store.dispatch({ type: "explode" });
store.dispatch({ type: "rename", name: "renamed" });
console.log(log);
console.log(store.state, store.history, store.count("change"), store.emit("nothing"));
