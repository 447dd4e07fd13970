// JSON round trip: build a small library catalogue from classes, serialize
// it with JSON.stringify (using toJSON and a replacer), parse it back with
// JSON.parse and a reviver that restores the class instances, and check that
// nothing was lost. A hand-written validator reports problems in a broken
// document.
//
//   kiln run examples/json_roundtrip.js

class Author {
  constructor(name, born) {
    this.name = name;
    this.born = born;
  }
  toJSON() {
    return { type: "Author", name: this.name, born: this.born };
  }
}

class Book {
  constructor(title, author, year, tags = [], copies = 1) {
    this.title = title;
    this.author = author;
    this.year = year;
    this.tags = tags;
    this.copies = copies;
  }
  toJSON() {
    return { type: "Book", title: this.title, author: this.author, year: this.year, tags: this.tags, copies: this.copies };
  }
}

class Library {
  constructor(name) {
    this.name = name;
    this.books = [];
    this.loans = {};
  }
  add(book) {
    this.books.push(book);
    return this;
  }
  lend(title, who) {
    const book = this.books.find(b => b.title === title);
    if (!book) throw new RangeError(`no such book: ${title}`);
    const out = (this.loans[title] || []).length;
    if (out >= book.copies) throw new Error(`all copies of "${title}" are lent out`);
    (this.loans[title] = this.loans[title] || []).push(who);
  }
  toJSON() {
    return { type: "Library", name: this.name, books: this.books, loans: this.loans };
  }
}

// The reviver sees every value bottom-up and turns tagged objects back into
// instances of the right class.
function revive(key, value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  switch (value.type) {
    case "Author":
      return new Author(value.name, value.born);
    case "Book":
      return new Book(value.title, value.author, value.year, value.tags, value.copies);
    case "Library": {
      const lib = new Library(value.name);
      value.books.forEach(b => lib.add(b));
      lib.loans = value.loans;
      return lib;
    }
    default:
      return value;
  }
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every(k => deepEqual(a[k], b[k]));
}

// ---- build -----------------------------------------------------------------

const knuth = new Author("Donald Knuth", 1938);
const hopper = new Author("Grace Hopper", 1906);
const lovelace = new Author("Ada Lovelace", 1815);

const library = new Library("Engine Room Library")
  .add(new Book("The Art of Computer Programming", knuth, 1968, ["algorithms", "classic"], 2))
  .add(new Book("Notes on the Analytical Engine", lovelace, 1843, ["history", "programming"]))
  .add(new Book("Understanding Computers", hopper, 1984, ["compilers"], 3))
  .add(new Book("Literate Programming", knuth, 1992, ["programming", "TeX"]));

library.lend("The Art of Computer Programming", "ann");
library.lend("The Art of Computer Programming", "bob");
library.lend("Literate Programming", "cy");
for (const [title, who] of [["The Art of Computer Programming", "dee"], ["The Mythical Man-Month", "eve"]]) {
  try {
    library.lend(title, who);
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}

// ---- serialize -------------------------------------------------------------

const compact = JSON.stringify(library);
console.log(`\ncompact JSON: ${compact.length} characters`);
console.log(compact.slice(0, 120) + "...");

// A replacer can drop or rewrite fields: here, loans become counts.
const summary = JSON.stringify(library, (key, value) => (key === "loans" ? Object.keys(value).length : value), 2);
console.log("\npretty JSON with a replacer (first 12 lines):");
console.log(summary.split("\n").slice(0, 12).join("\n"));

// ---- parse back -------------------------------------------------------------

const restored = JSON.parse(compact, revive);
console.log("\nrestored is a Library:", restored instanceof Library);
console.log("books are Books:", restored.books.every(b => b instanceof Book));
console.log("authors are Authors:", restored.books.every(b => b.author instanceof Author));
console.log("identical to the original:", deepEqual(restored, library));
console.log("same JSON again:", JSON.stringify(restored) === compact);

console.log("\ncatalogue:");
for (const book of restored.books.slice().sort((a, b) => a.year - b.year)) {
  const lent = (restored.loans[book.title] || []).length;
  console.log(`  ${String(book.year).padEnd(5)} ${book.title.padEnd(34)} ${book.author.name.padEnd(14)} ${lent}/${book.copies} lent`);
}

// ---- validation ---------------------------------------------------------------

function validateBook(b, path) {
  const problems = [];
  if (typeof b.title !== "string" || b.title === "") problems.push(`${path}.title must be a non-empty string`);
  if (!Number.isInteger(b.year)) problems.push(`${path}.year must be an integer`);
  if (!Array.isArray(b.tags)) problems.push(`${path}.tags must be an array`);
  if (!(b.copies >= 1)) problems.push(`${path}.copies must be at least 1`);
  return problems;
}

const broken = '{"type":"Library","name":"Broken","books":[{"type":"Book","title":"","year":"1999","tags":"x","copies":0}],"loans":{}}';
const raw = JSON.parse(broken);
console.log("\nvalidating a broken document:");
raw.books.forEach((b, i) => validateBook(b, `books[${i}]`).forEach(p => console.log("  - " + p)));

for (const bad of ['{"name": "unterminated', "[1, 2,]", "{'single': 1}"]) {
  try {
    JSON.parse(bad);
  } catch (e) {
    console.log(`rejected ${JSON.stringify(bad)}: ${e.name}`);
  }
}
