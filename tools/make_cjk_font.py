"""Make the CJK font the course's plots use: a subset of Noto Sans CJK SC (SIL OFL 1.1).

The source is Debian's ``fonts-noto-cjk`` (``apt-get install fonts-noto-cjk``): the collection
``NotoSansCJK-Regular.ttc``, whose face 2 is Simplified Chinese (SC). The subset keeps

- every character written anywhere in the course (notebooks, exercise bank, course texts,
  data), so every label a plot can draw is in it;
- the 3,755 common characters of GB 2312 level 1, for what a teacher or learner adds;
- Basic Latin, Latin-1, Latin Extended-A (buyer names such as Yılmaz or Côté), general and
  CJK punctuation, full-width forms.

Run ``python tools/make_cjk_font.py`` after adding Chinese text that uses a rare character;
``tests/crm/test_plot_language.py`` fails on any glyph missing from a plot.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_FACE = 2
OUT = ROOT / "course" / "crm" / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
TEXT_FILES = ["notebooks/*.ipynb", "exercises/*.yaml", "course/**/*.py", "course/**/*.yaml",
              "data/*.csv", "data/*.yaml"]


def gb2312_level1() -> str:
    """The 3,755 characters of GB 2312 level 1 (rows 16-55), the commonest Chinese characters."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def course_characters() -> set[str]:
    found: set[str] = set()
    for pattern in TEXT_FILES:
        for path in ROOT.glob(pattern):
            found.update(path.read_text(encoding="utf-8", errors="ignore"))
    return {c for c in found if ord(c) >= 0x20}


def unicode_ranges() -> str:
    spans = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20AC, 0x20AC),
             (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x26FF),
             (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    return "".join(chr(c) for a, b in spans for c in range(a, b + 1))


def main(argv=None) -> int:
    from fontTools import subset

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"{args.source} not found: install Debian's fonts-noto-cjk "
              "(apt-get install fonts-noto-cjk) or give --source.", file=sys.stderr)
        return 2
    text = "".join(sorted(course_characters() | set(gb2312_level1()) | set(unicode_ranges())))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    subset.main([str(args.source), f"--font-number={SC_FACE}", f"--text={text}",
                 f"--output-file={args.out}", "--layout-features=*", "--no-hinting",
                 "--name-IDs=*", "--name-legacy", "--name-languages=*"])
    print(f"{args.out.relative_to(ROOT)}: {len(text)} characters, "
          f"{args.out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
