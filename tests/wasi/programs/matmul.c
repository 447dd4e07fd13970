/*
 * matmul.c - dense N x N matrix multiply, in double and in float.
 *
 * Exercises: f64 and f32 multiply/add in tight loop nests, 2-D indexing into heap arrays
 * (i32 address arithmetic, loads and stores with constant offsets), malloc of a few MiB
 * (memory.grow), u64 bit hashing of doubles.
 *
 * C = A * B is computed three ways: dot products against a transposed B (i-j-k), the
 * cache-friendly i-k-j order, and i-k-j blocked over k. For every C[i][j] all three add the
 * same products in the same order (k ascending, starting from 0.0, no FMA), so they must agree
 * bit for bit; the program checks that, then prints checksums with %.17g and a hash of the
 * result's bit patterns, so any rounding difference anywhere shows up in the output.
 *
 * Usage: matmul [N]      (default 600; the tests use 48)
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

/* splitmix64: a small, well-mixed 64-bit PRNG (unsigned arithmetic only). */
static uint64_t rng_next(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A double in [-1, 1) with 53 random bits (exact conversion). */
static double rng_unit(void) {
    return (double)(rng_next() >> 11) * (1.0 / 4503599627370496.0) - 1.0;
}

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "matmul: out of memory\n");
        exit(1);
    }
    return p;
}

/* FNV-1a over the bit patterns of n doubles. */
static uint64_t hash_doubles(const double *v, size_t n) {
    uint64_t h = 0xCBF29CE484222325u;
    for (size_t i = 0; i < n; i++) {
        uint64_t bits;
        memcpy(&bits, &v[i], sizeof bits);
        for (int b = 0; b < 64; b += 8) {
            h ^= (bits >> b) & 0xFF;
            h *= 0x100000001B3u;
        }
    }
    return h;
}

static void mul_dot(int n, const double *a, const double *b, double *c) {
    double *bt = xcalloc((size_t)n * n, sizeof *bt);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            bt[j * n + i] = b[i * n + j];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            const double *ra = a + i * n, *rb = bt + j * n;
            double sum = 0.0;
            for (int k = 0; k < n; k++)
                sum += ra[k] * rb[k];
            c[i * n + j] = sum;
        }
    }
    free(bt);
}

static void mul_ikj(int n, const double *a, const double *b, double *c) {
    memset(c, 0, (size_t)n * n * sizeof *c);
    for (int i = 0; i < n; i++) {
        double *rc = c + i * n;
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            const double *rb = b + k * n;
            for (int j = 0; j < n; j++)
                rc[j] += aik * rb[j];
        }
    }
}

/* i-k-j with k split into blocks of 16; C[i][j] still sees k in ascending order. */
static void mul_blocked(int n, const double *a, const double *b, double *c) {
    enum { BK = 16 };
    memset(c, 0, (size_t)n * n * sizeof *c);
    for (int kk = 0; kk < n; kk += BK) {
        int kend = kk + BK < n ? kk + BK : n;
        for (int i = 0; i < n; i++) {
            double *rc = c + i * n;
            for (int k = kk; k < kend; k++) {
                double aik = a[i * n + k];
                const double *rb = b + k * n;
                for (int j = 0; j < n; j++)
                    rc[j] += aik * rb[j];
            }
        }
    }
}

static void mul_float(int n, const float *a, const float *b, float *c) {
    memset(c, 0, (size_t)n * n * sizeof *c);
    for (int i = 0; i < n; i++) {
        float *rc = c + i * n;
        for (int k = 0; k < n; k++) {
            float aik = a[i * n + k];
            const float *rb = b + k * n;
            for (int j = 0; j < n; j++)
                rc[j] += aik * rb[j];
        }
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 600;
    if (n < 1 || n > 4096) {
        fprintf(stderr, "usage: matmul [N]  (1..4096)\n");
        return 2;
    }
    size_t nn = (size_t)n * n;
    double *a = xcalloc(nn, sizeof *a), *b = xcalloc(nn, sizeof *b);
    double *c1 = xcalloc(nn, sizeof *c1), *c2 = xcalloc(nn, sizeof *c2);
    double *c3 = xcalloc(nn, sizeof *c3);
    for (size_t i = 0; i < nn; i++) a[i] = rng_unit();
    for (size_t i = 0; i < nn; i++) b[i] = rng_unit();

    mul_dot(n, a, b, c1);
    mul_ikj(n, a, b, c2);
    mul_blocked(n, a, b, c3);

    printf("matmul N=%d\n", n);
    int same12 = memcmp(c1, c2, nn * sizeof *c1) == 0;
    int same13 = memcmp(c1, c3, nn * sizeof *c1) == 0;
    printf("double: dot == ikj: %s, dot == blocked: %s\n", same12 ? "yes" : "NO",
           same13 ? "yes" : "NO");

    double sum = 0.0, trace = 0.0, absmax = 0.0;
    for (size_t i = 0; i < nn; i++) {
        sum += c1[i];
        double m = c1[i] < 0 ? -c1[i] : c1[i];
        if (m > absmax) absmax = m;
    }
    for (int i = 0; i < n; i++) trace += c1[i * n + i];
    printf("double: sum=%.17g trace=%.17g\n", sum, trace);
    printf("double: max|c|=%.17g c[0][0]=%.17g c[n-1][n-1]=%.17g\n", absmax, c1[0], c1[nn - 1]);
    printf("double: bits hash=%016" PRIx64 "\n", hash_doubles(c1, nn));

    /* The same product in float: inputs rounded to float, products accumulated in float. */
    float *fa = xcalloc(nn, sizeof *fa), *fb = xcalloc(nn, sizeof *fb);
    float *fc = xcalloc(nn, sizeof *fc);
    for (size_t i = 0; i < nn; i++) {
        fa[i] = (float)a[i];
        fb[i] = (float)b[i];
    }
    mul_float(n, fa, fb, fc);
    double fsum = 0.0, maxdiff = 0.0;
    uint32_t fhash = 2166136261u;
    for (size_t i = 0; i < nn; i++) {
        fsum += fc[i];
        double d = (double)fc[i] - c1[i];
        if (d < 0) d = -d;
        if (d > maxdiff) maxdiff = d;
        uint32_t bits;
        memcpy(&bits, &fc[i], sizeof bits);
        fhash = (fhash ^ bits) * 16777619u;
    }
    printf("float:  sum=%.9g c[0][0]=%.9g max|float-double|=%.6e\n", fsum, (double)fc[0], maxdiff);
    printf("float:  bits hash=%08" PRIx32 "\n", fhash);

    free(a); free(b); free(c1); free(c2); free(c3);
    free(fa); free(fb); free(fc);
    return 0;
}
