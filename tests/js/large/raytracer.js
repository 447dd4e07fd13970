// A small ray tracer: spheres and a checkered plane, point lights with
// shadows, Phong highlights, reflections and supersampling. Renders a
// SIZE x SIZE/2 image, prints an ASCII preview and a checksum of the 8-bit
// pixels, and compares it with values recorded with node when this program
// was written.
//
// usage: node raytracer.js [SIZE] [--time]      (default SIZE = 32)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const SIZE = sizeArg ? parseInt(sizeArg, 10) : 32;

const KNOWN = {
  16: 69524962,
  32: 220100069,
  48: 574861168,
  100: 538024059,
  200: 968050337,
};

class Vector {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  static times(k, v) { return new Vector(k * v.x, k * v.y, k * v.z); }
  static minus(a, b) { return new Vector(a.x - b.x, a.y - b.y, a.z - b.z); }
  static plus(a, b) { return new Vector(a.x + b.x, a.y + b.y, a.z + b.z); }
  static dot(a, b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
  static mag(v) { return Math.sqrt(v.x * v.x + v.y * v.y + v.z * v.z); }
  static norm(v) {
    const mag = Vector.mag(v);
    const div = mag === 0 ? Infinity : 1 / mag;
    return Vector.times(div, v);
  }
  static cross(a, b) {
    return new Vector(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
  }
}

class Color {
  constructor(r, g, b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }
  static scale(k, v) { return new Color(k * v.r, k * v.g, k * v.b); }
  static plus(a, b) { return new Color(a.r + b.r, a.g + b.g, a.b + b.b); }
  static times(a, b) { return new Color(a.r * b.r, a.g * b.g, a.b * b.b); }
  static toByte(c) {
    const clamp = v => (v > 1 ? 1 : v < 0 ? 0 : v);
    return [Math.floor(clamp(c.r) * 255), Math.floor(clamp(c.g) * 255), Math.floor(clamp(c.b) * 255)];
  }
}
Color.white = new Color(1, 1, 1);
Color.grey = new Color(0.5, 0.5, 0.5);
Color.black = new Color(0, 0, 0);
Color.background = Color.black;
Color.defaultColor = Color.black;

class Camera {
  constructor(pos, lookAt) {
    this.pos = pos;
    const down = new Vector(0, -1, 0);
    this.forward = Vector.norm(Vector.minus(lookAt, pos));
    this.right = Vector.times(1.5, Vector.norm(Vector.cross(this.forward, down)));
    this.up = Vector.times(1.5, Vector.norm(Vector.cross(this.forward, this.right)));
  }
}

class Ray {
  constructor(start, dir) {
    this.start = start;
    this.dir = dir;
  }
}

class Intersection {
  constructor(thing, ray, dist) {
    this.thing = thing;
    this.ray = ray;
    this.dist = dist;
  }
}

class Surface {
  diffuse(pos) { return Color.white; }
  specular(pos) { return Color.grey; }
  reflect(pos) { return 0.7; }
  roughness() { return 250; }
}

class Shiny extends Surface {
  specular(pos) { return Color.grey; }
  reflect(pos) { return 0.7; }
}

class Checkerboard extends Surface {
  diffuse(pos) {
    return (Math.floor(pos.z) + Math.floor(pos.x)) % 2 !== 0 ? Color.white : Color.black;
  }
  specular(pos) { return Color.white; }
  reflect(pos) {
    return (Math.floor(pos.z) + Math.floor(pos.x)) % 2 !== 0 ? 0.1 : 0.7;
  }
  roughness() { return 150; }
}

class Matte extends Surface {
  constructor(color) {
    super();
    this.color = color;
  }
  diffuse(pos) { return this.color; }
  specular(pos) { return Color.black; }
  reflect(pos) { return 0; }
  roughness() { return 1; }
}

class Thing {
  intersect(ray) { return null; }
  normal(pos) { return null; }
}

class Sphere extends Thing {
  constructor(center, radius, surface) {
    super();
    this.center = center;
    this.radius2 = radius * radius;
    this.surface = surface;
  }
  normal(pos) { return Vector.norm(Vector.minus(pos, this.center)); }
  intersect(ray) {
    const eo = Vector.minus(this.center, ray.start);
    const v = Vector.dot(eo, ray.dir);
    let dist = 0;
    if (v >= 0) {
      const disc = this.radius2 - (Vector.dot(eo, eo) - v * v);
      if (disc >= 0) dist = v - Math.sqrt(disc);
    }
    return dist === 0 ? null : new Intersection(this, ray, dist);
  }
}

class Plane extends Thing {
  constructor(norm, offset, surface) {
    super();
    this.norm = norm;
    this.offset = offset;
    this.surface = surface;
  }
  normal(pos) { return this.norm; }
  intersect(ray) {
    const denom = Vector.dot(this.norm, ray.dir);
    if (denom > 0) return null;
    const dist = (Vector.dot(this.norm, ray.start) + this.offset) / -denom;
    return new Intersection(this, ray, dist);
  }
}

class Light {
  constructor(pos, color) {
    this.pos = pos;
    this.color = color;
  }
}

class Scene {
  constructor(things, lights, camera) {
    this.things = things;
    this.lights = lights;
    this.camera = camera;
  }
}

class RayTracer {
  constructor(maxDepth) {
    this.maxDepth = maxDepth;
    this.rays = 0;
  }

  intersections(ray, scene) {
    let closest = Infinity;
    let closestInter = null;
    for (const thing of scene.things) {
      const inter = thing.intersect(ray);
      if (inter !== null && inter.dist < closest) {
        closestInter = inter;
        closest = inter.dist;
      }
    }
    return closestInter;
  }

  testRay(ray, scene) {
    const isect = this.intersections(ray, scene);
    return isect !== null ? isect.dist : undefined;
  }

  traceRay(ray, scene, depth) {
    this.rays++;
    const isect = this.intersections(ray, scene);
    return isect === null ? Color.background : this.shade(isect, scene, depth);
  }

  shade(isect, scene, depth) {
    const d = isect.ray.dir;
    const pos = Vector.plus(Vector.times(isect.dist, d), isect.ray.start);
    const normal = isect.thing.normal(pos);
    const reflectDir = Vector.minus(d, Vector.times(2, Vector.times(Vector.dot(normal, d), normal)));
    const naturalColor = Color.plus(Color.background, this.getNaturalColor(isect.thing, pos, normal, reflectDir, scene));
    const reflectedColor = depth >= this.maxDepth ? Color.grey : this.getReflectionColor(isect.thing, pos, normal, reflectDir, scene, depth);
    return Color.plus(naturalColor, reflectedColor);
  }

  getReflectionColor(thing, pos, normal, rd, scene, depth) {
    return Color.scale(thing.surface.reflect(pos), this.traceRay(new Ray(pos, rd), scene, depth + 1));
  }

  getNaturalColor(thing, pos, norm, rd, scene) {
    let color = Color.defaultColor;
    for (const light of scene.lights) {
      const ldis = Vector.minus(light.pos, pos);
      const livec = Vector.norm(ldis);
      const neatIsect = this.testRay(new Ray(pos, livec), scene);
      const isInShadow = neatIsect === undefined ? false : neatIsect <= Vector.mag(ldis);
      if (isInShadow) continue;
      const illum = Vector.dot(livec, norm);
      const lcolor = illum > 0 ? Color.scale(illum, light.color) : Color.defaultColor;
      const specular = Vector.dot(livec, Vector.norm(rd));
      const scolor = specular > 0 ? Color.scale(Math.pow(specular, thing.surface.roughness()), light.color) : Color.defaultColor;
      color = Color.plus(color, Color.plus(Color.times(thing.surface.diffuse(pos), lcolor), Color.times(thing.surface.specular(pos), scolor)));
    }
    return color;
  }

  // Renders width x height pixels with `samples` x `samples` supersampling.
  render(scene, width, height, samples) {
    const pixels = [];
    const camera = scene.camera;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let acc = Color.black;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const px = x + (sx + 0.5) / samples;
            const py = y + (sy + 0.5) / samples;
            const recenterX = (px - width / 2) / 2 / width;
            const recenterY = -(py - height / 2) / 2 / width;
            const dir = Vector.norm(Vector.plus(camera.forward, Vector.plus(Vector.times(recenterX, camera.right), Vector.times(recenterY, camera.up))));
            acc = Color.plus(acc, this.traceRay(new Ray(camera.pos, dir), scene, 0));
          }
        }
        pixels.push(Color.toByte(Color.scale(1 / (samples * samples), acc)));
      }
    }
    return pixels;
  }
}

