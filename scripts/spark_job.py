"""Entry point for spark-submit: extract quotations from JSONL articles on a cluster.

    spark-submit --py-files dist/arabic_quotes-0.1.0-py3-none-any.whl scripts/spark_job.py IN.jsonl OUT.parquet

The master comes from spark-submit (--master); see README, "Spark".
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quotes.run.spark import extract_with_spark


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inputs", nargs="+", help="JSONL files ({id, text} lines) or other inputs the driver reads")
    ap.add_argument("output", help="parquet folder to write")
    ap.add_argument("--no-stance", action="store_true")
    ap.add_argument("--no-clusters", action="store_true", help="do not cluster the quotations")
    ap.add_argument("--targets", type=Path)
    args = ap.parse_args()
    n = extract_with_spark([Path(p) for p in args.inputs], Path(args.output), stance=not args.no_stance,
                           targets=args.targets, master=None, clusters=not args.no_clusters)
    print(f"{n} quotations -> {args.output}")


if __name__ == "__main__":
    main()
