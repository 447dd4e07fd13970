/*
 * sort.c - sorts N pseudo-random int32 values three ways and checks they agree.
 *
 * 1. quicksort written here: median-of-three pivot, Hoare-style partition, insertion sort for
 *    short ranges, recursion only into the smaller side (so the C stack stays O(log N));
 * 2. top-down mergesort written here, with one scratch buffer;
 * 3. the C library's qsort (an indirect call to the comparator for every comparison).
 * Plain ints, so the order of equal elements (qsort is not stable, and implementations
 * differ) cannot show in the output.
 *
 * Exercises: i32 loads/stores and compares in array loops, recursion, call_indirect via
 * qsort's comparator, memcpy, malloc of several MiB, u64 hashing.
 *
 * Usage: sort [N]   (default 1000000; the tests use 20000)
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 88172645463325252u;
static uint64_t xorshift64(void) {
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* A value in [-2^30, 2^30): no out-of-range conversions. Only 2^24 distinct magnitudes for
   big N, so there are plenty of duplicates to exercise the equal-key paths. */
static int32_t rand_value(int32_t n) {
    uint32_t r = (uint32_t)(xorshift64() >> 32);
    if (n >= 1000 && (r & 7) == 0)
        return (int32_t)(r % 1000u) - 500; /* 1/8 of the values: a narrow, duplicate-heavy band */
    return (int32_t)(r >> 1) - 0x40000000;
}

static void insertion_sort(int32_t *a, int32_t lo, int32_t hi) {
    for (int32_t i = lo + 1; i <= hi; i++) {
        int32_t x = a[i], j = i - 1;
        while (j >= lo && a[j] > x) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = x;
    }
}

static void swap(int32_t *a, int32_t i, int32_t j) {
    int32_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

static int32_t max_depth;

/* Sorts a[lo..hi] inclusive. */
static void quicksort(int32_t *a, int32_t lo, int32_t hi, int32_t depth) {
    if (depth > max_depth) max_depth = depth;
    while (hi - lo > 16) {
        int32_t mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap(a, mid, lo);
        if (a[hi] < a[lo]) swap(a, hi, lo);
        if (a[hi] < a[mid]) swap(a, hi, mid);
        int32_t pivot = a[mid];
        int32_t i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            swap(a, i, j);
        }
        /* a[lo..j] <= pivot <= a[j+1..hi]: recurse into the smaller part, loop on the other. */
        if (j - lo < hi - j) {
            quicksort(a, lo, j, depth + 1);
            lo = j + 1;
        } else {
            quicksort(a, j + 1, hi, depth + 1);
            hi = j;
        }
    }
    insertion_sort(a, lo, hi);
}

/* Sorts a[lo..hi) using tmp[lo..hi) as scratch. */
static void mergesort_rec(int32_t *a, int32_t *tmp, int32_t lo, int32_t hi) {
    if (hi - lo <= 12) {
        insertion_sort(a, lo, hi - 1);
        return;
    }
    int32_t mid = lo + (hi - lo) / 2;
    mergesort_rec(a, tmp, lo, mid);
    mergesort_rec(a, tmp, mid, hi);
    if (a[mid - 1] <= a[mid]) return; /* already in order */
    int32_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, (size_t)(hi - lo) * sizeof *a);
}

static int cmp_int32(const void *pa, const void *pb) {
    int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
    return (a > b) - (a < b);
}

static int is_sorted(const int32_t *a, int32_t n) {
    for (int32_t i = 1; i < n; i++)
        if (a[i - 1] > a[i]) return 0;
    return 1;
}

/* FNV-1a over the values' bytes, in order. */
static uint64_t hash_array(const int32_t *a, int32_t n) {
    uint64_t h = 0xCBF29CE484222325u;
    for (int32_t i = 0; i < n; i++) {
        uint32_t x = (uint32_t)a[i];
        for (int b = 0; b < 32; b += 8) {
            h ^= (x >> b) & 0xFF;
            h *= 0x100000001B3u;
        }
    }
    return h;
}

