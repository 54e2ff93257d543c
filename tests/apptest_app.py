"""The app under AppTest, started once for a test module: shared by the page tests.

`started()` runs app.py's first page and fails the fixture if it shows an exception."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "app.py")


def new_app(timeout: float = 180) -> AppTest:
    return AppTest.from_file(APP, default_timeout=timeout)


def started(timeout: float = 180) -> AppTest:
    app = new_app(timeout)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app
