#!/usr/bin/env python3
"""One-off helper (issue 16): mark article sources whose title says they are a review or meta-analysis with
`publication: review`, so their tier is `secondary`. Line-based so comments and layout survive. Idempotent."""
import re, sys, glob
PAT = re.compile(r'\b(review|meta-analy|systematic|overview)', re.I)
changed = 0
for path in sorted(glob.glob('kb/sources/*.yaml')):
    lines = open(path).read().split('\n')
    out, i = [], 0
    # split into blocks starting at "  - id:"
    starts = [k for k, l in enumerate(lines) if re.match(r'^  - id: ', l)] + [len(lines)]
    head = lines[:starts[0]] if starts[0] < len(lines) else lines
    out = list(head)
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        txt = '\n'.join(block)
        if re.search(r'^    type: article\s*$', txt, re.M) and 'publication:' not in txt:
            m = re.search(r'^    title: (.*)$', txt, re.M)
            if m and PAT.search(m.group(1)):
                k = next(j for j, l in enumerate(block) if re.match(r'^    type: article', l))
                block.insert(k + 1, '    publication: review')
                changed += 1
        out.extend(block)
    if out != lines:
        open(path, 'w').write('\n'.join(out))
print(f'marked {changed} review articles')
