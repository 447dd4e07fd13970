// A small ray tracer that writes a PPM image (plain "P3" format) to stdout.
//
//   kiln run examples/raytracer.js > scene.ppm
//   kiln run examples/raytracer.js 320 180 > scene.ppm     (width height)
//
// The scene: three spheres on a checkered floor, lit by three coloured point
// lights, with shadows, Phong highlights and reflections. Any image viewer
// that understands PPM (or `convert scene.ppm scene.png`) can show it.

const width = Number(process.argv[2]) || 160;
const height = Number(process.argv[3]) || Math.round((width * 9) / 16);
const MAX_DEPTH = 4;

// ---- vectors and colours -------------------------------------------------

class Vec {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  add(v) { return new Vec(this.x + v.x, this.y + v.y, this.z + v.z); }
  sub(v) { return new Vec(this.x - v.x, this.y - v.y, this.z - v.z); }
  scale(k) { return new Vec(this.x * k, this.y * k, this.z * k); }
  dot(v) { return this.x * v.x + this.y * v.y + this.z * v.z; }
  cross(v) { return new Vec(this.y * v.z - this.z * v.y, this.z * v.x - this.x * v.z, this.x * v.y - this.y * v.x); }
  length() { return Math.sqrt(this.dot(this)); }
  normalize() { return this.scale(1 / this.length()); }
}

class Color {
  constructor(r, g, b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }
  add(c) { return new Color(this.r + c.r, this.g + c.g, this.b + c.b); }
  scale(k) { return new Color(this.r * k, this.g * k, this.b * k); }
  mul(c) { return new Color(this.r * c.r, this.g * c.g, this.b * c.b); }
  toBytes() {
    const byte = v => Math.floor(Math.min(1, Math.max(0, v)) * 255);
    return [byte(this.r), byte(this.g), byte(this.b)];
  }
}

const BLACK = new Color(0, 0, 0);
const WHITE = new Color(1, 1, 1);
const GREY = new Color(0.5, 0.5, 0.5);

// ---- materials -----------------------------------------------------------

class Material {
  constructor({ diffuse = WHITE, specular = GREY, reflect = 0.5, roughness = 100 } = {}) {
    this.diffuseColor = diffuse;
    this.specularColor = specular;
    this.reflectivity = reflect;
    this.roughness = roughness;
  }
  diffuse(point) { return this.diffuseColor; }
  reflect(point) { return this.reflectivity; }
}

class Checkerboard extends Material {
  constructor() { super({ specular: WHITE, roughness: 150 }); }
  isWhite(p) { return (Math.floor(p.z) + Math.floor(p.x)) % 2 !== 0; }
  diffuse(p) { return this.isWhite(p) ? WHITE : BLACK; }
  reflect(p) { return this.isWhite(p) ? 0.1 : 0.7; }
}

// ---- scene objects -------------------------------------------------------

class Sphere {
  constructor(center, radius, material) {
    this.center = center;
    this.radius = radius;
    this.material = material;
  }
  // Distance along the ray to the nearest hit, or null.
  intersect(origin, dir) {
    const oc = this.center.sub(origin);
    const b = oc.dot(dir);
    const disc = this.radius * this.radius - (oc.dot(oc) - b * b);
    if (b < 0 || disc < 0) return null;
    const t = b - Math.sqrt(disc);
    return t > 1e-6 ? t : null;
  }
  normalAt(p) { return p.sub(this.center).normalize(); }
}

class Plane {
  constructor(normal, offset, material) {
    this.normal = normal;
    this.offset = offset;
    this.material = material;
  }
  intersect(origin, dir) {
    const denom = this.normal.dot(dir);
    if (denom >= 0) return null;
    const t = -(this.normal.dot(origin) + this.offset) / denom;
    return t > 1e-6 ? t : null;
  }
  normalAt(p) { return this.normal; }
}

const scene = {
  objects: [
    new Plane(new Vec(0, 1, 0), 0, new Checkerboard()),
    new Sphere(new Vec(0, 1, -0.25), 1, new Material({ reflect: 0.7, roughness: 250 })),
    new Sphere(new Vec(-1, 0.5, 1.5), 0.5, new Material({ reflect: 0.7, roughness: 250 })),
    new Sphere(new Vec(1.6, 0.6, 0.9), 0.6, new Material({ diffuse: new Color(0.9, 0.3, 0.2), specular: BLACK, reflect: 0, roughness: 1 })),
  ],
  lights: [
    { position: new Vec(-2, 2.5, 0), color: new Color(0.49, 0.07, 0.07) },
    { position: new Vec(1.5, 2.5, 1.5), color: new Color(0.07, 0.07, 0.49) },
    { position: new Vec(1.5, 2.5, -1.5), color: new Color(0.07, 0.49, 0.071) },
    { position: new Vec(0, 3.5, 0), color: new Color(0.21, 0.21, 0.35) },
  ],
};

// ---- camera --------------------------------------------------------------

const eye = new Vec(5, 2.8, 7);
const lookAt = new Vec(-0.5, 0.6, 0);
const forward = lookAt.sub(eye).normalize();
const right = forward.cross(new Vec(0, -1, 0)).normalize().scale(1.5);
const up = forward.cross(right).normalize().scale(1.5);

// ---- tracing -------------------------------------------------------------

function nearestHit(origin, dir) {
  let best = null;
  for (const obj of scene.objects) {
    const t = obj.intersect(origin, dir);
    if (t !== null && (best === null || t < best.t)) best = { obj, t };
  }
  return best;
}

function trace(origin, dir, depth) {
  const hit = nearestHit(origin, dir);
  if (hit === null) return BLACK;
  const point = origin.add(dir.scale(hit.t));
  const normal = hit.obj.normalAt(point);
  const reflectDir = dir.sub(normal.scale(2 * normal.dot(dir)));
  const material = hit.obj.material;

  let color = BLACK;
  for (const light of scene.lights) {
    const toLight = light.position.sub(point);
    const lightDir = toLight.normalize();
    const blocker = nearestHit(point, lightDir);
    if (blocker !== null && blocker.t <= toLight.length()) continue; // in shadow
    const illumination = lightDir.dot(normal);
    if (illumination > 0) color = color.add(material.diffuse(point).mul(light.color.scale(illumination)));
    const specular = lightDir.dot(reflectDir.normalize());
    if (specular > 0) color = color.add(material.specularColor.mul(light.color.scale(Math.pow(specular, material.roughness))));
  }
  if (depth < MAX_DEPTH) {
    const k = material.reflect(point);
    if (k > 0) color = color.add(trace(point, reflectDir, depth + 1).scale(k));
  } else {
    color = color.add(GREY);
  }
  return color;
}

function render() {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = [];
    for (let x = 0; x < width; x++) {
      const sx = (x + 0.5 - width / 2) / 2 / width;
      const sy = -(y + 0.5 - height / 2) / 2 / width;
      const dir = forward.add(right.scale(sx)).add(up.scale(sy)).normalize();
      row.push(trace(eye, dir, 0).toBytes().join(" "));
    }
    rows.push(row.join("  "));
  }
  return rows;
}

const rows = render();
process.stdout.write(`P3\n${width} ${height}\n255\n`);
process.stdout.write(rows.join("\n") + "\n");
