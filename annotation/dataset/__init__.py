"""The Hugging Face dataset: features derived from the record (``features``), the parquet
writer (``publish``), the card (``card``, worded in ``templates/dataset_card.md``) and the
Hub upload (``hub``)."""

from annotation.dataset.hub import hub_token, upload
from annotation.dataset.publish import BuildStats, PublishError, build_dataset, records_from_dataset

__all__ = ["BuildStats", "PublishError", "build_dataset", "hub_token", "records_from_dataset", "upload"]
