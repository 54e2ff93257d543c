"""A headless Streamlit client: it speaks the browser's websocket protocol (protobuf `BackMsg`
out, `ForwardMsg` in, on `/_stcore/stream`), so many sessions can be driven without a browser.

What it does like Streamlit's frontend (1.67): the first run names the page by its URL path;
later runs carry the URL's query string as the app last set it and the values of the page's
toggles and checkboxes; a page change sends the page's script hash; large elements are cached
by hash and the server sends only a reference to them once the client says it holds them; a
dropped socket reconnects to the same server session. What it does not do: fetch the static
JavaScript, draw anything, or load data the page would fetch lazily (dataframe chunks).
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field

from streamlit.proto.AppPage_pb2 import AppPage
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Checkbox_pb2 import Checkbox
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

# The frontend sends this in place of an XSRF token when it has none (the second entry of the
# Sec-WebSocket-Protocol header); the third entry names a session to resume.
_NO_TOKEN = "PLACEHOLDER_AUTH_TOKEN"
_ALERT_ERROR = 1  # Alert.Format.ERROR
_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
# Socket-level failures a browser answers by reconnecting.
DISCONNECTS = (ConnectionClosed, InvalidHandshake, OSError)


class ClientError(RuntimeError):
    """The app did something a browser would show as broken (or the client was misused)."""


@dataclass
class Run:
    """One script run as the client saw it: the page's elements in delta-path order, and what
    went wrong on it (exception elements, error boxes, a compile error)."""

    seconds: float
    elements: dict[tuple[int, ...], Element]
    exceptions: list[str] = field(default_factory=list)
    error_boxes: list[str] = field(default_factory=list)
    compile_error: bool = False

    @property
    def ok(self) -> bool:
        return not (self.exceptions or self.error_boxes or self.compile_error)

    def of_type(self, kind: str) -> list:
        """The elements of one proto type ("metric", "checkbox", ...), in page order."""
        return [getattr(e, kind) for _, e in sorted(self.elements.items())
                if e.WhichOneof("type") == kind]

    def metrics(self) -> dict[str, str]:
        """Each metric's label and shown value."""
        return {m.label: m.body for m in self.of_type("metric")}

    def toggle(self, label_contains: str) -> Checkbox:
        """The one toggle or checkbox whose label contains `label_contains`."""
        found = [c for c in self.of_type("checkbox") if label_contains in c.label]
        if len(found) != 1:
            raised = f"; the page raised {self.exceptions}" if self.exceptions else ""
            raise ClientError(f"{len(found)} toggles labelled like {label_contains!r} on the "
                              f"page (labels: {[c.label for c in self.of_type('checkbox')]})"
                              + raised)
        return found[0]

    def toggle_value(self, label_contains: str) -> bool:
        """What that toggle shows: the value the server set, else its default."""
        box = self.toggle(label_contains)
        return box.value if box.set_value else box.default


