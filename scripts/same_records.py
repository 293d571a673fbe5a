"""Compare two record files field for field (``engine_version`` aside), matching records
by id: the proof that a refactoring changed no output. Prints the records only one side
has and the first changed ones; exits 1 when any differ.

    python scripts/same_records.py before.jsonl after.jsonl [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys

IGNORED = {"engine_version"}


def _load(path: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = {k: v for k, v in rec.items() if k not in IGNORED}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--show", type=int, default=10, help="differences to print of each kind")
    args = ap.parse_args()
    a, b = _load(args.before), _load(args.after)
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = [k for k in a if k in b and a[k] != b[k]]
    for k in only_a[:args.show]:
        print(f"only before: {k} {a[k]['speaker_name']!r} {a[k]['content'][:60]!r}")
    for k in only_b[:args.show]:
        print(f"only after:  {k} {b[k]['speaker_name']!r} {b[k]['content'][:60]!r}")
    for k in changed[:args.show]:
        print(f"changed: {k}", {f: (a[k].get(f), b[k].get(f)) for f in sorted(set(a[k]) | set(b[k]))
                                if a[k].get(f) != b[k].get(f)})
    print(f"{len(a)} before, {len(b)} after: {len(only_a)} only before, {len(only_b)} only after, "
          f"{len(changed)} changed")
    return 1 if only_a or only_b or changed else 0


if __name__ == "__main__":
    sys.exit(main())
