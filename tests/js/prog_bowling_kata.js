function score(rolls) {
  let total = 0, i = 0;
  const frames = [];
  for (let frame = 0; frame < 10; frame++) {
    if (rolls[i] === 10) { total += 10 + rolls[i + 1] + rolls[i + 2]; i += 1; }
    else if (rolls[i] + rolls[i + 1] === 10) { total += 10 + rolls[i + 2]; i += 2; }
    else { total += rolls[i] + rolls[i + 1]; i += 2; }
    frames.push(total);
  }
  return { total, frames };
}
const games = {
  gutter: new Array(20).fill(0), ones: new Array(20).fill(1), spare: [5, 5, 3, ...new Array(17).fill(0)],
  strike: [10, 3, 4, ...new Array(16).fill(0)], perfect: new Array(12).fill(10), allSpares: new Array(21).fill(5),
  mixed: [10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1],
};
for (const [name, rolls] of Object.entries(games)) { const { total, frames } = score(rolls); console.log(name.padEnd(10), String(total).padStart(3), frames.join(" ")); }
