// Linked lists: a singly linked list with merge sort and reversal, a
// doubly linked deque, an LRU cache built from a hash and a doubly linked
// list, and Floyd cycle detection. Heavy on small object allocation,
// property access and pointer chasing; results are cross-checked with
// arrays.
//
// usage: node linked_list.js [N] [--time]      (default N = 10000)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const N = sizeArg ? parseInt(sizeArg, 10) : 10000;

class Random {
  constructor(seed) { this.state = seed; }
  // Park-Miller minimal standard generator (exact in doubles).
  next() {
    this.state = (this.state * 16807) % 2147483647;
    return this.state;
  }
  below(n) { return this.next() % n; }
}

class Node {
  constructor(value, next) {
    this.value = value;
    this.next = next;
  }
}

class SinglyLinkedList {
  constructor() {
    this.head = null;
    this.length = 0;
  }
  static fromArray(values) {
    const list = new SinglyLinkedList();
    for (let i = values.length - 1; i >= 0; i--) list.pushFront(values[i]);
    return list;
  }
  pushFront(value) {
    this.head = new Node(value, this.head);
    this.length++;
  }
  popFront() {
    if (this.head === null) return undefined;
    const v = this.head.value;
    this.head = this.head.next;
    this.length--;
    return v;
  }
  toArray() {
    const out = [];
    for (let n = this.head; n !== null; n = n.next) out.push(n.value);
    return out;
  }
  reverse() {
    let prev = null;
    let cur = this.head;
    while (cur !== null) {
      const next = cur.next;
      cur.next = prev;
      prev = cur;
      cur = next;
    }
    this.head = prev;
    return this;
  }
  nth(i) {
    let n = this.head;
    while (n !== null && i > 0) {
      n = n.next;
      i--;
    }
    return n === null ? undefined : n.value;
  }
  sum() {
    let s = 0;
    for (let n = this.head; n !== null; n = n.next) s += n.value;
    return s;
  }
  removeIf(pred) {
    const dummy = new Node(null, this.head);
    let prev = dummy;
    let removed = 0;
    while (prev.next !== null) {
      if (pred(prev.next.value)) {
        prev.next = prev.next.next;
        removed++;
      } else {
        prev = prev.next;
      }
    }
    this.head = dummy.next;
    this.length -= removed;
    return removed;
  }
  sort(cmp) {
    this.head = mergeSort(this.head, cmp);
    return this;
  }
}

function splitMiddle(head) {
  let slow = head;
  let fast = head.next;
  while (fast !== null && fast.next !== null) {
    slow = slow.next;
    fast = fast.next.next;
  }
  const second = slow.next;
  slow.next = null;
  return second;
}

function merge(a, b, cmp) {
  const dummy = new Node(null, null);
  let tail = dummy;
  while (a !== null && b !== null) {
    if (cmp(b.value, a.value) < 0) {
      tail.next = b;
      b = b.next;
    } else {
      tail.next = a;
      a = a.next;
    }
    tail = tail.next;
  }
  tail.next = a !== null ? a : b;
  return dummy.next;
}

function mergeSort(head, cmp) {
  if (head === null || head.next === null) return head;
  const second = splitMiddle(head);
  return merge(mergeSort(head, cmp), mergeSort(second, cmp), cmp);
}

// Floyd's tortoise and hare: length of the cycle reachable from head, or 0.
function cycleLength(head) {
  let slow = head;
  let fast = head;
  while (fast !== null && fast.next !== null) {
    slow = slow.next;
    fast = fast.next.next;
    if (slow === fast) {
      let len = 1;
      for (let n = slow.next; n !== slow; n = n.next) len++;
      return len;
    }
  }
  return 0;
}

class DNode {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.prev = null;
    this.next = null;
  }
}

class Deque {
  constructor() {
    this.sentinel = new DNode(null, null);
    this.sentinel.prev = this.sentinel;
    this.sentinel.next = this.sentinel;
    this.size = 0;
  }
  insertAfter(node, after) {
    node.prev = after;
    node.next = after.next;
    after.next.prev = node;
    after.next = node;
    this.size++;
    return node;
  }
  unlink(node) {
    node.prev.next = node.next;
    node.next.prev = node.prev;
    node.prev = node.next = null;
    this.size--;
    return node;
  }
  pushFront(node) { return this.insertAfter(node, this.sentinel); }
  pushBack(node) { return this.insertAfter(node, this.sentinel.prev); }
  popFront() { return this.size === 0 ? null : this.unlink(this.sentinel.next); }
  popBack() { return this.size === 0 ? null : this.unlink(this.sentinel.prev); }
  keys() {
    const out = [];
    for (let n = this.sentinel.next; n !== this.sentinel; n = n.next) out.push(n.key);
    return out;
  }
}

class LRUCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = {};
    this.order = new Deque();
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
  }
  get(key) {
    const node = this.map[key];
    if (node === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.order.unlink(node);
    this.order.pushFront(node);
    return node.value;
  }
  put(key, value) {
    const existing = this.map[key];
    if (existing !== undefined) {
      existing.value = value;
      this.order.unlink(existing);
      this.order.pushFront(existing);
      return;
    }
    if (this.order.size >= this.capacity) {
      const lru = this.order.popBack();
      delete this.map[lru.key];
      this.evictions++;
    }
    this.map[key] = this.order.pushFront(new DNode(key, value));
  }
}

// A reference LRU on arrays (slow but obviously right) to check against.
class ArrayLRU {
  constructor(capacity) {
    this.capacity = capacity;
    this.keys = [];
    this.values = {};
  }
  get(key) {
    const i = this.keys.indexOf(key);
    if (i < 0) return undefined;
    this.keys.splice(i, 1);
    this.keys.unshift(key);
    return this.values[key];
  }
  put(key, value) {
    const i = this.keys.indexOf(key);
    if (i >= 0) this.keys.splice(i, 1);
    else if (this.keys.length >= this.capacity) delete this.values[this.keys.pop()];
    this.keys.unshift(key);
    this.values[key] = value;
  }
}

function sameArrays(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function main() {
  const checks = [];
  const rng = new Random(42);
  const values = [];
  for (let i = 0; i < N; i++) values.push(rng.below(1000000));

  const t0 = performance.now();

  // Singly linked list: build, sum, reverse, sort, filter.
  const list = SinglyLinkedList.fromArray(values);
  checks.push(["list round trip", sameArrays(list.toArray(), values)]);
  checks.push(["list sum", list.sum() === values.reduce((a, b) => a + b, 0)]);
  list.reverse();
  checks.push(["reverse", sameArrays(list.toArray(), values.slice().reverse())]);
  list.sort((a, b) => a - b);
  const sortedValues = values.slice().sort((a, b) => a - b);
  checks.push(["merge sort = Array sort", sameArrays(list.toArray(), sortedValues)]);
  const removed = list.removeIf(v => v % 3 === 0);
  checks.push(["removeIf", list.length === values.length - removed && list.toArray().every(v => v % 3 !== 0)]);
  console.log("median:", sortedValues[N >> 1], "removed:", removed, "10th after filter:", list.nth(10));

  // Stable merge sort on records.
  const records = SinglyLinkedList.fromArray(values.slice(0, 2000).map((v, i) => ({ key: v % 10, i })));
  records.sort((a, b) => a.key - b.key);
  const recs = records.toArray();
  let stable = true;
  for (let i = 1; i < recs.length; i++) {
    if (recs[i - 1].key > recs[i].key) stable = false;
    if (recs[i - 1].key === recs[i].key && recs[i - 1].i > recs[i].i) stable = false;
  }
  checks.push(["merge sort is stable", stable]);

  // Cycle detection: splice the tail back to node 37.
  const cyc = SinglyLinkedList.fromArray(values.slice(0, 100));
  checks.push(["no cycle", cycleLength(cyc.head) === 0]);
  let tail = cyc.head;
  let target = null;
  for (let i = 0; tail.next !== null; i++) {
    if (i === 37) target = tail;
    tail = tail.next;
  }
  tail.next = target;
  checks.push(["cycle of 63 found", cycleLength(cyc.head) === 63]);

  // Deque used as a queue and a stack.
  const dq = new Deque();
  for (let i = 0; i < 10; i++) {
    if (i % 2) dq.pushBack(new DNode(i, null));
    else dq.pushFront(new DNode(i, null));
  }
  console.log("deque:", dq.keys().join(" "));
  const ends = [dq.popFront().key, dq.popBack().key, dq.size];
  console.log("popped:", ends);

  // LRU cache against the array reference.
  const cap = 64;
  const lru = new LRUCache(cap);
  const ref = new ArrayLRU(cap);
  let agree = true;
  for (let i = 0; i < Math.min(N, 20000); i++) {
    const key = "k" + (values[i] % 150);
    if (values[i] % 4 === 0) {
      lru.put(key, i);
      ref.put(key, i);
    } else if (lru.get(key) !== ref.get(key)) {
      agree = false;
    }
  }
  checks.push(["LRU agrees with reference", agree]);
  checks.push(["LRU order agrees", sameArrays(lru.order.keys(), ref.keys)]);
  console.log(`LRU: ${lru.hits} hits, ${lru.misses} misses, ${lru.evictions} evictions`);

  const t1 = performance.now();

  let checksum = 0;
  for (let n = list.head; n !== null; n = n.next) checksum = (checksum * 31 + n.value) % 1000000007;
  console.log("checksum:", checksum);

  let ok = true;
  for (const [name, passed] of checks) {
    console.log((passed ? "pass " : "FAIL ") + name);
    if (!passed) ok = false;
  }
  console.log(ok ? "ok" : "FAIL");
  if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
  if (!ok) process.exit(1);
}

main();
