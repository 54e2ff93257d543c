"""A Streamlit server on a free port, started and stopped by pid, and the Chromium the browser
tests and the dashboard benchmarks drive (Debian's /usr/bin/chromium: Playwright's own download
does not work on these machines)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
STARTUP_SECONDS = 120
PORT_ATTEMPTS = 3


def chromium_path() -> str | None:
    """Debian's Chromium, or whatever `chromium` is on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return reply.read().decode().strip() == "ok"
    except OSError:
        return False


def command(script: Path, port: int, file_watcher: str | None = "none") -> list[str]:
    """The `streamlit run` command line. `file_watcher`: Streamlit's `server.fileWatcherType`
    ("none": tests and most benchmarks never need a rerun on a changed file); None leaves the
    setting to the app's config, as a deployment runs it (Streamlit's default, "auto", is the
    watchdog watcher on Linux)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
           "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    return cmd + (["--server.fileWatcherType", file_watcher] if file_watcher else [])


def start(script: Path, cwd: Path, log: Path | None = None,
          timeout: float = STARTUP_SECONDS, env: dict[str, str] | None = None,
          poll: float = 0.3, file_watcher: str | None = "none"
          ) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` from `cwd`, output to `log` (or discarded); returns the process
    and its URL once the health check answers (asked every `poll` seconds) from that very
    process. RuntimeError (with the log's end) otherwise. `env`: variables added to this
    process's environment; `file_watcher`: see `command`.

    The free port is only free when it is chosen: another process (a second test worker
    starting its own server, say) can take it before Streamlit binds it. Then Streamlit exits
    ("Port ... is not available") and a new port is tried, up to PORT_ATTEMPTS in all; and a
    health check answered by that other process is not taken for this server's."""
    for _ in range(PORT_ATTEMPTS - 1):
        try:
            return _start_on(free_port(), script, cwd, log, timeout, env, poll, file_watcher)
        except PortTaken:
            continue
    return _start_on(free_port(), script, cwd, log, timeout, env, poll, file_watcher)


class PortTaken(RuntimeError):
    """Another process took the port before Streamlit bound it."""


def _start_on(port: int, script: Path, cwd: Path, log: Path | None, timeout: float,
              env: dict[str, str] | None, poll: float, file_watcher: str | None
              ) -> tuple[subprocess.Popen, str]:
    """One attempt of `start` on `port`: PortTaken when another process has it, RuntimeError
    when Streamlit fails or does not answer in time."""
    with open(log, "wb") if log else open(os.devnull, "wb") as out:
        proc = subprocess.Popen(command(script, port, file_watcher), cwd=cwd, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, **env} if env else None)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        answered = healthy(url)
        if answered and listens(proc.pid, port):
            return proc, url
        ended = proc.poll() is not None
        # Another process answers on this port, or ours ended: was the port taken?
        lost = answered or (ended and port_in_use(port))
        if lost or ended or time.monotonic() > deadline:
            stop(proc)
            tail = log.read_text(errors="replace")[-3000:] if log else ""
            raise (PortTaken if lost else RuntimeError)(
                f"streamlit did not start for {script} on port {port}"
                + (" (the port was taken by another process)" if lost else "")
                + (f"; its log:\n{tail}" if tail else ""))
        time.sleep(poll)


def listens(pid: int, port: int) -> bool:
    """Whether process `pid` itself listens on `port`."""
    import psutil

    try:
        return any(c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port
                   for c in psutil.Process(pid).net_connections(kind="inet"))
    except psutil.Error:
        return False


def port_in_use(port: int) -> bool:
    """Whether a socket is bound to `port` (Streamlit binds with SO_REUSEADDR, as here, so a
    connection only waiting to close does not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("", port))
        except OSError:
            return True
    return False


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after 15 s."""
    if proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
