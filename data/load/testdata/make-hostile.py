# Writes the hostile-corpus suite (hostile/NN-name/c.yaml, its files and want):
#   cd data/load/testdata && python3 make-hostile.py
# Each want line is "LINE: message" in c.yaml or "FILE:LINE: message";
# cli/hostile_test.go runs validate on every case.
import os, shutil
root = 'hostile'
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
BASE = """corpus:
  title: Hostile case
  format: 1
topics:
  - id: space
    label: Space
    color: "#AA4499"
  - id: cyber
    label: Cyber
meetings:
  - id: m1
    title: Meeting one
    kind: SCM
    date: 2020-10-14
    sources: [s1]
sources:
  - id: s1
    title: Source one
    file: s1.txt
annotations:
  - source: s1
    topic: space
    quote: space cooperation
  - source: s1
    topic: cyber
    quote: cyber defense
eras:
  - group: President
    label: Someone
    start: 2020-01-20
    end: 2021-01-20
"""
TEXT = "They agreed on space cooperation and cyber defense.\n"
n = 0
def case(name, edits=(), want=(), yaml=None, files=None, raw=None):
    """want: list of (marker, substring) or (file, line, substring)."""
    global n
    n += 1
    d = os.path.join(root, "%02d-%s" % (n, name))
    os.makedirs(d)
    y = BASE if yaml is None else yaml
    for old, new in edits:
        assert old in y, (name, old)
        y = y.replace(old, new, 1)
    data = raw if raw is not None else y.encode()
    open(os.path.join(d, "c.yaml"), "wb").write(data)
    fs = {"s1.txt": TEXT.encode()} if files is None else files
    for fn, content in fs.items():
        p = os.path.join(d, fn)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, "wb").write(content if isinstance(content, bytes) else content.encode())
    lines = []
    text = data.decode("utf-8", "replace")
    for w in want:
        if len(w) == 3:
            lines.append("%s:%d: %s" % w)
        else:
            marker, sub = w
            i = text.index(marker)
            lines.append("%d: %s" % (text[:i].count("\n") + 1, sub))
    open(os.path.join(d, "want"), "w").write("\n".join(lines) + "\n")

