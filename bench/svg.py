"""bench/svg.py: a hand-written SVG bar chart of ratios on a log scale (no plotting library).

One group of horizontal bars per program (one bar per engine) plus a last group of geometric
means. Bars grow from the line at 1 to the right (ratio > 1) or to the left (< 1); a missing
bar means that engine failed or was skipped on that program.
"""
import math
from xml.sax.saxutils import escape

COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#b07aa1', '#9c755f', '#edc948']
BAR, GAP, LEFT, PLOT_W, TOP = 9, 8, 150, 560, 56


def wrap(text, width):
    lines, cur = [], ''
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = (cur + ' ' + word).strip()
    return lines + [cur]


def chart(title, programs, engines, labels, rat, geomeans, colors=None):
    """colors: engine -> fill; by default the engines' order picks from COLORS."""
    colors = colors or {e: COLORS[i % len(COLORS)] for i, e in enumerate(engines)}
    groups = [(p, rat.get(p, {})) for p in programs] + [('geometric mean', geomeans)]
    vals = [v for _, g in groups for e, v in g.items() if e in engines and v]
    lo = math.floor(math.log10(min(vals + [1.0])) + 1e-9)
    hi = math.ceil(math.log10(max(vals + [1.0])) - 1e-9)
    if hi - lo < 1:
        hi = lo + 1
    x_of = lambda v: LEFT + (math.log10(v) - lo) / (hi - lo) * PLOT_W  # noqa: E731
    group_h = len(engines) * BAR + GAP
    legend_h = 18 * ((len(engines) + 3) // 4)
    height = TOP + len(groups) * group_h + 40 + legend_h
    width = LEFT + PLOT_W + 30
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="sans-serif" font-size="11">' % (width, height, width, height),
         '<rect width="100%" height="100%" fill="white"/>',
         ]
    for k, line in enumerate(wrap(title, 105)[:2]):
        o.append('<text x="8" y="%d" font-size="12" font-weight="bold">%s</text>' % (18 + 15 * k, escape(line)))
    plot_bottom = TOP + len(groups) * group_h
    # Decade grid lines and labels, plus 2x and 5x minor lines.
    for d in range(lo, hi + 1):
        x = x_of(10 ** d)
        o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>' % (
            x, TOP - 6, x, plot_bottom, '#333' if d == 0 else '#bbb'))
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (
            x, plot_bottom + 14, ('%g' % 10 ** d) + '×'))
        for m in (2, 5):
            if d < hi:
                xm = x_of(m * 10 ** d)
                o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/>' % (xm, TOP - 6, xm, plot_bottom))
    x1 = x_of(1.0)
    y = TOP
    for name, g in groups:
        o.append('<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle"%s>%s</text>' % (
            LEFT - 6, y + len(engines) * BAR / 2, ' font-weight="bold"' if name == 'geometric mean' else '',
            escape(name)))
        for i, e in enumerate(engines):
            v = g.get(e)
            if v:
                x = x_of(v)
                o.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s %.2f</title></rect>' % (
                    min(x, x1), y + i * BAR, max(abs(x - x1), 1), BAR - 1, colors[e],
                    escape(name), escape(labels[e]), v))
        y += group_h
    # Legend.
    ly = plot_bottom + 34
    has = {e for _, g in groups for e, v in g.items() if v}
    for i, e in enumerate(engines):
        lx = 8 + (i % 4) * 170
        yy = ly + (i // 4) * 18
        o.append('<rect x="%d" y="%d" width="12" height="10" fill="%s"/>' % (lx, yy - 9, colors[e]))
        o.append('<text x="%d" y="%d">%s</text>' % (lx + 16, yy, escape(labels[e] + ('' if e in has else ' (no results)'))))
    o.append('</svg>')
    return '\n'.join(o) + '\n'
