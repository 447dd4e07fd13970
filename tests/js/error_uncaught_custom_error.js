function validate(n) {
  if (n > 2) throw new Error("value too large: " + n);
  return n;
}
for (let i = 0; i < 5; i++) console.log(validate(i));
