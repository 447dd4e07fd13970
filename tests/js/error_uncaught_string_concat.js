// Uncaught TypeError from calling a method on undefined inside nested calls
function format(user) { return user.name.toUpperCase(); }
function greetAll(users) { return users.map(format); }
console.log(greetAll([{ name: "ann" }, { name: "bob" }]));
console.log(greetAll([{ name: "cy" }, {}]));
