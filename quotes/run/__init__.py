"""Runners: the same engine over many documents, on processes, Spark or ``datasets.map``
(each document isolated, so one never stops a run), and the jobs the CLI calls."""
