/*
 * raytrace.c - a small Whitted-style ray tracer writing a text PPM (P3) image to stdout.
 *
 * Scene: four spheres over a checkered ground plane, two point lights, a sky gradient.
 * Shading: Lambert diffuse + Phong specular (the exponent is a power of two, done by repeated
 * squaring: no pow()), hard shadows (a shadow ray per light), mirror reflection up to depth 3,
 * 2x2 supersampling, gamma 2 (sqrt).
 *
 * Exercises: f64 arithmetic on small structs passed and returned by value (the Wasm ABI puts
 * them in linear memory on the C stack), sqrt/floor, recursion of bounded depth, branches on
 * float compares, float->int conversion, and lots of small printf("%d") calls to stdout
 * (fd_write through stdio's buffer).
 *
 * Usage: raytrace [WxH | W]   (default 800x600; a bare W means H = W*3/4; the tests use 48x32)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { double x, y, z; } vec;

static vec v(double x, double y, double z) { vec r = {x, y, z}; return r; }
static vec add(vec a, vec b) { return v(a.x + b.x, a.y + b.y, a.z + b.z); }
static vec sub(vec a, vec b) { return v(a.x - b.x, a.y - b.y, a.z - b.z); }
static vec scale(vec a, double s) { return v(a.x * s, a.y * s, a.z * s); }
static vec mulv(vec a, vec b) { return v(a.x * b.x, a.y * b.y, a.z * b.z); }
static double dot(vec a, vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static vec norm(vec a) { return scale(a, 1.0 / sqrt(dot(a, a))); }

typedef struct {
    vec center;
    double radius;
    vec color;
    double reflect; /* 0 = matte, 1 = perfect mirror */
    int shininess;  /* log2 of the Phong exponent; 0 = no highlight */
} sphere;

static const sphere spheres[] = {
    {{0.0, 1.0, 3.0}, 1.0, {0.9, 0.2, 0.2}, 0.25, 5},
    {{-2.1, 0.7, 4.2}, 0.7, {0.2, 0.8, 0.3}, 0.0, 3},
    {{2.0, 0.8, 2.2}, 0.8, {0.95, 0.95, 0.95}, 0.7, 6},
    {{0.9, 0.35, 1.2}, 0.35, {0.2, 0.3, 0.95}, 0.1, 4},
};
#define NSPHERES ((int)(sizeof spheres / sizeof spheres[0]))

typedef struct { vec pos; vec color; } light;
static const light lights[] = {
    {{-4.0, 6.0, -2.0}, {0.8, 0.8, 0.75}},
    {{5.0, 4.0, 1.0}, {0.35, 0.35, 0.45}},
};
#define NLIGHTS ((int)(sizeof lights / sizeof lights[0]))

#define EPS 1e-6
#define FAR 1e30

/* Ray-sphere: the nearest t > EPS, or FAR. */
static double hit_sphere(const sphere *s, vec o, vec d) {
    vec oc = sub(o, s->center);
    double b = dot(oc, d);
    double c = dot(oc, oc) - s->radius * s->radius;
    double disc = b * b - c;
    if (disc < 0) return FAR;
    double q = sqrt(disc);
    double t = -b - q;
    if (t > EPS) return t;
    t = -b + q;
    return t > EPS ? t : FAR;
}

/* Ground plane y = 0, seen from above. */
static double hit_plane(vec o, vec d) {
    if (d.y > -EPS) return FAR;
    double t = -o.y / d.y;
    return t > EPS ? t : FAR;
}

/* The nearest hit: returns t and sets *which to the sphere index, -1 for the plane,
   -2 for nothing. */
static double trace_hit(vec o, vec d, int *which) {
    double best = hit_plane(o, d);
    *which = best < FAR ? -1 : -2;
    for (int i = 0; i < NSPHERES; i++) {
        double t = hit_sphere(&spheres[i], o, d);
        if (t < best) {
            best = t;
            *which = i;
        }
    }
    return best;
}

/* Is anything between p and a light at distance dist along d? */
static int in_shadow(vec p, vec d, double dist) {
    if (hit_plane(p, d) < dist) return 1;
    for (int i = 0; i < NSPHERES; i++)
        if (hit_sphere(&spheres[i], p, d) < dist) return 1;
    return 0;
}

static vec sky(vec d) {
    double t = 0.5 * (d.y + 1.0);
    return add(scale(v(1.0, 1.0, 1.0), 1.0 - t), scale(v(0.45, 0.65, 1.0), t));
}

