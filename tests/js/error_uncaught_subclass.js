class AppError extends Error {
  constructor(msg) { super(msg); this.name = "AppError"; }
}
console.log("about to throw");
throw new AppError("application failed");
