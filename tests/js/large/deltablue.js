// DeltaBlue: an incremental dataflow constraint solver, after the classic
// benchmark by John Maloney and Mario Wolczko (as in the V8 / Octane suite).
// Runs the chain test and the projection test; each checks its own results.
//
// usage: node deltablue.js [N] [--time]     (N = chain length / projection size)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const N = sizeArg ? parseInt(sizeArg, 10) : 60;

let planner = null;
let errors = [];

function error(msg) {
  errors.push(msg);
}

// An ordered collection: a thin wrapper over arrays, as in the original.
class OrderedCollection {
  constructor() { this.elms = []; }
  add(elm) { this.elms.push(elm); }
  at(index) { return this.elms[index]; }
  size() { return this.elms.length; }
  removeFirst() { return this.elms.pop(); }
  remove(elm) {
    let index = 0, skipped = 0;
    for (let i = 0; i < this.elms.length; i++) {
      const value = this.elms[i];
      if (value !== elm) {
        this.elms[index] = value;
        index++;
      } else {
        skipped++;
      }
    }
    for (let i = 0; i < skipped; i++) this.elms.pop();
  }
}

// Strengths: the strength of a constraint; lower value = stronger.
class Strength {
  constructor(strengthValue, name) {
    this.strengthValue = strengthValue;
    this.name = name;
  }
  static stronger(s1, s2) { return s1.strengthValue < s2.strengthValue; }
  static weaker(s1, s2) { return s1.strengthValue > s2.strengthValue; }
  static weakestOf(s1, s2) { return Strength.weaker(s1, s2) ? s1 : s2; }
  static strongest(s1, s2) { return Strength.stronger(s1, s2) ? s1 : s2; }
  nextWeaker() {
    switch (this.strengthValue) {
      case 0: return Strength.WEAKEST;
      case 1: return Strength.WEAK_DEFAULT;
      case 2: return Strength.NORMAL;
      case 3: return Strength.STRONG_DEFAULT;
      case 4: return Strength.PREFERRED;
      case 5: return Strength.REQUIRED;
    }
    return null;
  }
}
Strength.REQUIRED = new Strength(0, "required");
Strength.STRONG_PREFERRED = new Strength(1, "strongPreferred");
Strength.PREFERRED = new Strength(2, "preferred");
Strength.STRONG_DEFAULT = new Strength(3, "strongDefault");
Strength.NORMAL = new Strength(4, "normal");
Strength.WEAK_DEFAULT = new Strength(5, "weakDefault");
Strength.WEAKEST = new Strength(6, "weakest");

// Constraint: an abstract relation between variables.
class Constraint {
  constructor(strength) { this.strength = strength; }

  addConstraint() {
    this.addToGraph();
    planner.incrementalAdd(this);
  }

  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === Strength.REQUIRED) error("Could not satisfy a required constraint!");
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) error("Cycle encountered");
    out.mark = mark;
    return overridden;
  }

  destroyConstraint() {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    else this.removeFromGraph();
  }

  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.myOutput = v;
    this.satisfied = false;
    this.addConstraint();
  }
  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }
  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && Strength.stronger(this.strength, this.myOutput.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(mark) {}
  output() { return this.myOutput; }
  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown() { return true; }
  removeFromGraph() {
    if (this.myOutput !== null) this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

class StayConstraint extends UnaryConstraint {
  constructor(v, str) { super(v, str); }
  execute() {}
}

class EditConstraint extends UnaryConstraint {
  constructor(v, str) { super(v, str); }
  isInput() { return true; }
  execute() {}
}

const Direction = { NONE: 0, FORWARD: 1, BACKWARD: -1 };

class BinaryConstraint extends Constraint {
  constructor(var1, var2, strength) {
    super(strength);
    this.v1 = var1;
    this.v2 = var2;
    this.direction = Direction.NONE;
    this.addConstraint();
  }
  chooseMethod(mark) {
    if (this.v1.mark === mark) {
      this.direction = this.v2.mark !== mark && Strength.stronger(this.strength, this.v2.walkStrength) ? Direction.FORWARD : Direction.NONE;
    }
    if (this.v2.mark === mark) {
      this.direction = this.v1.mark !== mark && Strength.stronger(this.strength, this.v1.walkStrength) ? Direction.BACKWARD : Direction.NONE;
    }
    if (Strength.weaker(this.v1.walkStrength, this.v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, this.v1.walkStrength) ? Direction.BACKWARD : Direction.NONE;
    } else {
      this.direction = Strength.stronger(this.strength, this.v2.walkStrength) ? Direction.FORWARD : Direction.BACKWARD;
    }
  }
  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = Direction.NONE;
  }
  isSatisfied() { return this.direction !== Direction.NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === Direction.FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === Direction.FORWARD ? this.v2 : this.v1; }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }
  markUnsatisfied() { this.direction = Direction.NONE; }
  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }
  removeFromGraph() {
    if (this.v1 !== null) this.v1.removeConstraint(this);
    if (this.v2 !== null) this.v2.removeConstraint(this);
    this.direction = Direction.NONE;
  }
}

// v2 = v1 * scale + offset (relates two variables by a linear scale)
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) {
    // The base constructor calls addToGraph, which needs scale and offset
    // before `this` exists: hand them over through a static slot.
    ScaleConstraint.pending = { scale, offset };
    super(src, dest, strength);
    ScaleConstraint.pending = null;
  }
  addToGraph() {
    if (this.scale === undefined) {
      this.scale = ScaleConstraint.pending.scale;
      this.offset = ScaleConstraint.pending.offset;
    }
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    if (this.scale !== null) this.scale.removeConstraint(this);
    if (this.offset !== null) this.offset.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = this.offset.mark = mark;
  }
  execute() {
    if (this.direction === Direction.FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
    }
  }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  constructor(var1, var2, strength) { super(var1, var2, strength); }
  execute() { this.output().value = this.input().value; }
}