class Session:
    """One simulated browser tab on a running Streamlit server (`url` like http://127.0.0.1:8501).

    Use: `await s.open()`, then `await s.set_toggle(label, value)` / `await s.goto(path)`;
    each returns the finished `Run`. `await s.close()` at the end."""

    def __init__(self, url: str, timeout: float = 180.0, max_reconnects: int = 3) -> None:
        parts = urllib.parse.urlsplit(url)
        self.http_url = f"{parts.scheme}://{parts.netloc}"
        self.ws_url = f"ws://{parts.netloc}/_stcore/stream"
        self.timeout = timeout
        self.max_reconnects = max_reconnects
        self.session_id = ""
        self.sessions_seen: set[str] = set()  # more than one: the server lost our state
        self.reconnects = 0
        self.disconnects: list[str] = []
        self.query_string = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path ("" for the default page) -> script hash
        self.last: Run | None = None
        self._ws: ClientConnection | None = None
        self._cache: dict[str, ForwardMsg] = {}  # element messages by hash, as the browser
        self._widgets: dict[str, WidgetState] = {}  # widget id -> value the page holds

    # --- actions --------------------------------------------------------------------------------
    async def open(self, page: str = "", query: str = "") -> Run:
        """Connect and run the app as a browser opening `/{page}?{query}` would."""
        self.query_string = query
        state = ClientState(query_string=query, page_name=page.strip("/"))
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.http_url}/{page}" + (f"?{query}" if query else "")
        await self._connect()
        return await self._rerun(state)

    async def set_toggle(self, label_contains: str, value: bool) -> Run:
        """Flip the toggle labelled like `label_contains` to `value` and wait for the rerun."""
        widget = self._page().toggle(label_contains)
        self._widgets[widget.id] = WidgetState(id=widget.id, bool_value=value)
        return await self._rerun(self._state())

    async def goto(self, path: str) -> Run:
        """Open another page of the app's navigation by its URL path, as a click in the nav."""
        path = path.strip("/")
        if path not in self.pages:
            raise ClientError(f"no page {path!r}; the app lists {sorted(self.pages)}")
        # A page change drops the URL's own parameters (the app writes them again).
        state = self._state(query="")
        state.page_script_hash = self.pages[path]
        return await self._rerun(state)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    # --- protocol -------------------------------------------------------------------------------
    def _page(self) -> Run:
        if self.last is None:
            raise ClientError("open() the app first")
        return self.last

    def _state(self, query: str | None = None) -> ClientState:
        state = ClientState(query_string=self.query_string if query is None else query,
                            page_script_hash=self.page_hash)
        state.widget_states.widgets.extend(self._widgets.values())
        state.cached_message_hashes.extend(self._cache)
        return state

    async def _connect(self) -> None:
        protocols = ["streamlit"] + ([_NO_TOKEN, self.session_id] if self.session_id else [])
        self._ws = await connect(self.ws_url, subprotocols=protocols, origin=self.http_url,
                                 max_size=None, ping_interval=None, proxy=None,
                                 open_timeout=self.timeout)

    async def _rerun(self, state: ClientState) -> Run:
        """Send a rerun request and read until the run finishes; on a dropped socket, reconnect
        to the same session and ask again (as the frontend does), at most `max_reconnects`."""
        start = time.perf_counter()
        while True:
            try:
                await self._ws.send(BackMsg(rerun_script=state).SerializeToString())
                run = await asyncio.wait_for(self._read_run(start), self.timeout)
                break
            except TimeoutError:
                raise  # a run that never finishes is not a dropped socket
            except DISCONNECTS as lost:
                self.disconnects.append(type(lost).__name__)
                if self.reconnects >= self.max_reconnects:
                    raise
                self.reconnects += 1
                await asyncio.sleep(min(2.0 ** self.reconnects, 10.0))
                await self._connect()
                state.cached_message_hashes[:] = list(self._cache)
        self._remember_widgets(run)
        self.last = run
        return run

    async def _read_run(self, start: float) -> Run:
        elements: dict[tuple[int, ...], Element] = {}
        exceptions: list[str] = []
        while True:
            raw = await self._ws.recv()
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                if msg.ref_hash not in self._cache:
                    raise ClientError(f"server referred to an uncached message {msg.ref_hash}")
                cached = ForwardMsg()
                cached.CopyFrom(self._cache[msg.ref_hash])
                cached.metadata.CopyFrom(msg.metadata)
                msg, kind = cached, cached.WhichOneof("type")
            elif msg.metadata.cacheable:
                self._cache[msg.hash] = msg
            if kind == "new_session":
                elements = {}  # a new run (also after st.rerun or st.switch_page)
                self.page_hash = msg.new_session.page_script_hash
                self._note_pages(msg.new_session.app_pages)
                session_id = msg.new_session.initialize.session_id
                if session_id:
                    self.session_id = session_id
                    self.sessions_seen.add(session_id)
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
                self._note_pages(msg.navigation.app_pages)
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "session_event" and msg.session_event.HasField(
                    "script_compilation_exception"):
                exc = msg.session_event.script_compilation_exception
                exceptions.append(f"{exc.type}: {exc.message}")
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                elements[tuple(msg.metadata.delta_path)] = element
                if element.WhichOneof("type") == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif kind == "script_finished" and msg.script_finished in _DONE:
                run = Run(time.perf_counter() - start, elements, exceptions)
                run.error_boxes = [a.body for a in run.of_type("alert")
                                   if a.format == _ALERT_ERROR]
                run.compile_error = msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR
                return run

    def _note_pages(self, app_pages: Iterable[AppPage]) -> None:
        for page in app_pages:
            self.pages["" if page.is_default else page.url_pathname] = page.page_script_hash

    def _remember_widgets(self, run: Run) -> None:
        """Keep, like the frontend, the value of every toggle and checkbox on the page (the one
        the server set, else the one the page holds, else the default) and forget widgets the
        run did not draw."""
        held = {}
        for box in run.of_type("checkbox"):
            if box.set_value:
                value = box.value
            elif box.id in self._widgets:
                value = self._widgets[box.id].bool_value
            else:
                value = box.default
            held[box.id] = WidgetState(id=box.id, bool_value=value)
        self._widgets = held
