const LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
function winner(b) { for (const [x, y, z] of LINES) if (b[x] && b[x] === b[y] && b[y] === b[z]) return b[x]; return b.includes(null) ? null : "draw"; }
let nodes = 0;
const memo = {};
function minimax(b, player) {
  const key = b.map(c => c || "-").join("") + player;
  if (key in memo) return memo[key];
  nodes++;
  const w = winner(b);
  if (w === "X") return { score: 1 }; if (w === "O") return { score: -1 }; if (w === "draw") return { score: 0 };
  let best = { score: player === "X" ? -2 : 2, move: -1 };
  for (let i = 0; i < 9; i++) {
    if (b[i]) continue;
    b[i] = player;
    const { score } = minimax(b, player === "X" ? "O" : "X");
    b[i] = null;
    if (player === "X" ? score > best.score : score < best.score) best = { score, move: i };
  }
  memo[key] = best;
  return best;
}
const board = new Array(9).fill(null);
let player = "X";
const moves = [];
while (!winner(board)) { const { move } = minimax(board, player); board[move] = player; moves.push(move); player = player === "X" ? "O" : "X"; }
console.log(moves, winner(board), nodes);
for (let r = 0; r < 3; r++) console.log(board.slice(r * 3, r * 3 + 3).map(c => c || " ").join("|"));
const midGame = ["X", "O", "X", null, "O", null, null, null, null];
console.log(minimax(midGame, "X"));
