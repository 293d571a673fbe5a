"""Upload a dataset folder to the Hugging Face Hub: token checked first, every call with
timeouts, a bounded retry and an overall deadline (``limits.yaml``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from annotation.dataset.publish import PublishError
from quotes.limits import Limits, load_limits
from quotes.run.parallel import OverBudget, time_budget
from quotes.version import __version__


def hub_token() -> str | None:
    """The Hugging Face token (HF_TOKEN or the stored login), found without any network call."""
    from huggingface_hub import get_token

    return get_token()


def upload(directory: Path, repo_id: str, private: bool = False, dry_run: bool = False,
           limits: Limits | None = None) -> list[str]:
    """Upload the dataset folder to the Hub (token from HF_TOKEN or the standard login).

    Returns the files (relative paths) uploaded or, with ``dry_run``, that would be. The
    token is checked before any network call; every call has connect and read timeouts,
    creating the repository is tried ``hub_attempts`` times, and the whole upload stops
    with a clear :class:`PublishError` after ``hub_deadline_seconds`` (``limits.yaml``).
    """
    files = sorted(str(p.relative_to(directory)) for p in Path(directory).rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    if dry_run:
        return files
    if not hub_token():
        raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login` (nothing was uploaded)")
    lim = limits or load_limits()
    from huggingface_hub import HfApi, get_session
    from huggingface_hub.errors import HfHubHTTPError

    session = get_session()  # the client every huggingface_hub call shares
    session.timeout = type(session.timeout)(lim.hub_read_timeout_seconds, connect=lim.hub_connect_timeout_seconds)
    api = HfApi()
    unreachable = f"nothing was uploaded to {repo_id} and {directory} is intact"
    try:
        with time_budget(lim.hub_deadline_seconds):
            _with_retries(lambda: api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True),
                          lim.hub_attempts)
            api.upload_folder(folder_path=str(directory), repo_id=repo_id, repo_type="dataset",
                              commit_message=f"arabic-quotes {__version__}", ignore_patterns=[".*"])
    except OverBudget:
        raise PublishError(f"the Hugging Face Hub did not finish within {lim.hub_deadline_seconds:g} s "
                           f"(hub_deadline_seconds); {unreachable}") from None
    except HfHubHTTPError as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status in (401, 403):
            raise PublishError(f"the Hub refused the token ({status}): set HF_TOKEN or run `hf auth login`") from None
        raise PublishError(f"the Hub answered with an error ({status}); {directory} is intact") from None
    except Exception as exc:  # connection errors and timeouts (their classes differ across versions)
        if _is_network_error(exc):
            raise PublishError(f"cannot reach the Hugging Face Hub ({type(exc).__name__}); {unreachable}") from None
        raise
    return files


def _is_network_error(exc: BaseException) -> bool:
    name = type(exc).__name__.lower()
    return isinstance(exc, (OSError, ConnectionError, TimeoutError)) or any(
        w in name for w in ("connect", "timeout", "network", "protocol"))


def _with_retries(call: Callable[[], Any], attempts: int) -> Any:
    """Call again after a network error, ``attempts`` times in all (1 s, 2 s … between)."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except Exception as exc:
            if attempt == attempts or not _is_network_error(exc):
                raise
            time.sleep(attempt)