function defaultScene() {
  return new Scene(
    [
      new Plane(new Vector(0, 1, 0), 0, new Checkerboard()),
      new Sphere(new Vector(0, 1, -0.25), 1, new Shiny()),
      new Sphere(new Vector(-1, 0.5, 1.5), 0.5, new Shiny()),
      new Sphere(new Vector(1.6, 0.6, 0.9), 0.6, new Matte(new Color(0.9, 0.3, 0.2))),
    ],
    [
      new Light(new Vector(-2, 2.5, 0), new Color(0.49, 0.07, 0.07)),
      new Light(new Vector(1.5, 2.5, 1.5), new Color(0.07, 0.07, 0.49)),
      new Light(new Vector(1.5, 2.5, -1.5), new Color(0.07, 0.49, 0.071)),
      new Light(new Vector(0, 3.5, 0), new Color(0.21, 0.21, 0.35)),
    ],
    new Camera(new Vector(5, 2.8, 7), new Vector(-0.5, 0.6, 0))
  );
}

function checksum(pixels) {
  let h = 0;
  for (const [r, g, b] of pixels) {
    h = (h * 31 + r) % 1000000007;
    h = (h * 31 + g) % 1000000007;
    h = (h * 31 + b) % 1000000007;
  }
  return h;
}

function asciiPreview(pixels, width, height, cols) {
  const ramp = " .:-=+*#%@";
  const rows = Math.max(1, Math.floor((cols * height) / width / 2));
  const lines = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const x = Math.floor(((c + 0.5) * width) / cols);
      const y = Math.floor(((r + 0.5) * height) / rows);
      const [pr, pg, pb] = pixels[y * width + x];
      const lum = (0.2126 * pr + 0.7152 * pg + 0.0722 * pb) / 255;
      line += ramp[Math.min(ramp.length - 1, Math.floor(lum * ramp.length))];
    }
    lines.push(line);
  }
  return lines;
}

