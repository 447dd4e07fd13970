/*
 * readfile.c - reads a file through WASI's pre-opened directories, like wc plus a checksum,
 * then checks that paths outside the sandbox are refused.
 *
 * Usage: readfile PATH [DENIED...]
 *
 * PATH is opened with fopen (path_open on the pre-opened directory whose name prefixes it),
 * read in chunks with fread (fd_read): bytes, lines, words, longest line, FNV-1a and Adler-32
 * checksums, the most frequent letters; then fseek/ftell (fd_seek) for the size, rewind and
 * a second pass with fgets through a 128-byte buffer (so the long line comes in pieces), and
 * a 24-byte read from the middle.
 *
 * Every DENIED path must fail to open. For each one the program prints one line
 *     sandbox PATH: refused (strerror(errno))      or      sandbox PATH: OPENED
 * Under WASI with only `data` pre-opened both kinds the tests use fail with ENOTCAPABLE,
 * which wasi-libc's strerror spells "Capabilities insufficient":
 *   ../Cargo.toml             no pre-open matches, so wasi-libc refuses it itself;
 *   data/../../../Cargo.toml  matches `data`: wasi-libc asks the host for path_open(<data fd>,
 *                             "../../../Cargo.toml"), which escapes the directory, so the
 *                             host must refuse it (ERRNO_NOTCAPABLE).
 * A native build has no sandbox (it opens or misses these files, and glibc has no such
 * errno), so regen.sh rewrites every "sandbox " line of the native output into the refusal
 * WASI must print; everything else in the expected output comes from the native run as is.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Prints s with non-printing characters escaped, between quotes. */
static void print_escaped(const char *label, const char *s, size_t n) {
    printf("%s\"", label);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 32 || c > 126) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: readfile PATH [DENIED...]\n");
        return 2;
    }
    const char *path = argv[1];
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("open %s: failed: %s\n", path, strerror(errno));
        return 1;
    }
    printf("file: %s\n", path);

    /* Pass 1: fread in chunks of varying size (1, 7, 64, 4096, ...). */
    static const size_t chunk_sizes[] = {1, 7, 64, 4096, 333};
    char buf[4096];
    uint64_t bytes = 0, lines = 0, words = 0, letters[26] = {0};
    uint32_t fnv = 2166136261u, adler_a = 1, adler_b = 0;
    uint32_t line_len = 0, longest = 0;
    int in_word = 0;
    for (int round = 0;; round++) {
        size_t want = chunk_sizes[round % 5];
        size_t got = fread(buf, 1, want, f);
        for (size_t i = 0; i < got; i++) {
            unsigned char c = (unsigned char)buf[i];
            fnv = (fnv ^ c) * 16777619u;
            adler_a = (adler_a + c) % 65521u;
            adler_b = (adler_b + adler_a) % 65521u;
            if (c == '\n') {
                lines++;
                if (line_len > longest) longest = line_len;
                line_len = 0;
            } else {
                line_len++;
            }
            if (is_space(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
            }
            if (c >= 'a' && c <= 'z') letters[c - 'a']++;
            else if (c >= 'A' && c <= 'Z') letters[c - 'A']++;
        }
        bytes += got;
        if (got < want) break;
    }
    if (ferror(f)) {
        printf("read error: %s\n", strerror(errno));
        return 1;
    }
    if (line_len > longest) longest = line_len;
    printf("bytes=%" PRIu64 " lines=%" PRIu64 " words=%" PRIu64 " longest line=%" PRIu32 "\n",
           bytes, lines, words, longest);
    printf("fnv1a=%08" PRIx32 " adler32=%08" PRIx32 "\n", fnv, adler_b << 16 | adler_a);
    printf("most frequent letters:");
    for (int k = 0; k < 5; k++) {
        int best = 0;
        for (int i = 1; i < 26; i++)
            if (letters[i] > letters[best]) best = i; /* ties: the earlier letter */
        printf(" %c=%" PRIu64, 'a' + best, letters[best]);
        letters[best] = 0;
    }
    printf("\n");

    /* The size from fseek/ftell must match what was read. */
    if (fseek(f, 0, SEEK_END) != 0) {
        printf("fseek: %s\n", strerror(errno));
        return 1;
    }
    int64_t size = (int64_t)ftell(f);
    printf("ftell at end=%" PRId64 " (%s)\n", size,
           (uint64_t)size == bytes ? "matches" : "DIFFERS");

    /* Pass 2: fgets through a small buffer; count pieces and complete lines. */
    rewind(f);
    char small[128], first[128] = "", last[128] = "";
    uint64_t pieces = 0, lines2 = 0, len2 = 0;
    while (fgets(small, sizeof small, f)) {
        size_t n = strlen(small);
        pieces++;
        len2 += n;
        if (pieces == 1) memcpy(first, small, n + 1);
        if (n > 0 && small[n - 1] == '\n') lines2++;
        memcpy(last, small, n + 1);
    }
    printf("fgets: pieces=%" PRIu64 " lines=%" PRIu64 " bytes=%" PRIu64 " (%s)\n", pieces, lines2,
           len2, lines2 == lines && len2 == bytes ? "matches" : "DIFFERS");
    print_escaped("first line: ", first, strlen(first));
    print_escaped("last line:  ", last, strlen(last));

    /* A read from the middle. */
    if (fseek(f, (long)(size / 2), SEEK_SET) != 0) {
        printf("fseek: %s\n", strerror(errno));
        return 1;
    }
    size_t got = fread(buf, 1, 24, f);
    printf("at %" PRId64 ": ", size / 2);
    print_escaped("", buf, got);
    fclose(f);

    /* Paths the sandbox must refuse. */
    for (int i = 2; i < argc; i++) {
        errno = 0;
        FILE *g = fopen(argv[i], "r");
        if (g) {
            printf("sandbox %s: OPENED\n", argv[i]);
            fclose(g);
        } else {
            printf("sandbox %s: refused (%s)\n", argv[i], strerror(errno));
        }
    }
    return 0;
}
