class Button {
  clicks = 0;
  label;
  onClick = () => { this.clicks++; return `${this.label} clicked ${this.clicks}x`; };
  constructor(label) { this.label = label; }
}
const ok = new Button("OK"), cancel = new Button("Cancel");
const handlers = [ok.onClick, cancel.onClick, ok.onClick];
console.log(handlers.map(h => h()));
console.log(ok.onClick === new Button("OK").onClick, Object.keys(ok));
class Timer { static instances = []; id = Timer.instances.length; constructor() { Timer.instances.push(this); } }
new Timer(); new Timer(); const t3 = new Timer();
console.log(t3.id, Timer.instances.map(t => t.id));
class Base { greeting = "hello"; greet = () => this.greeting + " from " + this.constructor.name; }
class Child extends Base { greeting = "hi"; }
console.log(new Base().greet(), new Child().greet());
