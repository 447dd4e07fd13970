/*
 * dict.c - a string-keyed hash table (separate chaining, FNV-1a, power-of-two bucket count,
 * rehash at load factor 3/4) counting word frequencies.
 *
 * Phases: insert N generated words (count each), look up N/2 words from a second generator,
 * delete every word seen exactly once and every word containing "zim", check the deletions,
 * then sort the survivors by (count desc, word asc) with qsort and print the top 15 and stats.
 * Words are 1-4 syllables from a 16-syllable table, short words being far more frequent, so
 * the counts follow a steep, realistic distribution (a few hot keys, many singletons).
 *
 * Exercises: many small mallocs and frees, byte loops over strings (hashing, strcmp, memcpy),
 * pointer chasing through linked chains, rehashing, qsort with a string comparator.
 *
 * Usage: dict [N]   (default 4000000; the tests use 20000)
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    struct entry *next;
    uint32_t hash;
    uint32_t count;
    char key[]; /* NUL-terminated */
} entry;

typedef struct {
    entry **buckets;
    uint32_t nbuckets; /* a power of two */
    uint32_t size;
    uint32_t resizes;
} table;

static uint32_t fnv1a(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "dict: out of memory\n");
        exit(1);
    }
    return p;
}

static void table_init(table *t, uint32_t nbuckets) {
    t->buckets = xmalloc(nbuckets * sizeof *t->buckets);
    memset(t->buckets, 0, nbuckets * sizeof *t->buckets);
    t->nbuckets = nbuckets;
    t->size = 0;
    t->resizes = 0;
}

