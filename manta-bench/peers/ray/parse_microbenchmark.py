#!/usr/bin/env python3
"""Parse the raw output of `ray microbenchmark` into JSON.

Ray prints one line per benchmark row from
ray/_private/ray_microbenchmark_helpers.py::timeit:

    print(name, "per second", round(mean, 2), "+-", round(sd, 2))

e.g. ``single client tasks sync per second 1234.56 +- 12.3``.  Every row says
"per second"; rows whose name contains "gigabytes" (``single client put
gigabytes``, ``multi client put gigabytes``, ``client: put gigabytes``) are
throughputs in GB/s (ray_perf passes a GB multiplier to timeit), all other
rows are operations per second.

Output JSON:

    {"ray_version": "2.58.0",
     "machine": {"cores": 2, "memory_gib": 23.4, "python": "3.11.7", ...},
     "rows": [{"name": "single client tasks sync", "unit": "/s",
               "mean": 1234.56, "std": 12.3}, ...]}

(a non-finite mean/std, which should not happen, is written as null).

Usage:
    parse_microbenchmark.py RAW_FILE [-o OUT.json] [--ray-version V]
                            [--duration-s S]
    parse_microbenchmark.py --self-test

Standard library only; does not need Ray installed.
"""

import argparse
import json
import math
import os
import platform
import re
import sys

# One timeit() result line.  Values are Python/numpy float reprs after
# round(x, 2): "1234.56", "0.0", "1e-05", "nan", "inf".
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)"
ROW_RE = re.compile(
    r"^(?P<name>\S.*?) per second (?P<mean>" + _NUM + r") \+- (?P<std>" + _NUM + r")\s*$"
)
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def unit_for(name):
    """GB/s for the 'gigabytes' rows (multiplier is in GB), else ops/s."""
    return "GB/s" if "gigabytes" in name else "/s"


def _finite_or_none(x):
    # Strict JSON has no NaN/Infinity; emit null instead.
    return x if math.isfinite(x) else None


def parse_rows(text):
    rows = []
    seen = set()
    for raw_line in text.splitlines():
        line = ANSI_RE.sub("", raw_line).strip()
        m = ROW_RE.match(line)
        if not m:
            continue
        name = m.group("name")
        if name in seen:  # should not happen; keep the first occurrence
            continue
        seen.add(name)
        rows.append(
            {
                "name": name,
                "unit": unit_for(name),
                "mean": _finite_or_none(float(m.group("mean"))),
                "std": _finite_or_none(float(m.group("std"))),
            }
        )
    return rows


