// Class static blocks: run once at class definition, in order with static fields, with
// `this` the class, their own var scope, access to private names and outer variables.
let log = [];
class A {
  static x = (log.push('field x'), 1);
  static {
    log.push('block 1, x = ' + this.x);
    this.y = this.x + 1;
  }
  static z = (log.push('field z'), 3);
  static {
    var local = 'only here';
    log.push('block 2, y = ' + this.y + ', ' + local);
  }
}
console.log(log, A.y, typeof local);

let getSecret;
class B {
  #secret = 42;
  static #count = 0;
  static {
    getSecret = (b) => b.#secret;
    B.#count++;
  }
  static count() { return B.#count; }
}
console.log(getSecret(new B()), B.count());

const C = class Named {
  static {
    console.log('named:', this === Named, this.name);
  }
};
try {
  class D {
    static {
      throw new Error('from static block');
    }
  }
} catch (e) {
  console.log(e.message);
}
