"""Run the engine on Apache Spark (``quotes extract --engine spark``).

Documents become a DataFrame ``(doc_id, text, title, source, url, date)``; the engine is
applied to each partition with ``mapInPandas``; records are written as parquet with the
same fields as the local engine's JSONL. Locally Spark runs in ``local[*]`` mode; on a
cluster, submit the same code with the package as a wheel (see README, "Spark").

JSONL input (``{id, text}`` lines) is read by Spark itself, so it scales past one
machine; other inputs (.txt, SaudiNewsNet .json/.zip) are read on the driver first.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Iterator

from quotes.io.documents import duplicate_message
from quotes.io.outputs import StagedFolder
from quotes.schema import record_fields, score_keys


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing; the message says what to install."""


def _spark_type(kind: str):
    from pyspark.sql import types as T

    if kind == "scores":
        return T.StructType([T.StructField(k, T.DoubleType()) for k in score_keys()])
    if kind == "strings":
        return T.ArrayType(T.StringType())
    return {"offset": T.LongType(), "int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}.get(
        kind, T.StringType())  # strings and labels


def record_schema():
    """The Spark schema of a quotation record (same fields as the JSONL records)."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, _spark_type(f.kind), True) for f in record_fields()])


def _annotate_partitions(stance: bool, target_yaml: str | None):
    """The function given to ``mapInPandas`` (loads the lexicons once per worker)."""
    def run(batches: Iterator) -> Iterator:
        import pandas as pd

        from quotes.run.parallel import Failed, annotate_isolated
        from quotes.pipeline import Engine
        from quotes.record import Document

        engine = Engine.load(stance=stance, targets=target_yaml)
        names = [f.name for f in record_fields()]
        for pdf in batches:
            rows = []
            for rec in pdf.itertuples(index=False):
                doc = Document(rec.doc_id, rec.text, title=rec.title if isinstance(rec.title, str) else None,
                               source=rec.source, url=rec.url, date=rec.date)
                quotes = annotate_isolated(doc, engine)
                if isinstance(quotes, Failed):
                    print(f"failed {quotes}", file=sys.stderr)  # the executor's log; the partition goes on
                    continue
                rows.extend(q.to_dict() for q in quotes)
            yield pd.DataFrame(rows, columns=names)
    return run


def session(master: str | None = "local[*]", app: str = "arabic-quotes"):
    """A Spark session; ``master=None`` keeps the one spark-submit gives."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("PySpark is not installed: pip install -e '.[spark]'") from None
    if not os.environ.get("JAVA_HOME") and not shutil.which("java"):
        raise SparkUnavailable("Spark needs Java (17): install a JDK or set JAVA_HOME")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app).config("spark.sql.execution.arrow.pyspark.enabled", "true") \
        .config("spark.sql.session.timeZone", "UTC")
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):  # a local run stays on this machine, with no web UI
            builder = builder.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1") \
                .config("spark.driver.bindAddress", "127.0.0.1")
    return builder.getOrCreate()


def documents_frame(spark, inputs: list[Path], id_field: str = "id", text_field: str = "text",
                    skipped: list[str] | None = None):
    """A DataFrame of documents: Spark reads JSONL itself; other inputs go through the driver
    (whose unreadable inputs are described in ``skipped``)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    from quotes.io.documents import BadInput, read_documents

    cols = ("doc_id", "text", "title", "source", "url", "date")
    if inputs and all(p.suffix == ".jsonl" for p in inputs):
        df = spark.read.json([str(p) for p in inputs])
        df = df.where(F.col(text_field).isNotNull() & (F.length(F.trim(F.col(text_field))) > 0))
        return df.select(F.col(id_field).cast("string").alias("doc_id"), F.col(text_field).alias("text"),
                         *[(F.col(c) if c in df.columns else F.lit(None).cast("string")).alias(c)
                           for c in ("title", "source", "url", "date")])
    rows = []
    for d in read_documents(inputs, id_field=id_field, text_field=text_field):
        if isinstance(d, BadInput):
            if skipped is not None:
                skipped.append(str(d))
        else:
            rows.append((d.doc_id, d.text, d.title, d.source, d.url, d.date))
    schema = T.StructType([T.StructField(c, T.StringType(), True) for c in cols])
    return spark.createDataFrame(rows, schema)


def first_of_each_id(docs, duplicates: list[str] | None = None, shown: int = 20):
    """Keep the first document of each id (in input order); describe up to ``shown`` of the
    skipped ones in ``duplicates`` (and count the rest)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ranked = (docs.withColumn("_origin", F.input_file_name()).withColumn("_order", F.monotonically_increasing_id())
              .withColumn("_rank", F.row_number().over(Window.partitionBy("doc_id").orderBy("_order")))
              .withColumn("_first", F.first("_origin").over(Window.partitionBy("doc_id").orderBy("_order")))
              .cache())
    repeated = ranked.where(F.col("_rank") > 1)
    if duplicates is not None:
        n = repeated.count()
        for row in repeated.select("doc_id", "_origin", "_first").limit(shown).collect():
            duplicates.append(f"{row['_origin'] or '(input)'}: {duplicate_message(row['doc_id'], row['_first'] or '(input)')}")
        if n > shown:
            duplicates.append(f"… and {n - shown} more documents with a repeated id skipped")
    return ranked.where(F.col("_rank") == 1).drop("_origin", "_order", "_rank", "_first")


def extract_with_spark(inputs: list[Path], output: Path, stance: bool = True, targets: Path | None = None,
                       id_field: str = "id", text_field: str = "text", master: str | None = "local[*]",
                       skipped: list[str] | None = None, force: bool = False) -> int:
    """Extract on Spark and write parquet records to ``output``; return how many.

    The parquet folder is staged beside ``output`` and swapped in whole (a folder that is
    not an earlier output of ours is refused unless ``force``). A document whose id came
    earlier in the input is skipped (the first is kept); it and unreadable inputs are
    described in ``skipped``.
    """
    staged = StagedFolder(output, "spark-records", force=force)
    staged.check()
    spark = session(master)
    try:
        frame = documents_frame(spark, [Path(p) for p in inputs], id_field, text_field, skipped)
        docs = first_of_each_id(frame, skipped)
        records = docs.mapInPandas(_annotate_partitions(stance, str(targets) if targets else None),
                                   schema=record_schema())
        with staged as tmp:
            records.write.mode("overwrite").parquet(str(tmp))
            staged.commit()
        return spark.read.parquet(str(output)).count()
    finally:
        spark.stop()