static vec shade(vec o, vec d, int depth) {
    int which;
    double t = trace_hit(o, d, &which);
    if (which == -2) return sky(d);

    vec p = add(o, scale(d, t));
    vec n, base;
    double reflect;
    int shininess;
    if (which == -1) {
        n = v(0.0, 1.0, 0.0);
        /* Checkerboard of 1x1 squares; plain grey far away (which also keeps the
           float->int conversions in range). */
        if (fabs(p.x) < 1000 && fabs(p.z) < 1000) {
            int cx = (int)floor(p.x), cz = (int)floor(p.z);
            base = ((cx + cz) & 1) ? v(0.85, 0.85, 0.8) : v(0.25, 0.25, 0.3);
        } else {
            base = v(0.55, 0.55, 0.55);
        }
        reflect = 0.15;
        shininess = 0;
    } else {
        const sphere *s = &spheres[which];
        n = scale(sub(p, s->center), 1.0 / s->radius);
        base = s->color;
        reflect = s->reflect;
        shininess = s->shininess;
    }

    vec color = scale(base, 0.08); /* ambient */
    vec p_off = add(p, scale(n, 1e-4));
    for (int i = 0; i < NLIGHTS; i++) {
        vec to_l = sub(lights[i].pos, p_off);
        double dist = sqrt(dot(to_l, to_l));
        vec l = scale(to_l, 1.0 / dist);
        double diff = dot(n, l);
        if (diff <= 0 || in_shadow(p_off, l, dist)) continue;
        color = add(color, scale(mulv(base, lights[i].color), diff));
        if (shininess > 0) {
            /* Phong: (r . -d)^(2^shininess), r = l reflected about n. */
            vec r = sub(scale(n, 2.0 * diff), l);
            double spec = -dot(r, d);
            if (spec > 0) {
                for (int k = 0; k < shininess; k++) spec *= spec;
                color = add(color, scale(lights[i].color, spec));
            }
        }
    }
    if (reflect > 0 && depth < 3) {
        vec r = sub(d, scale(n, 2.0 * dot(d, n)));
        vec rc = shade(p_off, norm(r), depth + 1);
        color = add(scale(color, 1.0 - reflect), scale(rc, reflect));
    }
    return color;
}

/* Clamp to [0, 1], gamma 2, round to 0..255. */
static int to_byte(double c) {
    if (!(c > 0)) return 0;
    if (c >= 1) return 255;
    return (int)(sqrt(c) * 255.0 + 0.5);
}

/* Writes "r g b" triples, wrapping lines before 70 characters as netpbm does. */
static int line_len;
static void put_value(int x) {
    char buf[8];
    int n = snprintf(buf, sizeof buf, "%d", x);
    if (line_len > 0 && line_len + 1 + n > 70) {
        putchar('\n');
        line_len = 0;
    }
    if (line_len > 0) {
        putchar(' ');
        line_len++;
    }
    fputs(buf, stdout);
    line_len += n;
}

int main(int argc, char **argv) {
    int w = 800, h = 600;
    if (argc > 1) {
        char *end;
        w = (int)strtol(argv[1], &end, 10);
        if (*end == 'x')
            h = (int)strtol(end + 1, &end, 10);
        else
            h = w * 3 / 4;
        if (*end != '\0' || w < 1 || h < 1 || w > 8192 || h > 8192) {
            fprintf(stderr, "usage: raytrace [WxH | W]\n");
            return 2;
        }
    }
    printf("P3\n# kiln tests/wasi raytrace %dx%d\n%d %d\n255\n", w, h, w, h);

    vec eye = v(0.0, 1.6, -3.5);
    double aspect = (double)w / h;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            vec sum = v(0, 0, 0);
            for (int sy = 0; sy < 2; sy++) {
                for (int sx = 0; sx < 2; sx++) {
                    /* Screen plane at z = eye.z + 1.5, 2 units high, tilted down a little. */
                    double u = ((x + 0.25 + 0.5 * sx) / w * 2.0 - 1.0) * aspect;
                    double vv = 1.0 - (y + 0.25 + 0.5 * sy) / h * 2.0;
                    vec d = norm(v(u, vv - 0.3, 1.5));
                    sum = add(sum, shade(eye, d, 0));
                }
            }
            sum = scale(sum, 0.25);
            put_value(to_byte(sum.x));
            put_value(to_byte(sum.y));
            put_value(to_byte(sum.z));
        }
    }
    if (line_len > 0) putchar('\n');
    return 0;
}
