"""Version strings. ``ENGINE_VERSION`` changes whenever rules or lexicons change output."""

__version__ = "0.1.0"
ENGINE_VERSION = f"quotes-rules-{__version__}"


def engine_version(lexicon_version: str, stance_version: str | None = None) -> str:
    """The ``engine_version`` records carry: rules, lexicon and (when judged) stance model."""
    version = f"{ENGINE_VERSION}+{lexicon_version}"
    return f"{version}+{stance_version}" if stance_version is not None else version
