"""Rewrites compiler messages on stdin so that a snippet file's `name.ext:LINE` (mypy),
`name.ext(LINE,COL)` (tsc) or `name.ext: (LINE, COL)` (Maven's kotlinc), with any directory
before it, reads `README:LINE`, the README line the message is about.

    locate.py OUT_DIR/map.tsv < messages
"""

import re
import sys

where = {}
for row in open(sys.argv[1], encoding="utf-8").read().splitlines():
    name, readme, fence, header = row.split("\t")
    where[name] = (readme, int(fence) - int(header))
if where:
    names = "|".join(re.escape(n) for n in where)
    pattern = re.compile(rf"[^\s:(]*?\b({names})(?::(\d+)|\((\d+)|: \((\d+))")

    def point(m: re.Match[str]) -> str:
        readme, offset = where[m.group(1)]
        line = int(m.group(2) or m.group(3) or m.group(4)) + offset
        return f"{readme}:{line}" if m.group(2) else f"{readme}({line}" if m.group(3) else f"{readme}: ({line}"

    for text in sys.stdin:
        sys.stdout.write(pattern.sub(point, text))
else:
    sys.stdout.write(sys.stdin.read())
