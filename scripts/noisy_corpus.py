"""Write N seeded noisy variants of real SaudiNewsNet and ANT articles as a JSONL corpus
(the generator of ``tests/noise.py``), to run ``quotes extract`` on:

    python scripts/noisy_corpus.py -n 2000 -o /tmp/noisy.jsonl
    quotes extract /tmp/noisy.jsonl -o /tmp/noisy-quotes.jsonl     # expect 0 failed

Lone surrogates are written as JSON escapes (\\ud800), as a hostile file would carry them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from noise import load_articles, noisy  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="how many variants")
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    articles = load_articles(args.shared)
    if not articles:
        raise SystemExit(f"no articles under {args.shared}/corpora")
    rng = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8") as fh:
        for i in range(args.n):
            text = noisy(rng.choice(articles), rng)
            fh.write(json.dumps({"id": f"noisy:{i}", "text": text}) + "\n")  # ASCII escapes keep surrogates
    print(f"{args.n} noisy variants of {len(articles)} articles -> {args.output}")


if __name__ == "__main__":
    main()
