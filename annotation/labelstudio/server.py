"""Run a local Label Studio server for annotators: start, wait for health, stop by PID.

The server listens on 127.0.0.1 only, never checks for updates or sends analytics, and
gets its user, password and API token through environment variables (never on its
command line, so the token is not in the process list, nor in any log or state file).

Its data folder is private to the user (0700, files 0600: the database holds the token
and the password hash). The credentials a server was first started with are kept there
(``credentials.json``) and reused by every later start: Label Studio only takes them
when it creates its user, so new ones given later would not work.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from quotes.io.atomic import pid_alive

HOST = "127.0.0.1"
STATE_FILE = "quotes-studio.json"
LOG_FILE = "label-studio.log"
CREDENTIALS_FILE = "credentials.json"
DATABASE_FILE = "label_studio.sqlite3"
PRIVATE_UMASK = 0o077


class ServerError(RuntimeError):
    """The server could not be started, reached or stopped; the message says why."""


@dataclass(frozen=True)
class Credentials:
    """The server's admin user, password and API token."""

    username: str
    password: str
    token: str


def make_private(data: Path) -> None:
    """Create ``data`` if needed and make it and everything in it readable by the user only."""
    data.mkdir(parents=True, exist_ok=True)
    for root, dirs, files in os.walk(data):
        os.chmod(root, 0o700)
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, os.stat(path).st_mode & 0o700)


def credentials_path(data_dir: os.PathLike | str) -> Path:
    return Path(data_dir).resolve() / CREDENTIALS_FILE


def read_credentials(data_dir: os.PathLike | str) -> Credentials | None:
    """The saved credentials of a server folder, or None."""
    try:
        d = json.loads(credentials_path(data_dir).read_text(encoding="utf-8"))
        return Credentials(str(d["username"]), str(d["password"]), str(d["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def prepare_credentials(data_dir: os.PathLike | str, username: str, password: str | None = None,
                        token: str | None = None) -> tuple[Credentials, list[str]]:
    """The credentials to start the server of ``data_dir`` with, and notes for the user.

    Saved ones are reused (a different ``password``/``token`` is ignored, with a note); on
    a first start the given ones, or new random ones, are saved (0600). A folder whose
    database exists without saved credentials needs the original ones given.
    """
    data = Path(data_dir).resolve()
    make_private(data)
    saved = read_credentials(data)
    if saved is not None:
        notes = [f"{what} differs from the one this server was created with and is ignored (Label Studio only "
                 f"takes it on a first start); the saved one in {data / CREDENTIALS_FILE} is used"
                 for what, given, kept in (("the user name", username, saved.username), ("the password", password,
                                            saved.password), ("the API token", token, saved.token))
                 if given and given != kept]
        return saved, notes
    if (data / DATABASE_FILE).exists() and not (password and token):
        raise ServerError(f"{data} holds a Label Studio database created without saved credentials; set "
                          "LABEL_STUDIO_API_KEY and LABEL_STUDIO_PASSWORD to the ones it was first started with")
    creds = Credentials(username, password or secrets.token_urlsafe(12), token or secrets.token_hex(20))
    fd = os.open(data / f".{CREDENTIALS_FILE}.tmp", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"username": creds.username, "password": creds.password, "token": creds.token}, fh)
    os.replace(data / f".{CREDENTIALS_FILE}.tmp", data / CREDENTIALS_FILE)
    return creds, []


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    data_dir: str

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((HOST, port)) == 0


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as r:  # 127.0.0.1 only
            return json.loads(r.read().decode() or "{}").get("status") == "UP"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _executable() -> str:
    local = Path(sys.executable).parent / "label-studio"
    if local.exists():
        return str(local)
    found = shutil.which("label-studio")
    if not found:
        raise ServerError("label-studio is not installed: pip install -e '.[studio]'")
    return found


def server_env(data_dir: Path, username: str, password: str, token: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "LABEL_STUDIO_USERNAME": username,
        "LABEL_STUDIO_PASSWORD": password,
        "LABEL_STUDIO_USER_TOKEN": token,
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
    })
    return env


def start(data_dir: os.PathLike | str, port: int | None, username: str, password: str, token: str,
          timeout: float = 180.0) -> ServerInfo:
    """Start the server in its own process group and wait until ``/health`` says UP.

    Everything the server writes is private to the user (it runs with umask 077).
    """
    data = Path(data_dir).resolve()
    make_private(data)
    running = read_state(data)
    if running is not None and _alive(running.pid):
        raise ServerError(f"a server from {data} is already running (pid {running.pid}) at {running.url}")
    port = port or free_port()
    if port_in_use(port):
        raise ServerError(f"port {port} on {HOST} is in use; choose another with --port")
    log = os.fdopen(os.open(data / LOG_FILE, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600), "ab")
    cmd = [_executable(), "start", "--internal-host", HOST, "--port", str(port), "--no-browser",
           "--enable-legacy-api-token"]
    proc = subprocess.Popen(cmd, env=server_env(data, username, password, token), stdout=log, stderr=log,
                            stdin=subprocess.DEVNULL, start_new_session=True, cwd=data, umask=PRIVATE_UMASK)
    log.close()  # the child has its own copy
    info = ServerInfo(proc.pid, port, str(data))
    _write_state(data, info)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _forget(data)
            raise ServerError(f"label-studio exited with code {proc.returncode} while starting; "
                              f"see {data / LOG_FILE}")
        if healthy(info.url):
            return info
        time.sleep(0.5)
    stop(data)
    raise ServerError(f"label-studio did not answer /health on {info.url} within {timeout:.0f}s; "
                      f"see {data / LOG_FILE}")


def stop(data_dir: os.PathLike | str, grace: float = 20.0) -> bool:
    """Stop the server started from ``data_dir`` (its whole process group). False if none ran."""
    data = Path(data_dir).resolve()
    info = read_state(data)
    if info is None:
        return False
    if _alive(info.pid):
        try:
            os.killpg(info.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and _alive(info.pid):
            time.sleep(0.2)
        if _alive(info.pid):
            try:
                os.killpg(info.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _reap(info.pid, 5.0)
    _forget(data)
    return True


def status(data_dir: os.PathLike | str) -> tuple[ServerInfo | None, bool]:
    """The recorded server of ``data_dir`` (or None) and whether it answers ``/health``."""
    info = read_state(Path(data_dir).resolve())
    if info is None or not _alive(info.pid):
        return info, False
    return info, healthy(info.url)


def read_state(data: Path) -> ServerInfo | None:
    p = data / STATE_FILE
    if not p.exists():
        return None
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
        return ServerInfo(int(d["pid"]), int(d["port"]), str(d["data_dir"]))
    except (ValueError, KeyError, OSError):
        return None


def _write_state(data: Path, info: ServerInfo) -> None:
    tmp = data / f".{STATE_FILE}.tmp"
    tmp.write_text(json.dumps({"pid": info.pid, "port": info.port, "data_dir": info.data_dir,
                               "url": info.url}), encoding="utf-8")
    os.replace(tmp, data / STATE_FILE)


def _forget(data: Path) -> None:
    try:
        (data / STATE_FILE).unlink()
    except FileNotFoundError:
        pass


def _reap(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)  # our own child: reap it if it exited
        if done == pid:
            return False
    except ChildProcessError:
        pass
    return pid_alive(pid)