def _memory_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    kib = int(line.split()[1])
                    return round(kib / (1024 * 1024), 1)
    except OSError:
        pass
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
        return round(pages * size / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def machine_info():
    return {
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "python": platform.python_version(),
        "cpu_model": _cpu_model(),
    }


def detect_ray_version():
    try:
        from importlib.metadata import version

        return version("ray")
    except Exception:
        return None


def build_doc(text, ray_version=None, duration_s=None, extra=None):
    doc = {
        "ray_version": ray_version or detect_ray_version() or "unknown",
        "machine": machine_info(),
        "rows": parse_rows(text),
    }
    if duration_s is not None:
        doc["duration_s"] = duration_s
    if extra:
        doc.update(extra)
    return doc


# --------------------------------------------------------------------------
# Self-test on an embedded sample (realistic noise lines included).
# --------------------------------------------------------------------------

_SAMPLE = """\
Tip: set TESTS_TO_RUN='pattern' to run a subset of benchmarks
2026-11-28 00:51:24,626\tINFO worker.py:2024 -- Started a local Ray instance.
single client get calls (Plasma Store) per second 7859.28 +- 329.73
single client put calls (Plasma Store) per second 4321.0 +- 12.5
multi client put calls (Plasma Store) per second 9876.54 +- 0.0
single client put gigabytes per second 12.34 +- 1.01
(raylet) some log line per second 1 +- 2 is not a row because of trailing text
[2026-11-28 00:51:45,035 E 3990 4133] core_worker.cc:2353: Failed to register actor.
multi client put gigabytes per second 1e-05 +- nan
\x1b[32msingle client tasks sync per second 1000.5 +- 2.25\x1b[0m
1:1 actor calls async per second 5555.55 +- 55.55
n:n async-actor calls async per second 20000.0 +- 300.0
placement group create/removal per second 700.1 +- 10.2
I1128 00:52:04.336208    4729 fork_posix.cc:71] Other threads are currently calling into gRPC
client: put gigabytes per second 0.5 +- 0.01
client: 1:1 actor calls concurrent per second 800.0 +- 8.0
"""

_EXPECTED = [
    ("single client get calls (Plasma Store)", "/s", 7859.28, 329.73),
    ("single client put calls (Plasma Store)", "/s", 4321.0, 12.5),
    ("multi client put calls (Plasma Store)", "/s", 9876.54, 0.0),
    ("single client put gigabytes", "GB/s", 12.34, 1.01),
    ("multi client put gigabytes", "GB/s", 1e-05, None),
    ("single client tasks sync", "/s", 1000.5, 2.25),
    ("1:1 actor calls async", "/s", 5555.55, 55.55),
    ("n:n async-actor calls async", "/s", 20000.0, 300.0),
    ("placement group create/removal", "/s", 700.1, 10.2),
    ("client: put gigabytes", "GB/s", 0.5, 0.01),
    ("client: 1:1 actor calls concurrent", "/s", 800.0, 8.0),
]


def _same(a, b):
    return a == b


def self_test():
    doc = build_doc(_SAMPLE, ray_version="2.58.0", duration_s=1.0)
    rows = doc["rows"]
    got = [(r["name"], r["unit"], r["mean"], r["std"]) for r in rows]
    assert len(got) == len(_EXPECTED), (len(got), got)
    for g, e in zip(got, _EXPECTED):
        assert g[0] == e[0] and g[1] == e[1], (g, e)
        assert _same(g[2], e[2]) and _same(g[3], e[3]), (g, e)
    assert doc["ray_version"] == "2.58.0"
    m = doc["machine"]
    assert isinstance(m["cores"], int) and m["cores"] >= 1, m
    assert isinstance(m["python"], str) and m["python"].count(".") == 2, m
    json.dumps(doc, allow_nan=False)  # strict JSON
    assert parse_rows("") == []
    print("parse_microbenchmark self-test OK (%d rows)" % len(rows))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", nargs="?", help="raw `ray microbenchmark` output ('-' = stdin)")
    ap.add_argument("-o", "--output", help="write JSON here (default: stdout)")
    ap.add_argument("--ray-version", help="default: version of the importable ray package")
    ap.add_argument("--duration-s", type=float, help="wall-clock seconds of the run, recorded as-is")
    ap.add_argument("--filter", default=None, help="TESTS_TO_RUN used for the run (recorded)")
    ap.add_argument("--skip", default=None, help="TESTS_TO_SKIP used for the run (recorded)")
    ap.add_argument("--allow-empty", action="store_true", help="do not fail when no rows are found")
    ap.add_argument("--self-test", action="store_true", help="run the embedded self-test and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test()
    if not args.raw:
        ap.error("RAW file required (or --self-test)")

    if args.raw == "-":
        text = sys.stdin.read()
    else:
        with open(args.raw, encoding="utf-8", errors="replace") as f:
            text = f.read()

    extra = {}
    if args.filter:
        extra["tests_to_run"] = args.filter
    if args.skip:
        extra["tests_to_skip"] = args.skip
    doc = build_doc(text, args.ray_version, args.duration_s, extra)
    out = json.dumps(doc, indent=2, allow_nan=False) + "\n"
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w") as f:
            f.write(out)
        os.replace(tmp, args.output)
        print("parse_microbenchmark: %d rows -> %s" % (len(doc["rows"]), args.output), file=sys.stderr)
    else:
        sys.stdout.write(out)
    if not doc["rows"] and not args.allow_empty:
        print("parse_microbenchmark: no result rows found in %s" % args.raw, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
