"""Score the engine on the development set, split into a tuning part and a held-aside third.

    python scripts/dev_eval.py                     # scores: all, per corpus, tune, held
    python scripts/dev_eval.py --errors tune       # every miss, spurious and wrong speaker of the tuning part
    python scripts/dev_eval.py --confusion         # stance confusion matrices (gold rows, predicted columns)

The held-aside third is chosen by a hash of the document id (stable, about a third of each
corpus); read errors only on the tuning part, and report both parts. Scores come from the
shared scorer (``../shared/tools/score_quotes.py``), imported as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quotes.io.documents import BadInput, read_documents  # noqa: E402
from quotes.pipeline import Engine  # noqa: E402


def held(doc_id: str) -> bool:
    """Is this document in the held-aside third?"""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_quotes", shared / "tools" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def predict(articles: Path) -> list[dict]:
    engine = Engine.load()
    out = []
    for doc in read_documents([articles]):
        if isinstance(doc, BadInput):
            raise SystemExit(f"cannot read {doc}")
        out.extend(q.to_dict() for q in engine.annotate(doc))
    return out


def print_errors(scorer, gold_path: Path, preds: list[dict], docs: set[str]) -> None:
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["doc_id"] in docs:
            gold[d["doc_id"]] = d["quotes"]
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    for doc_id, gq in gold.items():
        pq = by_doc.get(doc_id, [])
        pairs = scorer.match(gq, pq)
        mg = {id(g) for g, _, _ in pairs}
        mp = {id(p) for _, p, _ in pairs}
        lines = []
        for g in gq:
            if id(g) not in mg:
                lines.append(f"  MISS [{g['type']}] cue={g['cue']!r} spk={g['speaker_name']!r} :: {g['content'][:110]}")
        for p in pq:
            if id(p) not in mp:
                lines.append(f"  SPUR [{p['type']}/{p['rule']}] cue={p['cue']!r} spk={p['speaker_name']!r} "
                             f"mention={p['speaker_mention']!r} :: {p['content'][:110]}")
        for g, p, _ in pairs:
            if not scorer.speaker_ok(g.get("speaker_name"), p.get("speaker_name")):
                lines.append(f"  SPK  gold={g['speaker_name']!r} (mention {g.get('speaker_mention')!r}) "
                             f"pred={p['speaker_name']!r} (mention {p['speaker_mention']!r}, {p['rule']}"
                             f"{', ' + p['speaker_rule'] if p.get('speaker_rule') else ''}) cue={p['cue']!r}")
            elif g.get("speaker_gender") != p.get("speaker_gender"):
                lines.append(f"  GEN  gold={g['speaker_gender']} pred={p['speaker_gender']} spk={p['speaker_name']!r}"
                             f" cue={p['cue']!r}")
            if g["type"] != p["type"]:
                lines.append(f"  TYPE gold={g['type']} pred={p['type']} :: {p['content'][:80]}")
            if g.get("stance") != p.get("stance"):
                lines.append(f"  STAN gold={g.get('stance')} pred={p.get('stance')} cue={p['cue']!r} "
                             f"reason={p.get('stance_reason')!r} :: {p['content'][:140]}")
        if lines:
            print(doc_id)
            print("\n".join(lines))


STANCES = ("favor", "against", "neutral")


def print_confusion(scorer, gold_path: Path, preds: list[dict], parts: dict[str, set[str]]) -> None:
    """Stance confusion of the matched quotations of each part: gold rows, predicted columns."""
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold[d["doc_id"]] = d["quotes"]
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    for name, docs in parts.items():
        table = {(g, p): 0 for g in STANCES for p in STANCES}
        for doc_id in docs:
            for g, p, _ in scorer.match(gold.get(doc_id, []), by_doc.get(doc_id, [])):
                table[(g.get("stance"), p.get("stance"))] = table.get((g.get("stance"), p.get("stance")), 0) + 1
        print(f"\n{name}: gold \\ predicted")
        print(f"{'':<9}" + "".join(f"{p:>9}" for p in STANCES))
        for g in STANCES:
            print(f"{g:<9}" + "".join(f"{table[(g, p)]:>9}" for p in STANCES))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--errors", choices=["tune", "held", "all"], help="list the errors of this part")
    ap.add_argument("--confusion", action="store_true", help="stance confusion matrices by part and corpus")
    args = ap.parse_args()
    gold_path = args.shared / "gold" / "dev.jsonl"
    scorer = load_scorer(args.shared)
    preds = predict(args.shared / "gold" / "dev_articles.jsonl")
    doc_ids = [json.loads(line)["doc_id"] for line in gold_path.read_text(encoding="utf-8").splitlines()]
    parts = {"all": set(doc_ids), "tune": {d for d in doc_ids if not held(d)}, "held": {d for d in doc_ids if held(d)}}
    corpora = {c: {d for d in doc_ids if scorer.corpus_of(d) == c} for c in ("saudinewsnet", "ant")}
    if args.errors:
        print_errors(scorer, gold_path, preds, parts[args.errors])
        return
    if args.confusion:
        print_confusion(scorer, gold_path, preds, {**parts, **corpora})
        return
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        keys = ("f1", "precision", "recall", "speaker_acc", "attributed_f1", "gender_acc", "type_acc", "stance_macro_f1")
        print(f"{'part':<14}{'docs':>5}{'gold':>5} " + " ".join(f"{k[:9]:>9}" for k in keys))
        rows = list(parts.items()) + list(corpora.items())
        for name, docs in rows:
            r = scorer.score(str(gold_path), str(pred_path), only_docs=docs)
            print(f"{name:<14}{r['docs']:>5}{r['gold']:>5} " + " ".join(f"{r[k]:>9}" for k in keys))


if __name__ == "__main__":
    main()
