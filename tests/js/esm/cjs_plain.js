exports.name = "plain cjs";