static void table_grow(table *t) {
    uint32_t nb = t->nbuckets * 2;
    entry **b = xmalloc(nb * sizeof *b);
    memset(b, 0, nb * sizeof *b);
    /* Move every entry; walking old buckets in order keeps the result deterministic. */
    for (uint32_t i = 0; i < t->nbuckets; i++) {
        entry *e = t->buckets[i];
        while (e) {
            entry *next = e->next;
            uint32_t j = e->hash & (nb - 1);
            e->next = b[j];
            b[j] = e;
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = nb;
    t->resizes++;
}

static entry *table_find(const table *t, const char *key, uint32_t h) {
    for (entry *e = t->buckets[h & (t->nbuckets - 1)]; e; e = e->next)
        if (e->hash == h && strcmp(e->key, key) == 0) return e;
    return NULL;
}

/* Adds one occurrence of key. */
static void table_count(table *t, const char *key) {
    uint32_t h = fnv1a(key);
    entry *e = table_find(t, key, h);
    if (e) {
        e->count++;
        return;
    }
    if ((uint64_t)(t->size + 1) * 4 > (uint64_t)t->nbuckets * 3) table_grow(t);
    size_t len = strlen(key);
    e = xmalloc(sizeof *e + len + 1);
    memcpy(e->key, key, len + 1);
    e->hash = h;
    e->count = 1;
    uint32_t i = h & (t->nbuckets - 1);
    e->next = t->buckets[i];
    t->buckets[i] = e;
    t->size++;
}

/* Removes key; returns 1 if it was there. */
static int table_delete(table *t, const char *key) {
    uint32_t h = fnv1a(key);
    entry **link = &t->buckets[h & (t->nbuckets - 1)];
    for (entry *e = *link; e; link = &e->next, e = e->next) {
        if (e->hash == h && strcmp(e->key, key) == 0) {
            *link = e->next;
            free(e);
            t->size--;
            return 1;
        }
    }
    return 0;
}

/* ---- word generator ---- */

static const char *const syllables[16] = {"ka", "lo", "mi", "ren", "sa", "to", "vu", "nel",
                                          "pi", "dor", "e", "qua", "zim", "ba", "fi", "o"};

typedef struct { uint32_t s; } rng;
static uint32_t rng_next(rng *r) { /* xorshift32 */
    uint32_t x = r->s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return r->s = x;
}

/* Writes a word of 1 (p=1/2), 2 (1/4), 3 (1/8) or 4 (1/8) syllables into buf (>= 16 bytes). */
static void gen_word(rng *r, char *buf) {
    uint32_t x = rng_next(r);
    int n = (x & 7) < 4 ? 1 : (x & 7) < 6 ? 2 : (x & 7) < 7 ? 3 : 4;
    char *p = buf;
    for (int i = 0; i < n; i++) {
        const char *s = syllables[(x >> (3 + 4 * i)) & 15];
        size_t len = strlen(s);
        memcpy(p, s, len);
        p += len;
    }
    *p = '\0';
}

static int cmp_entries(const void *pa, const void *pb) {
    const entry *a = *(const entry *const *)pa, *b = *(const entry *const *)pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return strcmp(a->key, b->key); /* keys are unique: a total order */
}

int main(int argc, char **argv) {
    int32_t n = argc > 1 ? (int32_t)atoi(argv[1]) : 4000000;
    if (n < 1) {
        fprintf(stderr, "usage: dict [N]\n");
        return 2;
    }
    table t;
    table_init(&t, 16);
    char word[32];

    /* 1. Count N words. */
    rng r = {12345u};
    uint64_t chars = 0;
    for (int32_t i = 0; i < n; i++) {
        gen_word(&r, word);
        chars += strlen(word);
        table_count(&t, word);
    }
    uint32_t distinct = t.size;
    printf("words=%" PRId32 " chars=%" PRIu64 " distinct=%" PRIu32 " buckets=%" PRIu32
           " resizes=%" PRIu32 "\n", n, chars, distinct, t.nbuckets, t.resizes);

    uint32_t longest = 0, used = 0;
    for (uint32_t i = 0; i < t.nbuckets; i++) {
        uint32_t len = 0;
        for (entry *e = t.buckets[i]; e; e = e->next) len++;
        if (len) used++;
        if (len > longest) longest = len;
    }
    printf("buckets used=%" PRIu32 " longest chain=%" PRIu32 "\n", used, longest);

    /* 2. Look up N/2 words from another generator. */
    rng r2 = {987654321u};
    uint32_t hits = 0;
    uint64_t hit_counts = 0;
    for (int32_t i = 0; i < n / 2; i++) {
        gen_word(&r2, word);
        entry *e = table_find(&t, word, fnv1a(word));
        if (e) {
            hits++;
            hit_counts += e->count;
        }
    }
    printf("lookups=%" PRId32 " hits=%" PRIu32 " sum of hit counts=%" PRIu64 "\n", n / 2, hits,
           hit_counts);

    /* 3. Delete singletons and words containing "zim". Collect the keys first (deleting
          while walking a chain would be fiddly), in bucket order. */
    entry **all = xmalloc((t.size + 1) * sizeof *all);
    uint32_t m = 0;
    for (uint32_t i = 0; i < t.nbuckets; i++)
        for (entry *e = t.buckets[i]; e; e = e->next) all[m++] = e;
    char **doomed = xmalloc((m + 1) * sizeof *doomed);
    uint32_t ndoomed = 0, singletons = 0, zims = 0;
    for (uint32_t i = 0; i < m; i++) {
        int single = all[i]->count == 1, zim = strstr(all[i]->key, "zim") != NULL;
        singletons += single;
        zims += zim;
        if (single || zim) {
            size_t len = strlen(all[i]->key);
            doomed[ndoomed] = xmalloc(len + 1);
            memcpy(doomed[ndoomed++], all[i]->key, len + 1);
        }
    }
    uint32_t deleted = 0, again = 0;
    for (uint32_t i = 0; i < ndoomed; i++) deleted += (uint32_t)table_delete(&t, doomed[i]);
    for (uint32_t i = 0; i < ndoomed; i++) again += (uint32_t)table_delete(&t, doomed[i]);
    uint32_t still_found = 0;
    for (uint32_t i = 0; i < ndoomed; i++) {
        still_found += table_find(&t, doomed[i], fnv1a(doomed[i])) != NULL;
        free(doomed[i]);
    }
    free(doomed);
    printf("singletons=%" PRIu32 " with \"zim\"=%" PRIu32 " deleted=%" PRIu32
           " deleted twice=%" PRIu32 " still found=%" PRIu32 " remaining=%" PRIu32 "\n",
           singletons, zims, deleted, again, still_found, t.size);

    /* 4. Sort the survivors: count desc, then word. */
    m = 0;
    uint64_t total = 0;
    uint32_t keyhash = 0;
    for (uint32_t i = 0; i < t.nbuckets; i++)
        for (entry *e = t.buckets[i]; e; e = e->next) {
            all[m++] = e;
            total += e->count;
            keyhash += e->hash * e->count; /* order-independent */
        }
    qsort(all, m, sizeof *all, cmp_entries);
    printf("remaining occurrences=%" PRIu64 " key hash=%08" PRIx32 "\n", total, keyhash);
    printf("top words:\n");
    for (uint32_t i = 0; i < m && i < 15; i++)
        printf("%4" PRIu32 " %-12s %" PRIu32 "\n", i + 1, all[i]->key, all[i]->count);
    if (m > 0) {
        const entry *last = all[m - 1];
        printf("least frequent kept: %s %" PRIu32 "\n", last->key, last->count);
    }
    /* Sorted-order checksum: position-weighted. */
    uint32_t ordhash = 0;
    for (uint32_t i = 0; i < m; i++) ordhash = ordhash * 31u + all[i]->hash;
    printf("sorted order hash=%08" PRIx32 "\n", ordhash);

    for (uint32_t i = 0; i < t.nbuckets; i++) {
        entry *e = t.buckets[i];
        while (e) {
            entry *next = e->next;
            free(e);
            e = next;
        }
    }
    free(t.buckets);
    free(all);
    return 0;
}
