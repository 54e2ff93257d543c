"""The Streamlit server helper of the browser tests and benchmarks (bench/server.py): a free port
that another process takes before Streamlit binds it (a second test worker starting its own
server) costs a retry on another port, never a failed start or a URL served by someone else."""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

import pytest

from bench import server


class _Health(http.server.BaseHTTPRequestHandler):
    """Answers Streamlit's health check as a Streamlit server would."""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def page(tmp_path: Path) -> Path:
    script = tmp_path / "page.py"
    script.write_text("import streamlit as st\nst.write('one line')\n")
    return script


def _ports_from(monkeypatch, first: int) -> list[int]:
    """free_port gives `first`, then truly free ports; returns the ports it gave."""
    given: list[int] = []
    real = server.free_port

    def free_port() -> int:
        given.append(first if not given else real())
        return given[-1]

    monkeypatch.setattr(server, "free_port", free_port)
    return given


def _starts_on_another_port(page: Path, tmp_path: Path, monkeypatch, taken: int) -> None:
    """With `taken` offered first, the server starts on another port, which it listens on
    itself and which answers its health check."""
    given = _ports_from(monkeypatch, taken)
    proc, url = server.start(page, tmp_path, log=tmp_path / "streamlit.log")
    try:
        port = int(url.rsplit(":", 1)[1])
        assert given[0] == taken and port == given[-1] != taken
        assert server.listens(proc.pid, port) and server.healthy(url)
    finally:
        server.stop(proc)


def test_a_port_taken_before_streamlit_binds_it_is_retried(page, tmp_path, monkeypatch):
    with socket.socket() as holder:  # listens, answers nothing
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        _starts_on_another_port(page, tmp_path, monkeypatch, holder.getsockname()[1])


def test_a_health_check_answered_by_another_server_is_not_taken_for_this_one(page, tmp_path,
                                                                            monkeypatch):
    other = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        taken = other.server_address[1]
        assert server.healthy(f"http://127.0.0.1:{taken}")  # it does answer "ok"
        _starts_on_another_port(page, tmp_path, monkeypatch, taken)
    finally:
        other.shutdown()
        other.server_close()


def test_a_server_that_fails_for_another_reason_is_not_started_again(tmp_path, monkeypatch):
    given = _ports_from(monkeypatch, server.free_port())
    with pytest.raises(RuntimeError, match="streamlit did not start") as failed:
        server.start(tmp_path / "missing.py", tmp_path, log=tmp_path / "streamlit.log")
    assert len(given) == 1 and "taken" not in str(failed.value)
