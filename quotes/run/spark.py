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


# what clustering needs of a record, computed on the executors beside it (quotes.clusters)
_FINGERPRINT = ("_date", "_fp_exact", "_fp_words", "_fp_shingles", "_fp_bands")
_CLUSTER_FIELDS = ("cluster_id", "cluster_size", "cluster_documents")
_SIGN = 1 << 63


def _fingerprint_schema():
    from pyspark.sql import types as T

    return [T.StructField("_date", T.StringType()), T.StructField("_fp_exact", T.LongType()),
            T.StructField("_fp_words", T.LongType()), T.StructField("_fp_shingles", T.BinaryType()),
            T.StructField("_fp_bands", T.BinaryType())]


def _annotate_partitions(stance: bool, target_yaml: str | None, clusters: bool = False):
    """The function given to ``mapInPandas`` (loads the lexicons once per worker); with
    ``clusters`` each record also carries its cluster fingerprint."""
    def run(batches: Iterator) -> Iterator:
        import pandas as pd

        from quotes.clusters import fingerprint, load_cluster_settings
        from quotes.run.parallel import Failed, annotate_isolated
        from quotes.pipeline import Engine
        from quotes.record import Document

        engine = Engine.load(stance=stance, targets=target_yaml)
        settings = load_cluster_settings() if clusters else None
        names = [f.name for f in record_fields()] + (list(_FINGERPRINT) if clusters else [])
        for pdf in batches:
            rows = []
            for rec in pdf.itertuples(index=False):
                doc = Document(rec.doc_id, rec.text, title=rec.title if isinstance(rec.title, str) else None,
                               source=rec.source, url=rec.url, date=rec.date)
                quotes = annotate_isolated(doc, engine)
                if isinstance(quotes, Failed):
                    print(f"failed {quotes}", file=sys.stderr)  # the executor's log; the partition goes on
                    continue
                for q in quotes:
                    row = q.to_dict()
                    if settings is not None:
                        fp = fingerprint(q.content, settings)
                        row.update(_date=doc.date, _fp_exact=fp.exact - 2 * _SIGN if fp.exact >= _SIGN else fp.exact,
                                   _fp_words=fp.words, _fp_shingles=fp.shingles, _fp_bands=fp.bands)
                    rows.append(row)
            yield pd.DataFrame(rows, columns=names)
    return run


def with_clusters(spark, records):
    """``records`` (with fingerprints) with their cluster fields, the same as the local
    runners give: the fingerprints are made on the executors; the compact clustering
    (about 300 bytes a quotation, :class:`~quotes.clusters.ClusterIndex`) runs on the driver."""
    import pandas as pd
    from pyspark.sql import functions as F

    from quotes.clusters import ClusterIndex, Fingerprint, SpeakerCompatibility, load_cluster_settings
    from quotes.lexicon import load_lexicon

    index = ClusterIndex(load_cluster_settings(), SpeakerCompatibility(load_lexicon()))
    for row in records.select("id", "doc_id", "speaker_key", *_FINGERPRINT).orderBy("doc_id", "id").toLocalIterator():
        exact = row["_fp_exact"] + 2 * _SIGN if row["_fp_exact"] < 0 else row["_fp_exact"]
        index.add(row["id"], row["doc_id"], row["_date"], row["speaker_key"],
                  Fingerprint(exact, row["_fp_words"], bytes(row["_fp_shingles"] or b""),
                              bytes(row["_fp_bands"] or b"")))
    clusters = index.assign()
    fields = pd.DataFrame([{"id": rid, **clusters.fields(i)} for i, rid in enumerate(index.ids)],
                          columns=["id", *_CLUSTER_FIELDS])
    assigned = spark.createDataFrame(fields, "id string, cluster_id string, cluster_size long, cluster_documents long")
    names = [f.name for f in record_fields()]
    return (records.drop(*_FINGERPRINT, *_CLUSTER_FIELDS).join(assigned, "id", "left")
            .select(*[F.col(n) for n in names]))


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
                .config("spark.driver.bindAddress", "127.0.0.1") \
                .config("spark.sql.shuffle.partitions", str(4 * (os.cpu_count() or 2)))  # not 200 on one machine
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
                       skipped: list[str] | None = None, force: bool = False, clusters: bool = True) -> int:
    """Extract on Spark and write parquet records to ``output``; return how many. With
    ``clusters`` the records carry the same cluster fields as a local run's.

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
        schema = record_schema()
        if clusters:
            from pyspark import StorageLevel
            from pyspark.sql import types as T

            schema = T.StructType(schema.fields + _fingerprint_schema())
        records = docs.mapInPandas(_annotate_partitions(stance, str(targets) if targets else None, clusters),
                                   schema=schema)
        if clusters:  # the engine runs once: the records are kept while they are clustered
            records = with_clusters(spark, records.persist(StorageLevel.MEMORY_AND_DISK))
        with staged as tmp:
            records.write.mode("overwrite").parquet(str(tmp))
            staged.commit()
        return spark.read.parquet(str(output)).count()
    finally:
        spark.stop()
