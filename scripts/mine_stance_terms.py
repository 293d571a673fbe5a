"""Candidate stance terms from a corpus, for a linguist to read (never added by itself).

Quotations whose cue is a critical speech act (deny, reject, criticise, warn) and those
whose cue is an approving one (welcome, praise) are contrasted with all quotations
(``--sides cue``); or, bootstrapping from the lexicon itself (``--sides label``), the
quotations the heuristic labels against or favor: words much more frequent on one side
(weighted log-odds with an informative Dirichlet prior, Monroe et al. 2008) are listed
with examples, minus the words already in the stance lexicon. Input: records from
``quotes extract`` (any corpus; not the gold).

    python scripts/mine_stance_terms.py snn.jsonl ant.jsonl --top 80
    python scripts/mine_stance_terms.py snn.jsonl ant.jsonl --sides label --min-count 20
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quotes.morphology import bare_forms, strip_definite, without_conjunction  # noqa: E402
from quotes.normalize import normalize  # noqa: E402
from quotes.stance import load_stance_model  # noqa: E402

SIDES = {"against": {"deny", "reject", "criticise", "warn", "threaten"}, "favor": {"welcome", "praise", "promise"}}


def side_of(rec: dict, sides: str) -> str | None:
    """The side a quotation stands for: by its cue's speech act, or by its stance label."""
    if sides == "label":
        return rec.get("stance") if rec.get("stance") in SIDES else None
    return next((name for name, acts in SIDES.items() if rec.get("cue_class") in acts), None)


def words(text: str) -> list[str]:
    """Normalised words without a proclitic or the article (no suffix stripping)."""
    out = []
    for w in normalize(text).split():
        w = "".join(ch for ch in w if ch.isalpha())
        w = strip_definite(without_conjunction(w, longer_than=3))
        if len(w) >= 3:
            out.append(w)
    return out


def log_odds(side: Counter, rest: Counter, prior: Counter, alpha: float = 0.01) -> dict[str, float]:
    n1, n2, a0 = sum(side.values()), sum(rest.values()), alpha * sum(prior.values())
    out = {}
    for w, c in side.items():
        a = alpha * prior[w]
        d = math.log((c + a) / (n1 + a0 - c - a)) - math.log((rest[w] + a) / (n2 + a0 - rest[w] - a))
        out[w] = d / math.sqrt(1 / (c + a) + 1 / (rest[w] + a))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", nargs="+", type=Path)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--min-count", type=int, default=8)
    ap.add_argument("--sides", choices=("cue", "label"), default="cue",
                    help="contrast quotations by their cue's speech act, or by the heuristic's label")
    args = ap.parse_args()
    model = load_stance_model()
    known = set(model.singles) | {w for terms in model.multi.values() for t in terms for w in t.words}
    counts = {name: Counter() for name in SIDES}
    everything: Counter = Counter()
    example: dict[str, str] = {}
    for path in args.records:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                ws = set(words(rec["content"]))
                everything.update(ws)
                name = side_of(rec, args.sides)
                if name is not None:
                    counts[name].update(ws)
                    for w in ws:
                        example.setdefault(w, rec["content"][:90])
    for name, side in counts.items():
        rest = everything - side
        scores = log_odds(side, rest, everything)
        ranked = [w for w in sorted(scores, key=scores.get, reverse=True)
                  if side[w] >= args.min_count and not (set(bare_forms(w)) & known)][:args.top]
        print(f"## {name} ({sum(1 for _ in side)} words)")
        for w in ranked:
            print(f"{w}\t{scores[w]:.1f}\t{side[w]}/{everything[w]}\t{example.get(w, '')}")


if __name__ == "__main__":
    main()
