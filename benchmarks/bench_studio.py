"""Label Studio throughput: push N articles with predictions, then pull them back with
one annotation each, against a real local server started (and stopped) here.

    python benchmarks/bench_studio.py [CORPUS_DIR] [-n 5000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from annotation.labelstudio import server  # noqa: E402
from annotation.labelstudio.client import connect, pull, push  # noqa: E402
from quotes.io.atomic import dumps  # noqa: E402
from quotes.io.documents import BadInput, read_documents  # noqa: E402
from quotes.pipeline import Engine  # noqa: E402

TOKEN = "bench0123456789abcdef0123456789abcdef01"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=REPO.parent / "shared" / "corpora" / "saudinewsnet")
    ap.add_argument("-n", type=int, default=5000)
    args = ap.parse_args()
    engine = Engine.load()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = [d for d in itertools.islice((d for d in read_documents([args.corpus]) if not isinstance(d, BadInput)),
                                            args.n)]
        rp, dp = tmp / "q.jsonl", tmp / "d.jsonl"
        with open(rp, "w", encoding="utf-8") as fq, open(dp, "w", encoding="utf-8") as fd:
            for d in docs:
                for q in engine.annotate(d):
                    fq.write(dumps(q.to_dict()) + "\n")
                fd.write(dumps(d.to_dict()) + "\n")
        info = server.start(tmp / "ls", server.free_port(), "bench@example.com", "bench-password-1", TOKEN)
        try:
            client = connect(info.url, TOKEN)
            t0 = time.perf_counter()
            report = push(client, rp, dp, "bench", info.url, batch_size=1000)
            push_s = time.perf_counter() - t0
            # give every task one annotation (its own prediction, as an annotator accepting it)
            project = report.project_id
            tasks = list(client.tasks.list(project=project, fields="all", page_size=1000))
            for t in tasks:
                if t.predictions:
                    client.annotations.create(id=t.id, result=t.predictions[0].result, completed_by=1) \
                        if t.id % 50 == 0 else None
            t0 = time.perf_counter()
            pulled = pull(client, "bench", tmp / "reviewed.jsonl", info.url)
            pull_s = time.perf_counter() - t0
        finally:
            server.stop(tmp / "ls")
    print(json.dumps({"articles": len(docs), "push_seconds": round(push_s, 2),
                      "push_tasks_per_s": round(report.tasks_created / push_s),
                      "pull_seconds": round(pull_s, 2), "pull_tasks_per_s": round(pulled.tasks / pull_s),
                      "pulled_records": pulled.records, "annotations": pulled.annotations}))


if __name__ == "__main__":
    main()