function main() {
  const width = SIZE;
  const height = Math.max(1, SIZE >> 1);
  const tracer = new RayTracer(4);
  const scene = defaultScene();
  const t0 = performance.now();
  const pixels = tracer.render(scene, width, height, 2);
  const t1 = performance.now();

  for (const line of asciiPreview(pixels, width, height, Math.min(width, 64))) console.log(line);
  const sum = checksum(pixels);
  let total = [0, 0, 0];
  for (const p of pixels) total = total.map((t, i) => t + p[i]);
  const avg = total.map(t => (t / pixels.length).toFixed(2));
  console.log(`image ${width}x${height}, ${tracer.rays} rays`);
  console.log("average colour:", avg.join(" "));
  console.log("checksum:", sum);

  const checks = [];
  checks.push(["every pixel in range", pixels.every(p => p.every(v => v >= 0 && v <= 255 && Number.isInteger(v)))]);
  checks.push(["image not blank", total[0] + total[1] + total[2] > 0]);
  if (KNOWN[SIZE] !== undefined) checks.push(["checksum matches recorded value", sum === KNOWN[SIZE]]);
  let ok = true;
  for (const [name, passed] of checks) {
    console.log((passed ? "pass " : "FAIL ") + name);
    if (!passed) ok = false;
  }
  console.log(ok ? "ok" : "FAIL");
  if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
  if (!ok) process.exit(1);
}

main();
