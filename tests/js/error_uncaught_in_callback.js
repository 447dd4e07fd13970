const items = [1, 2, 3];
items.forEach(i => {
  console.log("item", i);
  if (i === 2) throw new Error("failed on item " + i);
});