int main(int argc, char **argv) {
    int32_t n = argc > 1 ? (int32_t)atoi(argv[1]) : 1000000;
    if (n < 1 || n > 50000000) {
        fprintf(stderr, "usage: sort [N]  (1..50000000)\n");
        return 2;
    }
    int32_t *orig = malloc((size_t)n * sizeof *orig);
    int32_t *q = malloc((size_t)n * sizeof *q);
    int32_t *m = malloc((size_t)n * sizeof *m);
    int32_t *tmp = malloc((size_t)n * sizeof *tmp);
    int32_t *c = malloc((size_t)n * sizeof *c);
    if (!orig || !q || !m || !tmp || !c) {
        fprintf(stderr, "sort: out of memory\n");
        return 1;
    }
    int64_t sum = 0;
    for (int32_t i = 0; i < n; i++) {
        orig[i] = rand_value(n);
        sum += orig[i];
    }
    printf("sort N=%" PRId32 "\n", n);
    printf("input: sum=%" PRId64 " hash=%016" PRIx64 " first=%" PRId32 " last=%" PRId32 "\n",
           sum, hash_array(orig, n), orig[0], orig[n - 1]);

    memcpy(q, orig, (size_t)n * sizeof *q);
    quicksort(q, 0, n - 1, 1);
    memcpy(m, orig, (size_t)n * sizeof *m);
    mergesort_rec(m, tmp, 0, n);
    memcpy(c, orig, (size_t)n * sizeof *c);
    qsort(c, (size_t)n, sizeof *c, cmp_int32);

    printf("quicksort: sorted=%s depth<=%s\n", is_sorted(q, n) ? "yes" : "NO",
           max_depth <= 64 ? "64" : "BIG");
    printf("mergesort: sorted=%s same as quicksort=%s\n", is_sorted(m, n) ? "yes" : "NO",
           memcmp(q, m, (size_t)n * sizeof *q) == 0 ? "yes" : "NO");
    printf("qsort:     sorted=%s same as quicksort=%s\n", is_sorted(c, n) ? "yes" : "NO",
           memcmp(q, c, (size_t)n * sizeof *q) == 0 ? "yes" : "NO");

    int64_t sum2 = 0;
    uint64_t weighted = 0; /* wraps mod 2^64 for huge N: unsigned, so well defined */
    int32_t distinct = n > 0, longest_run = 1, run = 1;
    for (int32_t i = 0; i < n; i++) {
        sum2 += q[i];
        weighted += (uint64_t)(int64_t)q[i] * (uint64_t)(i % 1000);
        if (i > 0) {
            if (q[i] != q[i - 1]) {
                distinct++;
                run = 1;
            } else if (++run > longest_run) {
                longest_run = run;
            }
        }
    }
    printf("sorted: sum=%" PRId64 " (%s) weighted=%" PRIu64 " hash=%016" PRIx64 "\n", sum2,
           sum2 == sum ? "matches input" : "DIFFERS", weighted, hash_array(q, n));
    printf("distinct=%" PRId32 " longest run of equal values=%" PRId32 "\n", distinct, longest_run);
    for (int k = 0; k <= 8; k++) {
        int32_t i = (int32_t)((int64_t)(n - 1) * k / 8);
        printf("q[%" PRId32 "] = %" PRId32 "\n", i, q[i]);
    }

    /* Binary search for a few values from the input: each must be found. */
    int32_t found = 0;
    for (int32_t k = 0; k < 1000; k++) {
        int32_t want = orig[(int32_t)(((int64_t)k * 7919) % n)];
        int32_t lo = 0, hi = n - 1;
        while (lo < hi) {
            int32_t mid = lo + (hi - lo) / 2;
            if (q[mid] < want) lo = mid + 1;
            else hi = mid;
        }
        found += q[lo] == want;
    }
    printf("binary search: %" PRId32 "/1000 found\n", found);

    free(orig); free(q); free(m); free(tmp); free(c);
    return 0;
}
