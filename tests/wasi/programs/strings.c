/*
 * strings.c - formatting, parsing and searching C strings.
 *
 * Per iteration: snprintf an int and a double with "%d %x %.3f %e %g", parse every field back
 * with strtol/strtoul/strtod (checking each against the original), print the double with
 * "%.17g" and check strtod gives back the same bits, tokenize the line with strtok_r, build a
 * comma-separated record with strcat/strcpy and split it with strchr, search it with strstr and
 * compare pieces with memcmp/strncmp. A handful of fixed edge cases (zero, -0, subnormals,
 * infinities, huge and tiny exponents, rounding ties) are formatted and parsed first.
 *
 * Exercises: wasi-libc's printf/strtod (musl: long double is binary128 in software on wasm32,
 * which printf's float path relies on), varargs, byte loops, many small calls; the output is
 * a few sample lines plus FNV hashes of all the text produced.
 *
 * Every printed double goes through correctly rounded conversions (both glibc and musl print
 * and parse exactly), so the output is the same on every conforming libc.
 *
 * Usage: strings [N]   (default 250000; the tests use 3000)
 */
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x2545F4914F6CDD1Du;
static uint64_t rng_next(void) { /* xorshift64* */
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Du;
}

static uint32_t fnv_text(uint32_t h, const char *s) {
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static uint64_t bits_of(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* A double with a random 53-bit mantissa, random sign, and a decimal exponent in [-12, 15]
   (powers of ten made by multiplying by 10, each step exact up to 1e22). */
static double rand_double(void) {
    uint64_t r = rng_next();
    double m = (double)(r >> 11) / 9007199254740992.0; /* [0, 1) */
    int e = (int)((r >> 3) % 28) - 12;
    double p = 1.0;
    for (int i = 0; i < (e < 0 ? -e : e); i++) p *= 10.0;
    double d = e < 0 ? m / p : m * p;
    return (r & 1) ? -d : d;
}

static void edge_cases(void) {
    static const double values[] = {
        0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 0.125, 1e-5, 123456789.0, 1e21, 1e22, 1e23,
        0.1, 1.0 / 3.0, 2.0 / 3.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        9007199254740993.0, 0.000123456789, 999999.5, 1e100,
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        double d = values[i];
        printf("edge %%g=%g %%e=%.3e %%.2f=%.2f %%.17g=%.17g\n", d, d, d, d);
    }
    printf("edge inf: %f %e %g | %f\n", INFINITY, -INFINITY, INFINITY, -HUGE_VAL);
    /* Rounding of exact binary ties: round-half-even in both libcs. */
    printf("ties: %.0f %.0f %.0f %.0f %.1f %.1f %.2f\n", 0.5, 1.5, 2.5, -3.5, 0.25, 0.35, 1.005);
    printf("ints: %d %d %u %x %X %o %5d|%-5d|%05d %+d %i\n", 0, -2147483647 - 1, 4294967295u,
           3735928559u, 48879u, 511u, 42, 42, -42, 7, -7);
    printf("int64: %" PRId64 " %" PRIu64 " %" PRIx64 "\n", INT64_MIN, UINT64_MAX,
           (uint64_t)0x0123456789ABCDEFu);
    printf("strs: [%s] [%10s] [%-10s] [%.3s] [%c%c]\n", "abc", "right", "left", "truncate", 'o',
           'k');

    static const char *const inputs[] = {
        "  -12.5e3xyz", "0x1.8p1", "1e400", "-1e400", "1e-400", "inf", "-Infinity", "nan",
        ".5", "5.", "+.e1", "0.1e-999999", "123456789012345678901234567890", "4.9e-324",
        "2.4703282292062328e-324", "1.00000000000000011102230246251565404236316680908203125",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        int erange = errno == ERANGE;
        if (isnan(d)) d = NAN; /* a parsed "nan": print it as the positive default NaN */
        /* Whether a subnormal result sets ERANGE is implementation-defined (glibc does, musl
           does not), so it is only reported for normal, zero and infinite results. */
        const char *range = d != 0 && fabs(d) < DBL_MIN ? "-" : erange ? "yes" : "no";
        printf("strtod(\"%s\") = %.17g, consumed %d, ERANGE %s\n", inputs[i], d,
               (int)(end - inputs[i]), range);
    }
    static const char *const ints[] = {"  42", "-0x1F", "0777", "2147483647", "2147483648",
                                       "-9223372036854775808", "99999999999999999999", "z9"};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        char *end;
        errno = 0;
        int64_t v = strtoll(ints[i], &end, 0);
        int erange = errno == ERANGE;
        printf("strtoll(\"%s\", 0) = %" PRId64 ", consumed %d, ERANGE %s\n", ints[i], v,
               (int)(end - ints[i]), erange ? "yes" : "no");
    }
}

int main(int argc, char **argv) {
    int32_t n = argc > 1 ? (int32_t)atoi(argv[1]) : 250000;
    if (n < 0) {
        fprintf(stderr, "usage: strings [N]\n");
        return 2;
    }
    edge_cases();

    char line[256], exact[64], record[512], field[64], tok_buf[256];
    uint32_t h_lines = 2166136261u, h_exact = 2166136261u, h_records = 2166136261u;
    uint64_t total_len = 0;
    int32_t bad_int = 0, bad_hex = 0, bad_fixed = 0, bad_exp = 0, bad_g = 0, bad_exact = 0;
    int32_t tokens = 0, commas = 0, found_e = 0 /* records with "e-" */;
    int32_t found_minus_zero = 0, same_prefix = 0;
    uint64_t digit_sum = 0;
    char prev[256] = "";

    for (int32_t i = 0; i < n; i++) {
        int32_t iv = (int32_t)(uint32_t)(rng_next() >> 40) - 0x800000; /* [-2^23, 2^23) */
        double d = rand_double();

        int len = snprintf(line, sizeof line, "%d %x %.3f %e %g", iv, (unsigned)iv, d, d, d);
        total_len += (uint64_t)len;
        h_lines = fnv_text(h_lines, line);
        if (i < 6 || i % (n / 4 > 0 ? n / 4 : 1) == 0) printf("line %d: %s\n", i, line);

        /* Parse the five fields back. */
        char *p = line, *end;
        int64_t back_i = strtoll(p, &end, 10);
        if (back_i != iv) bad_int++;
        uint64_t back_x = strtoull(end, &end, 16);
        if (back_x != (uint32_t)iv) bad_hex++;
        double back_f = strtod(end, &end);
        if (fabs(back_f - d) > 0.0005 + fabs(d) * 1e-15) bad_fixed++; /* 3 decimals + ulps */
        double back_e = strtod(end, &end);
        if (fabs(back_e - d) > fabs(d) * 1e-6) bad_exp++;
        double back_g = strtod(end, &end);
        if (fabs(back_g - d) > fabs(d) * 1e-5 || *end != '\0') bad_g++;

        /* Shortest-exact round trip: %.17g always parses back to the same bits. */
        snprintf(exact, sizeof exact, "%.17g", d);
        if (bits_of(strtod(exact, NULL)) != bits_of(d)) bad_exact++;
        h_exact = fnv_text(h_exact, exact);

        /* Tokenize on spaces (strtok_r modifies its input, so work on a copy). */
        strcpy(tok_buf, line);
        char *save = NULL;
        for (char *t = strtok_r(tok_buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
            tokens++;
            for (char *c = t; *c; c++)
                if (*c >= '0' && *c <= '9') digit_sum += (uint64_t)(*c - '0');
        }

        /* Build "i,line-with-commas,exact" with strcpy/strcat, then split it with strchr. */
        snprintf(field, sizeof field, "%d", i);
        strcpy(record, field);
        strcat(record, ",");
        size_t at = strlen(record);
        strcat(record, line);
        for (char *c = record + at; (c = strchr(c, ' ')) != NULL; c++) *c = ',';
        strcat(record, ",");
        strcat(record, exact);
        h_records = fnv_text(h_records, record);
        for (char *c = record; (c = strchr(c, ',')) != NULL; c++) commas++;
        if (strstr(record, "e-")) found_e++;
        if (strstr(record, ",-0.000,")) found_minus_zero++;

        /* memcmp/strncmp against the previous line. */
        size_t common = 0;
        while (line[common] && line[common] == prev[common]) common++;
        if (common > 0 && memcmp(line, prev, common) == 0 && strncmp(line, prev, common) == 0)
            same_prefix++;
        strcpy(prev, line);
    }

    printf("iterations=%" PRId32 " text=%" PRIu64 " bytes\n", n, total_len);
    printf("hash lines=%08" PRIx32 " exact=%08" PRIx32 " records=%08" PRIx32 "\n", h_lines,
           h_exact, h_records);
    printf("parse errors: int=%" PRId32 " hex=%" PRId32 " fixed=%" PRId32 " exp=%" PRId32
           " g=%" PRId32 " exact=%" PRId32 "\n", bad_int, bad_hex, bad_fixed, bad_exp, bad_g,
           bad_exact);
    printf("tokens=%" PRId32 " digit sum=%" PRIu64 " commas=%" PRId32 " negative exponent=%" PRId32
           " with -0.000=%" PRId32 " sharing a prefix=%" PRId32 "\n", tokens, digit_sum, commas,
           found_e, found_minus_zero, same_prefix);
    return 0;
}
