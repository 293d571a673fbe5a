"""Compare two record files field for field (``engine_version`` aside): the proof that a
refactoring changed no output. Prints the first differences and exits 1 when any.

    python scripts/same_records.py before.jsonl after.jsonl
"""

from __future__ import annotations

import json
import sys
from itertools import zip_longest

IGNORED = {"engine_version"}


def main(before: str, after: str, show: int = 10) -> int:
    n = differ = 0
    with open(before, encoding="utf-8") as a, open(after, encoding="utf-8") as b:
        for la, lb in zip_longest(a, b):
            n += 1
            ra = {k: v for k, v in json.loads(la).items() if k not in IGNORED} if la else None
            rb = {k: v for k, v in json.loads(lb).items() if k not in IGNORED} if lb else None
            if ra != rb:
                differ += 1
                if differ <= show:
                    keys = sorted(set(ra or {}) | set(rb or {}))
                    print(f"line {n}:", {k: ((ra or {}).get(k), (rb or {}).get(k)) for k in keys
                                         if (ra or {}).get(k) != (rb or {}).get(k)})
    print(f"{n} records compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
