/*
 * recursion.c - call-heavy recursive functions.
 *
 *   fib(n)        naive doubly recursive Fibonacci (~1.6^n calls, depth n)
 *   ack(2, m)     Ackermann, = 2m + 3 (depth about 2m)
 *   ack(3, k)     Ackermann, = 2^(k+3) - 3 (depth about 2^(k+3): k <= 8 keeps it ~2,050)
 *   tak(x, y, z)  Takeuchi's function (three-way recursion, depth about x)
 *   queens(q)     N-queens solution count by bitmask backtracking (depth q)
 *   hanoi(d)      Towers of Hanoi: move count and a checksum of the moves (depth d)
 *   even/odd(m)   mutual recursion (depth m)
 * and a count of every call made.
 *
 * Exercises: direct calls and returns, i32 arithmetic on arguments, branches; call_indirect
 * via a function-pointer table for the mutual recursion. None of these functions takes the
 * address of a local, so clang keeps their frames off the C shadow stack (wasm-ld's default
 * 64 KiB) entirely; the depth only costs the engine's own native stack. The deepest chains:
 * even/odd at 1,000 + 40N frames (1,800 for N = 20, 2,600 for N = 40, at most 2,800),
 * ack(3, 8) at 2,047 and ack(2, 20N) at 40N + 4.
 *
 * Usage: recursion [N]   (default 40; the tests use 20). N drives all parameters:
 *   fib(N), ack(2, 20N), ack(3, min(N/4, 8)), tak(X, 2X/3, X/3) with X = N/2 + 8,
 *   queens(min(N/3 + 1, 13)), hanoi(N/2 + 4), even/odd(1000 + 40N).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t calls;

static uint32_t fib(uint32_t n) {
    calls++;
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static uint32_t ack(uint32_t m, uint32_t n) {
    calls++;
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static int32_t tak(int32_t x, int32_t y, int32_t z) {
    calls++;
    if (y >= x) return z;
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

/* Counts placements of the remaining queens; cols/diag1/diag2 are occupied-square masks. */
static uint32_t queens(uint32_t all, uint32_t cols, uint32_t d1, uint32_t d2) {
    calls++;
    if (cols == all) return 1;
    uint32_t count = 0;
    uint32_t free_sq = all & ~(cols | d1 | d2);
    while (free_sq) {
        uint32_t bit = free_sq & (0u - free_sq);
        free_sq ^= bit;
        count += queens(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >> 1);
    }
    return count;
}

/* Moves d discs from peg a to peg c; folds every move into *sum. */
static uint64_t hanoi(uint32_t d, uint32_t a, uint32_t b, uint32_t c, uint32_t *sum) {
    calls++;
    if (d == 0) return 0;
    uint64_t moves = hanoi(d - 1, a, c, b, sum);
    *sum = *sum * 31u + (d * 9u + a * 3u + c);
    moves += 1 + hanoi(d - 1, b, a, c, sum);
    return moves;
}

/* Mutual recursion through a table of function pointers (call_indirect in Wasm). */
typedef int (*parity_fn)(uint32_t);
static int is_even(uint32_t n);
static int is_odd(uint32_t n);
static parity_fn volatile parity[2] = {is_even, is_odd};
static int is_even(uint32_t n) {
    calls++;
    return n == 0 ? 1 : parity[1](n - 1);
}
static int is_odd(uint32_t n) {
    calls++;
    return n == 0 ? 0 : parity[0](n - 1);
}

int main(int argc, char **argv) {
    int32_t n = argc > 1 ? (int32_t)atoi(argv[1]) : 40;
    if (n < 3 || n > 45) {
        fprintf(stderr, "usage: recursion [N]  (3..45)\n");
        return 2;
    }
    uint64_t before;

    before = calls;
    uint32_t f = fib((uint32_t)n);
    printf("fib(%" PRId32 ") = %" PRIu32 "  [%" PRIu64 " calls]\n", n, f, calls - before);

    uint32_t m = 20u * (uint32_t)n;
    before = calls;
    uint32_t a2 = ack(2, m);
    printf("ack(2, %" PRIu32 ") = %" PRIu32 "  [%" PRIu64 " calls]\n", m, a2, calls - before);

    uint32_t k = (uint32_t)n / 4 < 8 ? (uint32_t)n / 4 : 8;
    before = calls;
    uint32_t a3 = ack(3, k);
    printf("ack(3, %" PRIu32 ") = %" PRIu32 "  [%" PRIu64 " calls]\n", k, a3, calls - before);

    int32_t x = n / 2 + 8, y = 2 * x / 3, z = x / 3;
    before = calls;
    int32_t t = tak(x, y, z);
    printf("tak(%" PRId32 ", %" PRId32 ", %" PRId32 ") = %" PRId32 "  [%" PRIu64 " calls]\n", x,
           y, z, t, calls - before);

    uint32_t q = (uint32_t)n / 3 + 1 < 13 ? (uint32_t)n / 3 + 1 : 13;
    before = calls;
    uint32_t sols = queens((1u << q) - 1, 0, 0, 0);
    printf("queens(%" PRIu32 ") = %" PRIu32 "  [%" PRIu64 " calls]\n", q, sols, calls - before);

    uint32_t sum = 0;
    before = calls;
    uint32_t d = (uint32_t)n / 2 + 4;
    uint64_t moves = hanoi(d, 1, 2, 3, &sum);
    printf("hanoi(%" PRIu32 ") = %" PRIu64 " moves, checksum %08" PRIx32 "  [%" PRIu64 " calls]\n",
           d, moves, sum, calls - before);

    uint32_t e = 1000u + 40u * (uint32_t)n;
    before = calls;
    int ev = parity[0](e), od = parity[1](e + 1);
    printf("even(%" PRIu32 ") = %d, odd(%" PRIu32 ") = %d  [%" PRIu64 " calls]\n", e, ev, e + 1,
           od, calls - before);

    printf("total calls = %" PRIu64 "\n", calls);
    return 0;
}
