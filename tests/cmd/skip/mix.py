"""mix.py N SEED - N incident records mixing every case inc-escalate's
answer from bytes must tell from the parsed path: times in +08:00, Z and
local form, with "by phone" after them or not a time at all; each level,
a bad one, none; statuses right, wrong and misspelt; closed or not; due
fields already there; comments, continuation lines, CRLF, a field name
that is no name, blank values, a missing detected.  Deterministic."""
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)


def when(base):
    m = rnd.randrange(0, 400)
    h, mi = divmod(9 * 60 + m, 60)
    d = 24 + h // 24
    h %= 24
    return rnd.choice([
        f"2026-11-{d:02d}T{h:02d}:{mi:02d}:00+08:00",
        f"2026-11-{d:02d}T{h:02d}:{mi:02d}:00+08:00 by phone",
        f"2026-11-{d:02d}T{(h - 8) % 24:02d}:{mi:02d}:00Z",
        f"2026-11-{d:02d} {h:02d}:{mi:02d}",
        f"2026-11-{d:02d} {h:02d}:{mi:02d} desk",
        f"2026-11-{d:02d}T{h:02d}:{mi:02d}:00+08:00\tduty",
    ] + [f"2026-11-{d:02d}T{h:02d}:{mi:02d}:00+08:00"] * 6) \
        if rnd.random() < 0.97 else rnd.choice(
            ["yes", "", "2026-02-30T10:00:00+08:00"])


out = []
for i in range(n):
    lines = [f"id: r{i}"]
    if rnd.random() < 0.05:
        lines.append("# a comment")
    if rnd.random() < 0.97:
        lines.append(f"detected: {when(0)}")
    lines.append(rnd.choice(["level: I", "level: II", "level: III",
                             "level: IV", "level: II ", ""] * 8 +
                            ["level: V", "level:"]))
    lines.append(rnd.choice(["status: open", "status: closed",
                             "status: closed ", "status: recovered",
                             "status: contained", ""] * 8 +
                            ["status: clsoed"]))
    for f in ("reported", "police_reported", "assessed",
              "leaders_reported", "handling_report", "closed"):
        if rnd.random() < 0.5:
            lines.append(f"{f}: {when(0)}")
    if rnd.random() < 0.05:
        lines.append("due: initial-report pending -")
    if rnd.random() < 0.05:
        lines.append("log: first\n+ second")
    if rnd.random() < 0.02:
        lines.append("Bad-Name: x")
    if rnd.random() < 0.03:
        lines.append("reported: twice 2026-11-24T10:00:00+08:00")
    rnd.shuffle(lines[1:])
    text = "\n".join(x for x in lines if x) + "\n"
    if rnd.random() < 0.03:
        text = text.replace("\n", "\r\n")
    out.append(text)
sys.stdout.write("\n".join(out))
