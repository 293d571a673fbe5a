"""Version strings. ``ENGINE_VERSION`` changes whenever rules or lexicons change output."""

__version__ = "0.1.0"
ENGINE_VERSION = f"quotes-rules-{__version__}"