class Variable {
  constructor(name, initialValue) {
    this.value = initialValue || 0;
    this.constraints = new OrderedCollection();
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = Strength.WEAKEST;
    this.stay = true;
    this.name = name;
  }
  addConstraint(c) { this.constraints.add(c); }
  removeConstraint(c) {
    this.constraints.remove(c);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Planner {
  constructor() { this.currentMark = 0; }

  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    let strength = Strength.REQUIRED;
    do {
      for (let i = 0; i < unsatisfied.size(); i++) {
        const u = unsatisfied.at(i);
        if (u.strength === strength) this.incrementalAdd(u);
      }
      strength = strength.nextWeaker();
    } while (strength !== Strength.WEAKEST);
  }

  newMark() { return ++this.currentMark; }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources;
    while (todo.size() > 0) {
      const c = todo.removeFirst();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.addConstraint(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    const sources = new OrderedCollection();
    for (let i = 0; i < constraints.size(); i++) {
      const c = constraints.at(i);
      if (c.isInput() && c.isSatisfied()) sources.add(c);
    }
    return this.makePlan(sources);
  }

  addPropagate(c, mark) {
    const todo = new OrderedCollection();
    todo.add(c);
    while (todo.size() > 0) {
      const d = todo.removeFirst();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = Strength.WEAKEST;
    out.stay = true;
    const unsatisfied = new OrderedCollection();
    const todo = new OrderedCollection();
    todo.add(out);
    while (todo.size() > 0) {
      const v = todo.removeFirst();
      for (let i = 0; i < v.constraints.size(); i++) {
        const c = v.constraints.at(i);
        if (!c.isSatisfied()) unsatisfied.add(c);
      }
      const determining = v.determinedBy;
      for (let i = 0; i < v.constraints.size(); i++) {
        const next = v.constraints.at(i);
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.add(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    const cc = v.constraints;
    for (let i = 0; i < cc.size(); i++) {
      const c = cc.at(i);
      if (c !== determining && c.isSatisfied()) coll.add(c);
    }
  }
}

class Plan {
  constructor() { this.v = new OrderedCollection(); }
  addConstraint(c) { this.v.add(c); }
  size() { return this.v.size(); }
  constraintAt(index) { return this.v.at(index); }
  execute() {
    for (let i = 0; i < this.size(); i++) this.constraintAt(i).execute();
  }
}

// A long chain of equality constraints; changing the first variable must
// propagate to the last one.
function chainTest(n) {
  planner = new Planner();
  let prev = null, first = null, last = null;
  for (let i = 0; i <= n; i++) {
    const v = new Variable("v" + i);
    if (prev !== null) new EqualityConstraint(prev, v, Strength.REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, Strength.STRONG_DEFAULT);
  const edit = new EditConstraint(first, Strength.PREFERRED);
  const edits = new OrderedCollection();
  edits.add(edit);
  const plan = planner.extractPlanFromConstraints(edits);
  let checksum = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) error("Chain test failed: " + last.value + " != " + i);
    checksum += last.value;
  }
  edit.destroyConstraint();
  return checksum + plan.size();
}

// A set of variables related by scale/offset constraints; edits on either
// side must be projected onto the other.
function projectionTest(n) {
  planner = new Planner();
  const scale = new Variable("scale", 10);
  const offset = new Variable("offset", 1000);
  let src = null, dst = null;
  const dests = new OrderedCollection();
  for (let i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.add(dst);
    new StayConstraint(src, Strength.NORMAL);
    new ScaleConstraint(src, scale, offset, dst, Strength.REQUIRED);
  }
  let checksum = 0;
  change(src, 17);
  if (dst.value !== 1170) error("Projection 1 failed");
  checksum += dst.value;
  change(dst, 1050);
  if (src.value !== 5) error("Projection 2 failed");
  checksum += src.value;
  change(scale, 5);
  for (let i = 0; i < n - 1; i++) {
    if (dests.at(i).value !== i * 5 + 1000) error("Projection 3 failed");
    checksum += dests.at(i).value;
  }
  change(offset, 2000);
  for (let i = 0; i < n - 1; i++) {
    if (dests.at(i).value !== i * 5 + 2000) error("Projection 4 failed");
    checksum += dests.at(i).value;
  }
  return checksum;
}

function change(v, newValue) {
  const edit = new EditConstraint(v, Strength.PREFERRED);
  const edits = new OrderedCollection();
  edits.add(edit);
  const plan = planner.extractPlanFromConstraints(edits);
  for (let i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

// Independent expectations: chain sums 0..99 plus the plan length (n + 1
// constraints: the edit and n equalities); projection sums are closed forms.
function expectedChain(n) { return 4950 + n + 1; }
function expectedProjection(n) {
  let s = 1170 + 5;
  for (let i = 0; i < n - 1; i++) s += i * 5 + 1000;
  for (let i = 0; i < n - 1; i++) s += i * 5 + 2000;
  return s;
}

const t0 = performance.now();
const chain = chainTest(N);
const projection = projectionTest(N);
const t1 = performance.now();
console.log("chain test checksum:", chain);
console.log("projection test checksum:", projection);
const ok = errors.length === 0 && chain === expectedChain(N) && projection === expectedProjection(N);
if (errors.length) console.log("errors:", errors.slice(0, 5));
console.log(ok ? "ok" : "FAIL");
if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
if (!ok) process.exit(1);
