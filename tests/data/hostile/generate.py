#!/usr/bin/env python3
"""Writes the hostile corpus next to this script: map files that are broken on
purpose (truncations, wrong types, unknown fields, duplicate ids, cycles, huge
numbers, invalid UTF-8, deep nesting, enormous strings, ...). Every one must be
refused with a clear, positioned message and never crash `argline validate` or
an importer (tests/hostile_corpus.rs). Deterministic: run it again to
regenerate the same files."""

import os
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = open(os.path.join(HERE, "..", "..", "..", "sample_maps", "tutorial.ron"), encoding="utf-8").read()
rng = random.Random(20151125)
count = 0


def write(name, data):
    global count
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(HERE, name), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)
    count += 1


ARGLINE = os.path.join(HERE, "..", "..", "..", "target", "debug", "argline")


def still_valid(data):
    """Whether a random mutation happened to leave a valid map (checked with a built argline, if any)."""
    if not os.path.exists(ARGLINE):
        return False
    scratch = os.path.join(HERE, ".candidate.ron")
    with open(scratch, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    valid = subprocess.run([ARGLINE, "validate", scratch], capture_output=True).returncode == 0
    os.remove(scratch)
    return valid


def replace_once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


# Truncations at spread-out points (a half-written file).
for i in range(60):
    cut = 1 + (i * 7919) % (len(BASE) - 2)
    write(f"truncated_{i:02}.ron", BASE[:cut])

# Wrong types in each kind of field.
wrong_types = {
    "format_string": ("format: 1", 'format: "one"'),
    "format_negative": ("format: 1", "format: -1"),
    "title_number": ('title: "Tutorial', 'title: 42, summary2: "Tutorial'),
    "date_number": ('date: "2021-03"', "date: 202103"),
    "date_tuple": ('date: "2021-03"', "date: (2021, 3)"),
    "lane_list": ('lane: "river"', 'lane: ["river"]'),
    "position_string": ("position: (", 'position: "here", old: ('),
    "kind_unknown": ("kind: Explanation", "kind: Hypothesis"),
    "relation_unknown": ("relation: Supports", "relation: Endorses"),
    "strength_number": ("strength: Weak", "strength: 1"),
    "color_name": ('color: "#', 'color: "blue", old: "#'),
    "tags_string": ("kind: Question", 'kind: Question, tags: "a"'),
    "claims_map": ("claims: [", "claims: {"),
    "links_none": ("links: [", "links: None, old: ["),
    "story_number": ("story: [", "story: 3, old: ["),
    "citation_bool": ("quote: ", "quote: true, old: "),
    "pinned_string": ("kind: Question", 'kind: Question, pinned: "yes"'),
    "end_empty": ('date: "2021-04-02"', 'date: "2021-04-02", end: ""'),
}
for name, (old, new) in wrong_types.items():
    write(f"type_{name}.ron", replace_once(BASE, old, new))

# Unknown fields at every level.
for i, anchor in enumerate(["format: 1", "title: ", "id: \"inspection\"", "id: \"budget\"", "relation: ", "quote: "]):
    write(f"unknown_field_{i}.ron", replace_once(BASE, anchor, "surprise: 1, " + anchor))

# Duplicate ids across kinds, and dangling references.
dups = {
    "claim_as_event": ('id: "budget"', 'id: "inspection"'),
    "link_as_claim": ('id: "l-inspection-budget"', 'id: "budget"'),
    "lane_as_source": ('id: "river"', 'id: "tutorial-note"'),
    "bad_slug_space": ('id: "budget"', 'id: "the budget"'),
    "bad_slug_upper": ('id: "budget"', 'id: "Budget"'),
    "bad_slug_empty": ('id: "budget"', 'id: ""'),
    "dangling_lane": ('lane: "river"', 'lane: "sea"'),
    "dangling_source": ('source: "tutorial-note"', 'source: "nowhere"'),
    "dangling_link_target": ('to: Claim("budget")', 'to: Claim("nobody")'),
    "dangling_link_on_link": ('to: Link("l-aftervote-budget")', 'to: Link("l-nothing")'),
    "self_link": ('from: Claim("c-after-vote"),', 'from: Claim("budget"),'),
    "story_unknown_item": ("highlights: [", 'highlights: [Claim("ghost"), '),
}
for name, (old, new) in dups.items():
    write(f"refs_{name}.ron", replace_once(BASE, old, new))

# A cycle of links on links.
cycle = replace_once(
    BASE,
    "links: [",
    'links: [\n        (id: "loop-a", from: Claim("budget"), to: Link("loop-b"), relation: Undercuts),\n'
    '        (id: "loop-b", from: Claim("budget"), to: Link("loop-a"), relation: Undercuts),',
)
write("cycle_links_on_links.ron", cycle)

# Huge and impossible numbers.
numbers = {
    "position_huge": ("x: ", "x: 1e30, old_x: "),
    "position_nan": ("x: ", "x: NaN, old_x: "),
    "position_inf": ("x: ", "x: inf, old_x: "),
    "year_huge": ('date: "2021-03"', 'date: "99999999999-03"'),
    "month_13": ('date: "2021-03"', 'date: "2021-13"'),
    "day_32": ('date: "2021-04-02"', 'date: "2021-04-32"'),
    "feb_30": ('date: "2021-04-02"', 'date: "2021-02-30"'),
    "end_before_start": ('end: Some("2021-04-09")', 'end: Some("2020-04-09")'),
    "format_huge": ("format: 1", "format: 18446744073709551616"),
    "format_future": ("format: 1", "format: 999"),
    "zoom_zero": ("zoom: 1.0", "zoom: 0.0"),
    "zoom_negative": ("zoom: 1.0", "zoom: -2.0"),
    "color_short": ('color: "#', 'color: "#ab", old: "#'),
}
for name, (old, new) in numbers.items():
    write(f"number_{name}.ron", replace_once(BASE, old, new))

# Encodings and bytes.
raw = BASE.encode("utf-8")
write("bytes_invalid_utf8_start.ron", b"\xff\xfe" + raw)
write("bytes_invalid_utf8_middle.ron", raw[:400] + b"\xc3\x28" + raw[400:])
write("bytes_nul.ron", raw.replace(b"format: 1", b"format: \x00 1", 1))
write("bytes_utf16.ron", BASE.encode("utf-16"))
write("bytes_empty.ron", b"")
write("bytes_whitespace.ron", b"   \n\t\n  ")
write("bytes_bom.ron", b"\xef\xbb\xbf" + raw)
write("bytes_binary.ron", bytes(rng.randrange(256) for _ in range(4096)))
for i in range(20):
    while True:
        data = bytearray(raw)
        for _ in range(1 + i):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if not still_valid(bytes(data)):
            break
    write(f"bytes_flipped_{i:02}.ron", bytes(data))

# Deep nesting.
write("nesting_parens_10000.ron", "(" * 10000 + ")" * 10000)
write("nesting_lists_5000.ron", "(format: 1, meta: (title: \"x\"), claims: " + "[" * 5000 + "]" * 5000 + ")")
write("nesting_options_2000.ron", BASE.replace('date: Some("2021")', 'date: ' + "Some(" * 2000 + '"2021"' + ")" * 2000, 1))
write("nesting_unclosed.ron", "(" * 50000)

# Enormous strings and counts.
# Two files that are odd but valid, and must load (in linear time): a huge string, control characters.
write("accepted_one_megabyte_title.ron", replace_once(BASE, 'title: "Tutorial', 'title: "' + "x" * 1_000_000 + 'Tutorial'))
write("string_unterminated.ron", replace_once(BASE, 'title: "Tutorial', 'title: "Tutorial' + "y" * 100_000)[: len(BASE) // 2])
write("string_escapes_bad.ron", replace_once(BASE, 'title: "Tutorial', 'title: "\\q\\u{110000}Tutorial'))
write("accepted_control_chars.ron", replace_once(BASE, 'title: "Tutorial', 'title: "\x01\x02\x1bTutorial'))
many = ",\n".join(f'(id: "c{i}", kind: Claim, text: "", position: (x: 0.0, y: 0.0))' for i in range(3000))
write("many_claims_empty_text.ron", f'(format: 1, meta: (title: "many"), claims: [{many}])')
write("many_duplicate_ids.ron", "(format: 1, meta: (title: \"d\"), claims: [" + ",".join('(id: "same", kind: Claim, text: "t", position: (x: 0.0, y: 0.0))' for _ in range(2000)) + "])")

# Not a map at all.
others = {
    "json.ron": '{"format": 1, "meta": {"title": "json"}}',
    "argdown.ron": "[A claim]: text\n  + <Argument>\n",
    "csv.ron": "date,title\n2015-09-25,Summit\n",
    "xml.ron": "<?xml version=\"1.0\"?><map/>",
    "unit.ron": "()",
    "just_number.ron": "42",
    "just_string.ron": '"a map"',
    "list.ron": "[1, 2, 3]",
    "missing_meta.ron": "(format: 1)",
    "missing_format.ron": '(meta: (title: "x"))',
    "trailing_garbage.ron": BASE + "\n)))",
    "two_maps.ron": BASE + BASE,
    "comment_unclosed.ron": "/* " + BASE,
    "raw_string_unclosed.ron": 'r#"' + BASE,
}
for name, text in others.items():
    write(f"other_{name}", text)

# Random structural edits: a character removed or doubled at random points.
for i in range(40):
    while True:
        text = list(BASE)
        for _ in range(3):
            at = rng.randrange(len(text))
            if rng.random() < 0.5:
                del text[at]
            else:
                text.insert(at, rng.choice('(),:[]"'))
        if not still_valid("".join(text)):
            break
    write(f"edited_{i:02}.ron", "".join(text))

print(f"{count} files")
