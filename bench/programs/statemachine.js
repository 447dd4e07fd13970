// statemachine: a robot controller whose states and input events are strings (`state ===
// 'forward'`, `switch` on strings), as event-driven JavaScript is often written. The events
// come from splitting a generated command text, so most compares meet equal strings in
// different cells. A table-driven run of the same machine (property lookups instead of
// string compares) checks every step. BENCH_SIZE = passes over the event stream.
var EVENTS = ['go', 'back', 'left', 'right', 'stop', 'tick', 'tick', 'tick', 'bump', 'reset'];
function makeCommands(n, seed) {
  var parts = [], i;
  for (i = 0; i < n; i++) {
    seed = (seed * 69069 + 1) % 4294967296;
    parts.push(EVENTS[Math.floor(seed / 65536) % EVENTS.length]);
  }
  return parts.join(' ');
}

function Robot() { this.state = 'idle'; this.x = 0; this.y = 0; this.dir = 0; this.moves = 0; }
var DX = [0, 1, 0, -1], DY = [1, 0, -1, 0];
Robot.prototype.step = function () {
  this.x += DX[this.dir];
  this.y += DY[this.dir];
  this.moves++;
};
Robot.prototype.handle = function (ev) {
  var s = this.state;
  if (ev === 'reset') { this.state = 'idle'; this.dir = 0; return; }
  switch (s) {
    case 'idle':
      if (ev === 'go') this.state = 'forward';
      else if (ev === 'back') this.state = 'backward';
      else if (ev === 'left' || ev === 'right') this.state = 'turning';
      break;
    case 'forward':
      if (ev === 'tick') this.step();
      else if (ev === 'stop') this.state = 'idle';
      else if (ev === 'bump') this.state = 'stuck';
      else if (ev === 'back') this.state = 'backward';
      else if (ev === 'left') { this.dir = (this.dir + 3) % 4; this.state = 'turning'; }
      else if (ev === 'right') { this.dir = (this.dir + 1) % 4; this.state = 'turning'; }
      break;
    case 'backward':
      if (ev === 'tick') { this.dir = (this.dir + 2) % 4; this.step(); this.dir = (this.dir + 2) % 4; }
      else if (ev === 'stop' || ev === 'bump') this.state = 'idle';
      else if (ev === 'go') this.state = 'forward';
      break;
    case 'turning':
      if (ev === 'tick') this.state = 'forward';
      else if (ev === 'left') this.dir = (this.dir + 3) % 4;
      else if (ev === 'right') this.dir = (this.dir + 1) % 4;
      else if (ev === 'stop') this.state = 'idle';
      break;
    case 'stuck':
      if (ev === 'back') this.state = 'backward';
      else if (ev === 'tick') this.moves--;
      break;
    default:
      throw new Error('bad state ' + s);
  }
};

// The same machine as transition tables: next state and action per (state, event).
var TABLE = {
  idle: { go: 'forward', back: 'backward', left: 'turning', right: 'turning' },
  forward: { tick: '+step', stop: 'idle', bump: 'stuck', back: 'backward', left: 'turning<', right: 'turning>' },
  backward: { tick: '-step', stop: 'idle', bump: 'idle', go: 'forward' },
  turning: { tick: 'forward', left: '<', right: '>', stop: 'idle' },
  stuck: { back: 'backward', tick: '-moves' }
};
function TableRobot() { this.state = 'idle'; this.x = 0; this.y = 0; this.dir = 0; this.moves = 0; }
TableRobot.prototype.handle = function (ev) {
  var t, a;
  if (ev === 'reset') { this.state = 'idle'; this.dir = 0; return; }
  t = TABLE[this.state];
  if (!t.hasOwnProperty(ev)) return;
  a = t[ev];
  if (a === '+step' || a === '-step') {
    var d = a === '+step' ? this.dir : (this.dir + 2) % 4;
    this.x += DX[d]; this.y += DY[d]; this.moves++;
  } else if (a === '-moves') this.moves--;
  else if (a === '<' || a === '>') this.dir = (this.dir + (a === '<' ? 3 : 1)) % 4;
  else if (a === 'turning<' || a === 'turning>') {
    this.dir = (this.dir + (a === 'turning<' ? 3 : 1)) % 4;
    this.state = 'turning';
  } else this.state = a;
};

function run(passes) {
  var events = makeCommands(20000, 7).split(' '), p, i, r, t = null, sum = 0, visits = {};
  for (p = 0; p < passes; p++) {
    r = new Robot();
    if (p === 0) t = new TableRobot();
    for (i = 0; i < events.length; i++) {
      r.handle(events[i]);
      if (r.state === 'forward' || r.state === 'stuck') sum = (sum + r.x * 3 + r.y) | 0;
      if (p === 0) {
        // The first pass checks every step against the table-driven machine.
        t.handle(events[i]);
        if (t.state !== r.state || t.x !== r.x || t.y !== r.y || t.dir !== r.dir ||
            t.moves !== r.moves) return 'FAIL at ' + i;
        visits[t.state] = (visits[t.state] || 0) + 1;
      }
    }
  }
  return sum + ':' + r.state + ':' + r.x + ',' + r.y + ':' + r.moves + ':' +
    visits.idle + '/' + visits.forward + '/' + visits.backward + '/' + visits.turning + '/' +
    visits.stuck;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
