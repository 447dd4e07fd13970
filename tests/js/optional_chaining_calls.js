const api = {
  users: [{ name: "ann", profile: { email: "ann@x" }, greet() { return "hi " + this.name; } }, { name: "bob" }],
  find(name) { return this.users.find(u => u.name === name); },
};
console.log(api.find("ann")?.profile?.email, api.find("bob")?.profile?.email, api.find("zed")?.profile.email);
console.log(api.find("ann")?.greet?.(), api.find("bob")?.greet?.(), api.find("zed")?.greet());
console.log(api.users?.[1]?.name, api.users?.[5]?.name ?? "none", api.missing?.[0]);
const cfg = { retries: 0, name: "", opts: null };
console.log(cfg.retries ?? 3, cfg.retries || 3, cfg.name ?? "anon", cfg.name || "anon", cfg.opts?.depth ?? "default depth");
let n = 0;
const counter = { next: () => ++n };
const maybe = null;
maybe?.next(counter.next());
counter?.next?.();
console.log(n);
const fns = [() => "first", null, undefined];
console.log(fns.map(f => f?.() ?? "no fn"));
const chain = { a: { b: null } };
console.log(chain.a?.b?.c?.d, (chain.a?.b ?? { c: "fallback" }).c, chain?.a?.["b"]);