# YAML itself
case("syntax-unclosed-flow", [("sources: [s1]\n", "sources: [s1\n")], [("    sources: [s1\n", "YAML syntax: did not find expected ',' or ']'")])
case("syntax-bad-indent", [("    label: Cyber\n", "    label: Cyber\n   bad: 1\n")], [("   bad: 1", "YAML syntax")])
case("tab-indentation", [("    label: Cyber\n", "\tlabel: Cyber\n")], [("\tlabel", "YAML syntax: found a tab")])
case("unterminated-quote", [('    color: "#AA4499"\n', '    color: "#AA4499\n')], [('    color: "#AA4499', "YAML syntax")])
case("empty-file", yaml="", want=[("", "the corpus file is empty")], files={})
case("comment-only", yaml="# nothing but a comment\n", want=[("# nothing", "the corpus file is empty")], files={})
case("two-documents", [("eras:\n", "---\neras:\n")], [("---", "more than one YAML document")])
case("top-level-list", yaml="- a\n- b\n", want=[("- a", "the corpus file must be a mapping")], files={})
case("byte-order-mark", raw=("\ufeff" + BASE.replace("    label: Cyber\n", "    label: Cyber\n    colour: red\n")).encode(), want=[("    colour: red", 'unknown key "colour"; did you mean "color"?')])
case("crlf-line-ends", raw=BASE.replace("date: 2020-10-14", "date: 2020-02-30").replace("\n", "\r\n").encode(), want=[("date: 2020-02-30", "February 2020 has 29 days")])
case("nul-in-yaml", raw=BASE.replace("title: Meeting one", "title: Meeting\x00one").encode(), want=[("title: Meeting", "YAML syntax")])
case("invalid-utf8-yaml", raw=BASE.encode().replace(b"title: Source one", b"title: Source \xff\xfe"), want=[("title: Source", "not valid UTF-8")])
case("alias-bomb", yaml='corpus: {title: &a "lol", format: 1}\ntopics:\n  - {id: t, label: *a}\nbomb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nbomb2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nbomb3: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n', files={}, want=[("label: *a", "aliases (*a) are not allowed"), ("bomb:", 'unknown key "bomb"'), ("bomb2:", 'unknown key "bomb2"'), ("bomb3:", 'unknown key "bomb3"')])
case("merge-key", [("    label: Cyber\n", "    label: Cyber\n    <<: {color: \"#000000\"}\n")], [("<<:", "merge keys")])
case("deep-nesting", yaml="corpus: {title: T, format: 1}\ntopics: " + "[" * 3000 + "]" * 3000 + "\n", files={}, want=[("topics:", "must be a mapping")])
# Types and keys
case("topics-not-a-list", yaml="corpus: {title: T, format: 1}\ntopics: space\n", files={}, want=[("topics: space", "topics must be a list")])
case("title-is-a-list", [("    title: Meeting one\n", "    title: [a, b]\n")], [("title: [a, b]", "title must be text, not a list")])
case("format-not-a-number", [("format: 1", "format: one")], [("format: one", "must be a whole number")])
case("format-missing", [("  format: 1\n", "")], [("  title: Hostile", 'missing required key "format"')])
case("format-too-new", [("format: 1", "format: 99")], [("format: 99", "format 99 is not one this version reads")])
case("unknown-key", [("    kind: SCM\n", "    kind: SCM\n    venue: Seoul\n")], [("venue: Seoul", 'unknown key "venue"')])
case("duplicate-key", [("    label: Cyber\n", "    label: Cyber\n    label: Again\n")], [("label: Again", 'duplicate key "label"')])
case("missing-required", [("    date: 2020-10-14\n", "")], [("  - id: m1", 'missing required key "date"')])
# Ids and references
case("bad-id", [("id: m1", "id: Meeting One")], [("id: Meeting One", "must be lower-case letters and digits")])
case("duplicate-topic-id", [("id: cyber", "id: space")], [("  - id: space\n    label: Cyber", 'id "space" is already used at line 5'), ("topic: cyber", 'there is no topic "cyber"')])
case("dangling-topic", [("topic: cyber", "topic: cyberr")], [("topic: cyberr", 'there is no topic "cyberr"; did you mean "cyber"?')])
case("dangling-meeting-source", [("sources: [s1]", "sources: [s1, s2]")], [("sources: [s1, s2]", 'there is no source "s2"')])
case("dangling-annotation-source", [("  - source: s1\n    topic: cyber", "  - source: s9\n    topic: cyber")], [("source: s9", 'there is no source "s9"')])
# Dates and colours
case("date-2023-02-30", [("date: 2020-10-14", "date: 2023-02-30")], [("date: 2023-02-30", "February 2023 has 28 days")])
case("year-zero", [("date: 2020-10-14", "date: 0000-01-01")], [("date: 0000", "year 0 is out of range")])
case("month-13", [("date: 2020-10-14", "date: 2020-13")], [("date: 2020-13", "month 13 does not exist")])
case("end-before-start", [("date: 2020-10-14\n", "date: 2020-10-14\n    end: 2019-01-01\n")], [("end: 2019-01-01", "is before the start")])
case("era-end-before-start", [("end: 2021-01-20", "end: 2019-01-20")], [("end: 2019-01-20", "is before the start")])
case("bad-colour", [('color: "#AA4499"', 'color: "#GG0000"')], [('color: "#GG0000"', "hexadecimal")])
# Source files
case("missing-source-file", [("file: s1.txt", "file: nowhere.txt")], [("file: nowhere.txt", "does not exist")], files={})
case("absolute-path", [("file: s1.txt", "file: /etc/passwd")], [("file: /etc/passwd", "is an absolute path")])
case("dotdot-escape", [("file: s1.txt", "file: ../../etc/passwd")], [("file: ../../etc/passwd", "leads out of the corpus folder")])
case("dotdot-inside-then-out", [("file: s1.txt", "file: texts/../../secret.txt")], [("file: texts/../../secret.txt", "leads out of the corpus folder")])
case("source-is-a-folder", [("file: s1.txt", "file: texts")], [("file: texts", "is a folder")], files={"texts/inner.txt": "x"})
case("invalid-utf8-text", [], [("s1.txt", 2, "not valid UTF-8")], files={"s1.txt": b"line one\nbad \xff byte\n"})
case("binary-source", [], [("s1.txt", 3, "not a text file")], files={"s1.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
case("file-and-text", [("    file: s1.txt\n", "    file: s1.txt\n    text: inline\n")], [("text: inline", "either file or text, not both")])
case("no-text", [("    file: s1.txt\n", "")], [("  - id: s1", "missing the text")], files={})
# Anchors
case("quote-not-in-text", [("quote: cyber defense", "quote: missile defense cooperation")], [("quote: missile defense", "orphaned: the quote is not in the text")])
case("offset-past-end", [("quote: space cooperation\n", "quote: space cooperation\n    start: 99999\n")], [("start: 99999", "start 99999 is past the end of the text")])
case("negative-offset", [("quote: space cooperation\n", "quote: space cooperation\n    start: -3\n")], [("start: -3", "start must not be negative")])
case("annotation-in-excluded-range", [("    file: s1.txt\n", "    file: s1.txt\n    exclude:\n      - {from: cyber, to: defense, reason: furniture}\n")], [("quote: cyber defense", "lies in an excluded range")])
case("exclusion-not-in-text", [("    file: s1.txt\n", "    file: s1.txt\n    exclude:\n      - {from: sidebar}\n")], [("from: sidebar", '"sidebar" is not in the text')])
print(n, "cases")
