const config = { db: null };
console.log("reading config");
console.log(config.db.host);
