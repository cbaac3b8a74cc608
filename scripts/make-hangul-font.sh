#!/usr/bin/env bash
# Makes assets/fonts/HangulFallback.ttf: NanumGothic's Hangul (syllables,
# jamo, compatibility jamo), CJK punctuation and full-width forms only, so
# that the window's theme can put it first in Fyne's font list without
# taking Latin text from it (Fyne picks, per character, the first font that
# has a glyph, theme font first). It keeps the space characters too: the
# shaper does not change fonts at a space (go-text's ignoreFaceChange), so
# the space between two Korean words is drawn with this font, and without
# a glyph for it, drawn as a missing glyph. Fyne measures every text's
# height with the font that has the space (the first in its list: this
# one), so the subset takes the vertical metrics of Fyne's default text
# font, NotoSans (ascender 1069, descender 293 of 1000): text keeps the
# height it had. Under the SIL Open Font License a subset
# is a Modified Version, which may not carry the Reserved Font Names
# (Nanum, Naver Nanum, NanumGothic, Naver, NanumGothic Bold): it is renamed.
# Needs Debian's fonttools (apt-get install fonttools). Run by hand when
# NanumGothic.ttf changes; the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
pyftsubset assets/fonts/NanumGothic.ttf \
  --unicodes='U+0020,U+00A0,U+2000-200A,U+202F,U+205F,U+1100-11FF,U+3000-303F,U+3130-318F,U+3200-32FF,U+A960-A97F,U+AC00-D7A3,U+D7B0-D7FF,U+FF00-FFEF' \
  --layout-features='*' --name-IDs='*' --output-file=assets/fonts/HangulFallback.ttf
/usr/bin/python3 - <<'PY' # Debian's, which has fontTools
from fontTools.ttLib import TTFont
path = "assets/fonts/HangulFallback.ttf"
f = TTFont(path)
names = {1: "Alliance Timeline Hangul", 3: "Alliance Timeline Hangul Regular subset", 4: "Alliance Timeline Hangul Regular",
         6: "AllianceTimelineHangul-Regular", 16: "Alliance Timeline Hangul", 17: "Regular"}
for rec in list(f["name"].names):
    if rec.nameID in names:
        rec.string = names[rec.nameID]
    elif rec.nameID in (18, 21, 22):
        f["name"].removeNames(nameID=rec.nameID)
h, o = f["hhea"], f["OS/2"]
assert f["head"].unitsPerEm == 1000
h.ascent, h.descent, h.lineGap = 1069, -293, 0
o.sTypoAscender, o.sTypoDescender, o.sTypoLineGap = 1069, -293, 0
o.usWinAscent, o.usWinDescent = 1069, 293
f["name"].setName("Subset of NanumGothic (Copyright (c) 2010, NAVER Corporation), SIL Open Font License 1.1; renamed as the licence asks of a Modified Version.", 5, 3, 1, 0x409)
f.save(path)
PY
ls -l assets/fonts/HangulFallback.ttf
