exports.before = true;
throw new Error("module init failed");
