class Editor {
  constructor() { this.text = ""; this.undoStack = []; this.redoStack = []; }
  apply(cmd) { cmd.do(this); this.undoStack.push(cmd); this.redoStack.length = 0; return this; }
  undo() { const c = this.undoStack.pop(); if (c) { c.undo(this); this.redoStack.push(c); } return this; }
  redo() { const c = this.redoStack.pop(); if (c) { c.do(this); this.undoStack.push(c); } return this; }
}
class Insert { constructor(pos, s) { this.pos = pos; this.s = s; } do(e) { e.text = e.text.slice(0, this.pos) + this.s + e.text.slice(this.pos); } undo(e) { e.text = e.text.slice(0, this.pos) + e.text.slice(this.pos + this.s.length); } }
class Delete { constructor(pos, n) { this.pos = pos; this.n = n; this.removed = ""; } do(e) { this.removed = e.text.slice(this.pos, this.pos + this.n); e.text = e.text.slice(0, this.pos) + e.text.slice(this.pos + this.n); } undo(e) { e.text = e.text.slice(0, this.pos) + this.removed + e.text.slice(this.pos); } }
class Upper { do(e) { this.before = e.text; e.text = e.text.toUpperCase(); } undo(e) { e.text = this.before; } }
const ed = new Editor();
const states = [];
const snap = () => states.push(JSON.stringify(ed.text));
ed.apply(new Insert(0, "hello")); snap();
ed.apply(new Insert(5, " world")); snap();
ed.apply(new Delete(0, 1)); snap();
ed.apply(new Insert(0, "J")); snap();
ed.apply(new Upper()); snap();
ed.undo(); snap(); ed.undo(); snap(); ed.undo(); snap();
ed.redo(); snap();
ed.apply(new Insert(ed.text.length, "!")); snap();
ed.redo(); snap();
console.log(states.join("\n"));
console.log(ed.undoStack.length, ed.redoStack.length, ed.undoStack.map(c => c.constructor.name));
