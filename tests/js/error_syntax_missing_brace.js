function f() {
  if (true) {
    console.log("never");
  
}
