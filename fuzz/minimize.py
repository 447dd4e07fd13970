"""fuzz/minimize.py: shrinks a program that shows a divergence to a small reproducer.

Programs are trees of `gen.Node`s (top-level chunks, statements, blocks). `minimize` runs
delta debugging (Zeller's ddmin) over the children of every list in the tree, top down — first
whole chunks, then the statements inside each kept chunk, then inside each kept block — and then
tries to replace each remaining block by its body. A candidate is kept when `interesting(text)`
still holds. `fixed` nodes (the prelude) are never removed. Knows nothing of kiln: the runner
(fuzz/run.py) supplies `interesting`.
"""
from gen import Node, render


def ddmin(items, test):
    """A 1-minimal sublist of `items` (order kept) for which `test` holds; `test(items)` is
    assumed to hold. Tries the empty list first."""
    items = list(items)
    if not items or test([]):
        return []
    n = 2
    while len(items) >= 2:
        size = -(-len(items) // n)
        parts = [items[i:i + size] for i in range(0, len(items), size)]
        for p in parts:
            if test(p):
                items, n = p, 2
                break
        else:
            for i in range(len(parts)):
                rest = [x for j, q in enumerate(parts) if j != i for x in q]
                if test(rest):
                    items, n = rest, max(n - 1, 2)
                    break
            else:
                if n >= len(items):
                    break
                n = min(len(items), 2 * n)
    return items


def minimize(program, interesting, log=None):
    """Shrinks `program` (a list of Nodes, changed in place and returned) while
    `interesting(render(program))` holds. Each distinct text is tested once."""
    cache = {}

    def check(text):
        if text not in cache:
            cache[text] = interesting(text)
            if log and cache[text]:
                log('  minimize: %d lines' % text.count('\n'))
        return cache[text]

    def shrink(lst):
        orig = list(lst)

        def test(sub):
            keep = set(map(id, sub))
            lst[:] = [n for n in orig if n.fixed or id(n) in keep]
            return check(render(program))

        kept = ddmin([n for n in orig if not n.fixed], test)
        keep = set(map(id, kept))
        lst[:] = [n for n in orig if n.fixed or id(n) in keep]
        for n in lst:
            if n.body is not None:
                shrink(n.body)

    def flatten(lst):
        i = 0
        while i < len(lst):
            n = lst[i]
            if n.body is not None and not n.fixed:
                lst[i:i + 1] = n.body
                if check(render(program)):
                    continue  # look at the hoisted children in place
                lst[i:i + len(n.body)] = [n]
                flatten(n.body)
            i += 1

    for _ in range(3):
        before = render(program)
        shrink(program)
        flatten(program)
        if render(program) == before:
            break
    return program


def lines_program(text):
    """A program given as text, as a flat list of one-line nodes (for files not made by gen)."""
    return [Node(line) for line in text.splitlines()]
