// import.meta.url is the module's file URL.
const url = import.meta.url;
console.log(url.startsWith("file:///"), url.endsWith("/esm_import_meta.mjs"));
console.log(typeof import.meta, import.meta === import.meta);
