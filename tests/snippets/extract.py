"""Writes each README code block that is meant to compile into a file of its own, for
tests/snippets/run to type-check. The fence's language decides: python, ts/typescript, js and
kotlin blocks are checked; any other (sh, xml, rust, swift, output) is not. A js/ts block
fenced `js browser` is for browsers and bundlers only (init, a .wasm URL): it is checked with
bundler resolution and not as Node code.

    extract.py OUT_DIR README...

OUT_DIR/python/*.py, OUT_DIR/ts/*.ts|*.js, OUT_DIR/kotlin/*.kt, and OUT_DIR/map.tsv, which
locate.py uses to point compiler messages back at README lines. Each file starts with a few
header lines (the same for every snippet of a language) and then the block, line for line:
  python  `from snippet_prelude import *`: the reader's own values (prelude.pyi)
  ts/js   `export {};`: every snippet is a module (top-level await, no shared globals)
  kotlin  the package line and the block's imports, then the block as the body of a
          `suspend fun` (calls are suspending); its import lines are blanked in place
"""

import re
import sys
from pathlib import Path

FENCE = re.compile(r"^(\s*)```\s*([\w+-]*)\s*([\w ]*?)\s*$")
KINDS = {"python": ("python", "py"), "ts": ("ts", "ts"), "typescript": ("ts", "ts"),
         "js": ("ts", "js"), "javascript": ("ts", "js"), "kotlin": ("kotlin", "kt")}


def blocks(path: Path):
    """(language, words after it, line of the opening fence, body lines) for every block."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, lang, attrs = len(m.group(1)), m.group(2).lower(), m.group(3).split()
        start, body = i + 1, []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            line = lines[i]   # an indented fence (in a list item): its indent is not code
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        if i == len(lines):
            sys.exit(f"{path}:{start}: unclosed code fence")
        yield lang, attrs, start, body
        i += 1


def render(kind: str, name: str, body: list[str]) -> tuple[list[str], list[str]]:
    """(header, body) of the file for one block."""
    if kind == "python":
        return ["from snippet_prelude import *  # noqa: F403"], body
    if kind == "ts":
        return ["export {};"], body
    imports = [line for line in body if line.startswith("import ")]
    body = ["" if line.startswith("import ") else line for line in body]
    return ["package snippets", *imports, f"suspend fun {name}() {{"], body + ["}"]


def main() -> None:
    out, readmes = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    rows = []
    for readme in readmes:
        slug = re.sub(r"\W", "_", readme.parent.name) or "readme"   # paths relative to the root
        for lang, attrs, line, body in blocks(readme):
            if lang not in KINDS:
                continue
            kind, ext = KINDS[lang]
            name = f"{slug}_L{line}" + ("_browser" if kind == "ts" and "browser" in attrs else "")
            header, text = render(kind, name, body)
            f = out / kind / f"{name}.{ext}"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("\n".join(header + text) + "\n", encoding="utf-8")
            rows.append(f"{f.name}\t{readme}\t{line}\t{len(header)}")
    (out / "map.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
