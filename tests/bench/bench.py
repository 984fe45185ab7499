"""bench.py - time inc against grep, mawk, Miller and recutils on the
same deterministic data in one run; print medians, MB/s, ratios and peak
memory (from wait4's rusage of each run)."""
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

TOP = sys.argv[1]
BIN = os.path.join(TOP, "bin")
RSS = os.path.join(TOP, "build", "bench-rss")
ALERTS = int(os.environ.get("BENCH_ALERTS", "500000"))
FLOOD = int(os.environ.get("BENCH_FLOOD", "1000000"))
RECORDS = int(os.environ.get("BENCH_RECORDS", "200000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
NOW = "2026-11-25T00:00:00+08:00"
DAY = "2026-11-24"                  # the last day of the archive
ENV = dict(os.environ, TZ="Asia/Shanghai", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("INC_PLAN", None)


def run(cmd, out_path):
    """One run: seconds, peak RSS in KiB, exit status and bytes written.
    Output goes to a file, never /dev/null (GNU grep stops at the first
    match when it sees /dev/null), removed after the run: a filter's
    output left for the next round would be written back to the disk
    in the middle of other measurements.  The peak comes from the rss
    helper (see rss.c for why)."""
    argv = shlex.split(cmd) if isinstance(cmd, str) else cmd
    rss_file = out_path + ".rss"
    with open(out_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.run([RSS, rss_file] + argv, stdout=out,
                           stderr=subprocess.DEVNULL, env=ENV)
        dt = time.perf_counter() - t0
    size = os.path.getsize(out_path)
    os.unlink(out_path)
    with open(rss_file) as f:
        return dt, int(f.read()), p.returncode, size


def out_dir(work):
    """Where the outputs go: BENCH_OUT, else /dev/shm when it is a
    writable tmpfs, else the work directory.  In memory, a filter that
    writes 170 MB is timed, not the disk: written to the disk, the same
    run took 0.2 to 0.6 s by how much of the last round's output was
    still being written back."""
    d = os.environ.get("BENCH_OUT")
    if d:
        return d
    if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        return "/dev/shm"
    return work


def measure_all(jobs, work):
    """Each job is (name, cmd, input size).  The rounds go round the
    jobs (every command once, then again), so that a change in the load
    of the machine during the run falls on all of them alike."""
    times = {j[0]: [] for j in jobs}
    rss = {j[0]: 0 for j in jobs}
    outs = {}
    out = os.path.join(out_dir(work), f"inc-bench-out.{os.getpid()}")
    for _ in range(ROUNDS):
        for name, cmd, size in jobs:
            dt, r, code, size = run(cmd, out)
            if code not in (0, 1):
                sys.exit(f"bench: {name} exited {code}: {cmd}")
            times[name].append(dt)
            rss[name] = max(rss[name], r)
            outs[name] = size
    res = {}
    for name, cmd, size in jobs:
        med = statistics.median(times[name])
        res[name] = {"name": name, "median": med, "mbs": size / med / 1e6,
                     "rss": rss[name], "out": outs[name]}
    return res


def plan_json():
    """The plan in force as inc-plan show gives it, or None when inc-plan
    is not built."""
    prog = os.path.join(BIN, "inc-plan")
    if not os.path.exists(prog):
        return None
    out = subprocess.run([prog, "show", "--format", "json"],
                         capture_output=True, env=ENV, check=True)
    return json.loads(out.stdout)


def plan_keywords():
    """(keyword, category, subtype) of the plan's subtypes: from inc-plan
    show, or read from share/inc/plan.yaml when inc-plan is not built."""
    plan = plan_json()
    rows = []
    if plan is not None:
        for c in plan["categories"]:
            for s in c["subtypes"]:
                for k in s["keywords"]:
                    rows.append((k, c["id"], s["id"]))
        return rows
    cat = sub = None
    with open(os.path.join(TOP, "share/inc/plan.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"  - id: (\S+)", line)
            if m:
                cat = m.group(1)
            m = re.match(r"      - id: (\S+)", line)
            if m:
                sub = m.group(1)
            m = re.match(r"\s*keywords:\s*\[(.*)\]\s*$", line)
            if m:
                rows += [(k.strip(), cat, sub)
                         for k in m.group(1).split(",") if k.strip()]
    return rows


def rule_strings(plan):
    """Every string of the matcher's automaton: the keywords of the
    rules and of the subtypes, and the patterns' literals."""
    out = [k for c in plan["categories"] for s in c["subtypes"]
           for k in s["keywords"]]
    for r in plan["detection"]["rules"]:
        out += r["keywords"] + r["literals"]
    return out


def ere(p):
    """A PCRE2 pattern of the plan as the POSIX ERE GNU grep -E reads:
    the same alternatives; named and non-capturing groups as groups; \\d
    \\s \\S \\w spelled out; (?i) as [aA] classes; lookarounds and lazy
    marks dropped, lookaheads and lookbehinds matched in place (ERE has
    none of them: grep then matches a little more, or a little less)."""
    out, i, n, fold = [], 0, len(p), False
    if p.startswith("(?i)"):
        fold, i = True, 4
    esc = {"d": "[0-9]", "s": "[[:space:]]", "S": "[^[:space:]]",
           "w": "[[:alnum:]_]"}
    inside = {"d": "0-9", "s": "[:space:]", "w": "[:alnum:]_"}
    while i < n:
        c = p[i]
        if p.startswith(("(?=", "(?<="), i):
            # what must be there: matched in place, a stricter ERE
            i = p.index("=", i) + 1
            out.append("(")
        elif p.startswith(("(?<!", "(?!"), i):
            depth, j = 0, i
            while j < n:
                if p[j] == "\\":
                    j += 2
                    continue
                depth += p[j] == "("
                depth -= p[j] == ")"
                if depth == 0:
                    break
                j += 1
            i = j + 1
        elif p.startswith("(?<", i):
            i = p.index(">", i) + 1
            out.append("(")
        elif p.startswith(("(?:", "(?i:"), i):
            i = p.index(":", i) + 1
            out.append("(")
        elif c == "\\" and i + 1 < n:
            d = p[i + 1]
            if d in esc:
                out.append(esc[d])
            elif fold and d.isalpha():
                out.append(d)
            else:
                out.append("\\" + d)
            i += 2
        elif c == "[":
            j, body, neg, rb = i + 1, [], "", ""
            if p[j] == "^":
                neg, j = "^", j + 1
            while p[j] != "]":
                if p[j] == "\\":
                    d = p[j + 1]
                    if d == "]":
                        rb = "]"
                    else:
                        body.append(inside.get(d, d))
                    j += 2
                else:
                    body.append(p[j])
                    j += 1
            b = "".join(body)
            if fold:
                plain = re.sub(r"\[:[a-z]+:\]", "", b)
                ranges = re.findall(r"([A-Za-z])-([A-Za-z])", plain)
                plain = re.sub(r"[A-Za-z]-[A-Za-z]", "", plain)
                b += "".join(x.swapcase() + "-" + y.swapcase()
                             for x, y in ranges)
                b += "".join(ch.swapcase() for ch in plain
                             if ch.isascii() and ch.isalpha())
            if b.startswith("-"):
                b = b[1:] + "-"
            out.append("[" + neg + rb + b + "]")
            i = j + 1
        elif c in "*+?}" and i + 1 < n and p[i + 1] == "?":
            out.append(c)
            i += 2
        elif fold and c.isascii() and c.isalpha():
            out.append("[" + c.lower() + c.upper() + "]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


NOISE = ["GET /index.php 200", "session opened for user root",
         "cron job finished", "健康检查正常", "disk usage 41%",
         "连接已建立", "TLS handshake ok", "backup completed"]
HOSTS = ["waf01", "fw01", "portal-web", "av-console", "monitor", "bms"]


def gen_alerts(path, n, keywords, examples=()):
    """Alert lines of one day: syslog, RFC 3339 and local timestamps in
    turn, hosts and tags, two in five naming a keyword of the plan (any
    of them, Chinese or English, in any case), one in ten an example line
    of a detection rule as the plan gives it (sshd, web logs, IDS...),
    the rest noise."""
    rnd = random.Random(20261124)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            host = HOSTS[i % len(HOSTS)]
            if examples and i % 10 == 7:
                f.write(examples[rnd.randrange(len(examples))] + "\n")
                continue
            if rnd.random() < 0.4:
                kw = keywords[rnd.randrange(len(keywords))][0]
                if i % 5 == 0:
                    kw = kw.upper()
                msg = f"alert {i}: {kw} seen from 203.0.113.{i % 250}"
            else:
                msg = f"{NOISE[i % len(NOISE)]} id={i}"
            hms = f"{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
            if i % 3 == 0:
                when = f"Nov 24 {hms} {host}"
            elif i % 3 == 1:
                when = f"2026-11-24T{hms}+08:00 {host}"
            else:
                when = f"2026-11-24 {hms}"
            f.write(f"{when} app[{i % 999}]: {msg}\n")


def gen_flood(path, n, addresses=5000):
    """n sshd failed logins, a hundred a second, from a pool of
    addresses in turn: each fails every 50 seconds, often enough to be
    an incident (5 in 10 minutes), and 5,000 groups are open at once.  For the peak memory of
    grouping, which must not grow with n."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            t = i // 100
            a = i % addresses
            f.write(f"Nov 24 {t // 3600 % 24:02d}:{t // 60 % 60:02d}:"
                    f"{t % 60:02d} www sshd[{1000 + i % 9000}]: Failed "
                    f"password for root from 10.{a >> 16 & 255}."
                    f"{a >> 8 & 255}.{a & 255} port {40000 + i % 20000} "
                    f"ssh2\n")


CATS = [("network-attack", "denial-of-service", "DDoS"),
        ("information-destruction", "tampering", "篡改"),
        ("harmful-program", "virus", "病毒"),
        ("network-attack", "vulnerability", "SQL注入"),
        ("equipment-failure", "hardware-software", "硬盘故障"),
        ("disaster", "fire", "烟感"),
        ("content-security", "sensitive-hype", "敏感信息"),
        ("other", "other", "none")]
SYSTEMS = [("portal", "important"), ("oa", "general")]
LOSSES = ["minor", "minor", "minor", "considerable", "considerable",
          "serious", "serious", "extreme"]
# The plan's grading (一(五)2) for these, as inc-classify writes it.
GRADE = {("important", "minor"): "IV", ("important", "considerable"): "IV",
         ("important", "serious"): "III", ("important", "extreme"): "II",
         ("general", "minor"): "IV", ("general", "considerable"): "IV",
         ("general", "serious"): "IV", ("general", "extreme"): "III"}
EPOCH = 1732464000          # 2024-11-25T00:00:00+08:00


def stamp(t):
    """RFC 3339 in +08:00, as the tools write it."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(t + 28800))


SHAPES = {              # which records are still open
    "closed": lambda i, n: False,
    "sixth open": lambda i, n: i % 6 == 5,
    "open": lambda i, n: True,
}


def gen_records(path, n, shape="closed"):
    """Years of incident archives: n records spread evenly over the two
    years before NOW (about 270 a day at 200,000), in time order, with a
    log of several lines.  A closed one has its reports done and its
    closed time; which are open is the shape's: all closed, a sixth
    open, all open.  An open one has no closed time and, one in two, no
    report done yet (overdue; the handling report is pending: no closed
    time to count from), so the day report lists every open incident,
    with what it still owes.  Titles and logs mix Chinese and English,
    as the real ones do."""
    rnd = random.Random(42)
    span = 730 * 86400
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            t = EPOCH + i * span // n + rnd.randrange(300)
            cat, sub, kw = CATS[i % len(CATS)]
            sysid, imp = SYSTEMS[i % len(SYSTEMS)]
            loss = LOSSES[rnd.randrange(len(LOSSES))]
            lvl = GRADE[(imp, loss)]
            det, rep = stamp(t), stamp(t + 600 + rnd.randrange(3000))
            is_open = SHAPES[shape](i, n)
            f.write(f"id: inc-{det[:10].replace('-', '')}-{i:012x}\n"
                    f"title: 门户网站告警 {kw} portal alert {i}\n"
                    f"detected: {det}\nsource: waf01\nsystem: {sysid}\n"
                    f"category: {cat}\nsubtype: {sub}\nmatch: {kw}\n"
                    f"importance: {imp}\nloss: {loss}\nlevel: {lvl}\n"
                    f"level_basis: {lvl} (plan): {imp} × {loss} → {lvl}; impact not "
                    f"given (一(五)2)\n"
                    f"status: {'open' if is_open else 'closed'}\n")
            if not is_open or i % 2 == 0:
                f.write(f"reported: {rep} by phone\n")
            if lvl in ("I", "II"):
                f.write(f"police_reported: {rep}\nassessed: {rep}\n"
                        f"leaders_reported: {rep}\n")
            if not is_open:
                f.write(f"closed: {stamp(t + 7200 + rnd.randrange(9000))}"
                        f"\nhandling_report: {stamp(t + 86400)}\n")
            f.write(f"log: {det} 值班员接报 alert received from waf01\n"
                    f"+ {rep} 已电话报告区网信办 reported by phone\n"
                    f"+ 处置完毕 handled, service restored\n\n")


def table(title, rows, base):
    print(f"\n{title}")
    print(f"  {'command':<46} {'median s':>9} {'MB/s':>7} {'out MB':>7}"
          f" {'peak MiB':>9} {'÷ inc':>6}")
    for r in rows:
        if r is None:
            continue
        ratio = f"{r['median'] / base['median']:>6.2f}" if base else ""
        print(f"  {r['name']:<46} {r['median']:>9.3f} {r['mbs']:>7.1f}"
              f" {r['out'] / 1e6:>7.1f} {r['rss'] / 1024:>9.1f}"
              f" {ratio:>6}")


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}"


def load():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def main():
    work = tempfile.mkdtemp(prefix="inc-bench-")
    kws = plan_keywords()
    plan = plan_json()
    kwfile = os.path.join(work, "keywords")
    patfile = os.path.join(work, "patterns")
    examples = []
    with open(kwfile, "w", encoding="utf-8") as f, \
            open(patfile, "w", encoding="utf-8") as pf:
        if plan is None:
            f.write("".join(k + "\n" for k, _, _ in kws))
        else:
            f.write("".join(k + "\n" for k in rule_strings(plan)))
            for r in plan["detection"]["rules"]:
                examples += r["examples"]
                if r["pattern"]:
                    pf.write(ere(r["pattern"]) + "\n")
    kwtsv = os.path.join(work, "keywords.tsv")
    with open(kwtsv, "w", encoding="utf-8") as f:
        f.write("".join(f"{k.lower()}\t{c}\t{s}\n" for k, c, s in kws))
    alerts = os.path.join(work, "alerts.log")
    gen_alerts(alerts, ALERTS, kws, examples)
    alerts_small = os.path.join(work, "alerts-small.log")
    gen_alerts(alerts_small, ALERTS // 10, kws, examples)
    flood_small = os.path.join(work, "flood-small.log")
    gen_flood(flood_small, FLOOD // 100)
    flood = os.path.join(work, "flood.log")
    gen_flood(flood, FLOOD)
    recs = os.path.join(work, "incidents.rec")
    gen_records(recs, RECORDS)
    small = os.path.join(work, "small.rec")
    gen_records(small, RECORDS // 10)
    shaped = {}
    for shape in SHAPES:
        if shape != "closed":
            shaped[shape] = os.path.join(work, shape.replace(" ", "-") +
                                         ".rec")
            gen_records(shaped[shape], RECORDS, shape)
    # The data on the disk before the clock starts, not written back in
    # the middle of the first rounds.
    os.sync()
    asize, rsize = os.path.getsize(alerts), os.path.getsize(recs)
    print(f"inc bench: {ALERTS} alert lines ({asize / 1e6:.1f} MB), "
          f"{RECORDS} records ({rsize / 1e6:.1f} MB) in each of "
          f"{len(SHAPES)} shapes ({', '.join(SHAPES)}), {ROUNDS} rounds, "
          f"median")
    print(f"machine: {machine()}; load average before: {load()}; "
          f"outputs written to {out_dir(work)}")

    inc = lambda p: os.path.join(BIN, p)
    have_report = os.path.exists(inc("inc-report"))
    awk_classify = ("mawk -F'\\t' 'NR==FNR{kw[NR]=$1;cat[NR]=$2 \"/\" $3;"
                    "n=NR;next} {l=tolower($0);c=\"other/other\";"
                    "for(i=1;i<=n;i++) if(index(l,kw[i])){c=cat[i];break}"
                    "cnt[c]++} END{for(k in cnt) print k, cnt[k]}' "
                    f"{kwtsv} {alerts}")
    count_of = lambda f: ("mawk 'BEGIN{RS=\"\";FS=\"\\n\"} "
                          "{for(i=1;i<=NF;i++){if($i~/^level: /)"
                          "l=substr($i,8); if($i~/^category: /)"
                          "c=substr($i,11)} n[l]++; m[c]++} END{for(k in n)"
                          f" print k,n[k]; for(k in m) print k,m[k]}}' {f}")
    count = count_of(recs)
    # What a sysadmin would write to list the open incidents: the day
    # report's output grows with them, a count's does not.  Shown beside
    # the open shapes, not a target.
    list_open = (r'BEGIN{RS="";FS="\n"} {s="";for(i=1;i<=NF;i++){'
                 r'if($i~/^id: /)d=substr($i,5);'
                 r'if($i~/^level: /)l=substr($i,8);'
                 r'if($i~/^category: /)c=substr($i,11);'
                 r'if($i~/^detected: /)t=substr($i,11);'
                 r'if($i~/^status: /)s=substr($i,9)}'
                 r' if(s=="open") printf "{\"id\":\"%s\",\"level\":\"%s\",'
                 r'\"category\":\"%s\",\"detected\":\"%s\"}\n", d, l, c, t}')
    list_open_of = lambda f: ["mawk", list_open, f]
    mlr_of = lambda f: ["mlr", "--ixtab", "--ips", ": ", "--ojson",
                        "count-distinct", "-f", "level,category", f]
    ssize = os.path.getsize(small)
    jobs = [
        ("inc-classify --raw", [inc("inc-classify"), "--raw", "--now", NOW,
                                alerts], asize),
        # Detection alone: every line its own record, nothing grouped.
        ("inc-classify --raw --all", [inc("inc-classify"), "--raw", "--all",
                                      "--now", NOW, alerts], asize),
        # grep in the C locale: -i then folds ASCII letters only and every
        # other byte must match exactly, which is what inc's matcher does.
        # (In a UTF-8 locale GNU grep -i checks each candidate line with
        # its multibyte matcher: 30 to 60 times slower on these lines.)
        ("LC_ALL=C grep -c -i -F -f keywords", ["env", "LC_ALL=C", "grep",
         "-c", "-i", "-F", "-f", kwfile, alerts], asize),
        ("LC_ALL=C grep -c -E -f patterns", ["env", "LC_ALL=C", "grep",
         "-c", "-E", "-f", patfile, alerts], asize),
        ("mawk keyword loop, count by subtype", awk_classify, asize),
        ("inc-escalate (filter: records + due)", [inc("inc-escalate"),
         "--now", NOW, recs], rsize),
        ("inc-escalate --notices", [inc("inc-escalate"), "--notices",
                                    "--now", NOW, recs], rsize),
        # The floor of any filter: the kernel reading the records and
        # writing them back, nothing read in between.  The filter writes
        # a third more (the due fields); the count it is held to writes
        # nothing.  Shown, not a target.
        ("cat (the records through, unread)", ["cat", recs], rsize),
        ("mawk paragraph count by level, category", count, rsize),
        ("mlr count-distinct -f level,category", mlr_of(recs), rsize),
        ("recsel -p level,category", ["recsel", "-p", "level,category",
                                      recs], rsize),
        ("inc-escalate (1/10 of the records)", [inc("inc-escalate"),
         "--now", NOW, small], ssize),
        ("inc-classify (1/10 of the records)", [inc("inc-classify"), small],
         ssize),
        ("inc-classify (records)", [inc("inc-classify"), recs], rsize),
        ("inc-classify --raw (1/10 of the alerts)", [inc("inc-classify"),
         "--raw", "--now", NOW, alerts_small],
         os.path.getsize(alerts_small)),
        (f"inc-classify --raw, sshd flood of {FLOOD // 100}",
         [inc("inc-classify"), "--raw", "--now", NOW, flood_small],
         os.path.getsize(flood_small)),
        (f"inc-classify --raw, sshd flood of {FLOOD}",
         [inc("inc-classify"), "--raw", "--now", NOW, flood],
         os.path.getsize(flood)),
    ]
    if have_report:
        # Next to the counts it is measured against, so that a change in
        # the load of the machine within a round falls on both alike.
        at = [j[0] for j in jobs].index("mlr count-distinct -f "
                                         "level,category")
        jobs.insert(at, ("inc-report --format json --day",
                         [inc("inc-report"), "--format", "json", "--day",
                          DAY, "--now", NOW, recs], rsize))
    # The other shapes: the same four side by side on each.
    for shape, f in shaped.items():
        size = os.path.getsize(f)
        jobs += [(f"{shape}: inc-escalate (filter)", [inc("inc-escalate"),
                  "--now", NOW, f], size),
                 (f"{shape}: mawk paragraph count", count_of(f), size)]
        if have_report:
            jobs.append((f"{shape}: inc-report --format json --day",
                         [inc("inc-report"), "--format", "json", "--day",
                          DAY, "--now", NOW, f], size))
        jobs.append((f"{shape}: mlr count-distinct", mlr_of(f), size))
        jobs.append((f"{shape}: mawk list of the open ones", list_open_of(f),
                     size))
    m = measure_all(jobs, work)
    a_inc = m["inc-classify --raw"]
    a_grep = m["LC_ALL=C grep -c -i -F -f keywords"]
    a_awk = m["mawk keyword loop, count by subtype"]
    a_ere = m["LC_ALL=C grep -c -E -f patterns"]
    a_all = m["inc-classify --raw --all"]
    table("classify: alert lines to classified records", [a_inc, a_all,
          a_grep, a_ere, a_awk], a_inc)
    f_small = m[f"inc-classify --raw, sshd flood of {FLOOD // 100}"]
    f_big = m[f"inc-classify --raw, sshd flood of {FLOOD}"]
    table("grouping: an sshd flood from 5,000 addresses", [f_small,
          f_big], None)
    e_inc, n_inc = m["inc-escalate (filter: records + due)"], \
        m["inc-escalate --notices"]
    r_inc = m.get("inc-report --format json --day")
    r_awk = m["mawk paragraph count by level, category"]
    r_mlr = m["mlr count-distinct -f level,category"]
    r_rec = m["recsel -p level,category"]
    table("records, all closed: obligations and the day report", [e_inc,
          n_inc, m["cat (the records through, unread)"], r_inc, r_awk,
          r_mlr, r_rec], r_inc or n_inc)
    for shape in shaped:
        table(f"records, {shape}: the filter and the day report",
              [m[f"{shape}: inc-escalate (filter)"],
               m.get(f"{shape}: inc-report --format json --day"),
               m[f"{shape}: mawk paragraph count"],
               m[f"{shape}: mlr count-distinct"],
               m[f"{shape}: mawk list of the open ones"]],
              m.get(f"{shape}: inc-report --format json --day"))
    if not have_report:
        print("  (inc-report not built: its rows and targets are left out)")
    e_small = m["inc-escalate (1/10 of the records)"]
    c_small = m["inc-classify (1/10 of the records)"]
    c_big = m["inc-classify (records)"]
    a_small = m["inc-classify --raw (1/10 of the alerts)"]
    table("peak memory of the filters, 1/10 and all of the input",
          [e_small, e_inc, c_small, c_big, a_small, a_inc], None)

    ratio = lambda a, b: a["median"] / b["median"]
    print("\ntargets (ratios of medians in this run):")
    checks = [
        ("inc-classify --raw <= 3 x grep -c -i -F keywords",
         ratio(a_inc, a_grep), 3.0),
        ("inc-classify --raw < 1 x grep -c -E patterns",
         ratio(a_inc, a_ere), 0.999),
        ("inc-classify --raw <= 0.1 x awk", ratio(a_inc, a_awk), 0.1),
        ("grouping (--raw) <= 1.2 x detection alone (--raw --all)",
         ratio(a_inc, a_all), 1.2),
        ("inc-escalate --notices <= 0.5 x mawk count", ratio(n_inc, r_awk),
         0.5),
        ("inc-escalate filter <= 0.5 x mawk count", ratio(e_inc, r_awk),
         0.5),
    ]
    if r_inc is not None:
        checks += [
            ("inc-report <= 0.25 x mawk count", ratio(r_inc, r_awk), 0.25),
            ("inc-report <= 0.2 x Miller", ratio(r_inc, r_mlr), 0.2),
        ]
    for shape in shaped:
        awk_s = m[f"{shape}: mawk paragraph count"]
        checks.append((f"{shape}: inc-escalate filter <= 0.5 x mawk",
                       ratio(m[f"{shape}: inc-escalate (filter)"], awk_s),
                       0.5))
        rep_s = m.get(f"{shape}: inc-report --format json --day")
        if rep_s is not None:
            checks += [
                (f"{shape}: inc-report <= 0.25 x mawk count",
                 ratio(rep_s, awk_s), 0.25),
                (f"{shape}: inc-report <= 0.2 x Miller",
                 ratio(rep_s, m[f"{shape}: mlr count-distinct"]), 0.2),
            ]
    checks += [
        ("escalate peak memory 200k / 20k records <= 1.2", e_inc["rss"] /
         e_small["rss"], 1.2),
        ("classify peak memory 200k / 20k records <= 1.2", c_big["rss"] /
         c_small["rss"], 1.2),
        ("classify --raw peak memory all / 1/10 of the alerts <= 1.2",
         a_inc["rss"] / a_small["rss"], 1.2),
        (f"grouping peak memory {FLOOD} / {FLOOD // 100} alerts <= 1.2",
         f_big["rss"] / f_small["rss"], 1.2),
    ]
    bad = 0
    for name, got, limit in checks:
        ok = got <= limit
        bad += not ok
        print(f"  {'ok  ' if ok else 'MISS'} {name:<50} {got:7.3f}")
    print(f"load average after: {load()}")
    subprocess.run(["rm", "-rf", work])
    return 1 if bad else 0


sys.exit(main())
