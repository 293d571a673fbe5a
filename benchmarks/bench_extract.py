"""Benchmark the engine on SaudiNewsNet against a floor measured in the same run.

    python benchmarks/bench_extract.py [CORPUS_DIR] [--markdown benchmarks/RESULTS.md]

Each measurement runs in a fresh process (so its peak resident memory is its own):

* floor: read every zip, JSON-parse every article, one compiled regex pass over its text;
* extract without stance, extract with stance (1 worker), with 2 workers;
* the cost of stance, both engines taking turns on one sample in one process;
* extract with stance on SaudiNewsNet and ANT together, 1.6× the articles (memory must
  stay flat; the same corpus given twice would now be skipped as repeated ids);
* the same with the run's quotations clustered (``--clusters``, the default of
  ``quotes extract``; the rows above are measured without it), on 1 and 2 workers.

Times are reported as ratios to the floor: absolute seconds on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared" / "corpora" / "ant" / "articles.jsonl"
DEFAULT = REPO.parent / "shared" / "corpora" / "saudinewsnet"


def _peak_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def measure_floor(zips: list[Path]) -> dict:
    pattern = re.compile(r"[«»“”\"]|قال|أكد|أضاف")
    t0 = time.perf_counter()
    articles = chars = hits = 0
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    text = a.get("content") or ""
                    articles += 1
                    chars += len(text)
                    hits += sum(1 for _ in pattern.finditer(text))
    return {"seconds": time.perf_counter() - t0, "articles": articles, "chars": chars, "hits": hits}


def measure_extract(zips: list[Path], stance: bool, workers: int, clusters: bool = False) -> dict:
    sys.path.insert(0, str(REPO))
    from quotes.run.jobs import extract_job

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = extract_job(list(zips), Path(tmp) / "q.jsonl", stance=stance, workers=workers, clusters=clusters)
        seconds = time.perf_counter() - t0
    out = {"seconds": seconds, "articles": summary.documents, "quotations": summary.quotations}
    if summary.clustered is not None:
        out["duplicate_rate"] = summary.clustered.duplicate_rate
    return out


def measure_stance_cost(zips: list[Path], sample: int = 6000, rounds: int = 5) -> dict:
    """What stance adds to extraction, measured in one process on the same documents,
    the two engines taking turns (the best of ``rounds`` each): separate runs on this
    shared machine differ by more than the cost itself."""
    import itertools

    sys.path.insert(0, str(REPO))
    from quotes.io.atomic import dumps
    from quotes.io.documents import BadInput, read_documents
    from quotes.pipeline import Engine

    docs = [d for d in itertools.islice(read_documents(zips), sample) if not isinstance(d, BadInput)]
    engines = {"no stance": Engine.load(stance=False), "stance": Engine.load()}
    best = {name: float("inf") for name in engines}
    for _ in range(rounds):
        for name, engine in engines.items():
            t0 = time.perf_counter()
            for d in docs:
                for q in engine.annotate(d):
                    dumps(q.to_dict())
            best[name] = min(best[name], time.perf_counter() - t0)
    return {"seconds": best["stance"], "articles": len(docs), "without_stance": best["no stance"],
            "cost": best["stance"] / best["no stance"] - 1}


MODES = {
    "floor": lambda z: measure_floor(z),
    "extract-no-stance": lambda z: measure_extract(z, False, 1),
    "extract+stance (1 worker)": lambda z: measure_extract(z, True, 1),
    "extract+stance (2 workers)": lambda z: measure_extract(z, True, 2),
    "extract+stance, SaudiNewsNet + ANT": lambda z: measure_extract(z + [ANT], True, 1),
    "extract+stance+clusters, SaudiNewsNet + ANT": lambda z: measure_extract(z + [ANT], True, 1, clusters=True),
    "extract+stance+clusters, SaudiNewsNet + ANT (2 workers)":
        lambda z: measure_extract(z + [ANT], True, 2, clusters=True),
    "extract+stance, SaudiNewsNet + ANT (2 workers)": lambda z: measure_extract(z + [ANT], True, 2),
    "stance cost, interleaved": lambda z: measure_stance_cost(z),
}


def child(mode: str, corpus: Path) -> None:
    zips = sorted(corpus.glob("*.zip"))
    result = MODES[mode](zips)
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--markdown", type=Path, help="also write the table to this file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus)
        return
    if not list(args.corpus.glob("*.zip")):
        sys.exit(f"no SaudiNewsNet zips in {args.corpus}")
    rows = {}
    for mode in MODES:
        out = subprocess.run([sys.executable, __file__, str(args.corpus), "--child", mode],
                             capture_output=True, text=True, check=True)
        rows[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{mode}: {rows[mode]}", file=sys.stderr)
    floor = rows["floor"]["seconds"]
    base = rows["extract+stance (1 worker)"]
    lines = [
        f"Benchmark of {rows['floor']['articles']:,} articles ({rows['floor']['chars'] / 1e6:.1f} M characters), "
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        "| run | seconds | × floor | articles/s | quotations | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for mode, r in rows.items():
        if "cost" in r:
            continue  # a sample, reported below
        rate = r["articles"] / r["seconds"] if r["seconds"] else 0
        lines.append(f"| {mode} | {r['seconds']:.2f} | {r['seconds'] / floor:.1f} | {rate:,.0f} | "
                     f"{r.get('quotations', '')} | {r['peak_mb']:.0f} |")
    no_stance = rows["extract-no-stance"]["seconds"]
    lines += [
        "",
        f"- stance costs {100 * rows['stance cost, interleaved']['cost']:.0f}% on top of extraction alone "
        f"(both engines taking turns on the same {rows['stance cost, interleaved']['articles']:,} articles in one "
        f"process, best of 5; {100 * (base['seconds'] / no_stance - 1):.0f}% between the separate runs above);",
        f"- 2 workers are {base['seconds'] / rows['extract+stance (2 workers)']['seconds']:.2f}× faster than one;",
        f"- SaudiNewsNet and ANT together ({rows['extract+stance, SaudiNewsNet + ANT']['articles']:,} articles) "
        f"peak at {rows['extract+stance, SaudiNewsNet + ANT']['peak_mb']:.0f} MB against {base['peak_mb']:.0f} MB "
        "for SaudiNewsNet alone;",
    ]
    both = "extract+stance, SaudiNewsNet + ANT"
    for suffix in ("", " (2 workers)"):
        plain, clustered = rows[both + suffix], rows[both.replace("stance,", "stance+clusters,") + suffix]
        lines.append(f"- clustering SaudiNewsNet + ANT{suffix or ' (1 worker)'} adds "
                     f"{100 * (clustered['seconds'] / plain['seconds'] - 1):.0f}% to the time "
                     f"({plain['seconds']:.1f} s → {clustered['seconds']:.1f} s) and peaks at "
                     f"{clustered['peak_mb']:.0f} MB (against {plain['peak_mb']:.0f} MB); "
                     f"{100 * clustered['duplicate_rate']:.1f}% of the quotations are in a statement of 2+ articles.")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
