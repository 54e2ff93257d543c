"""Load benchmark: N concurrent sessions on one `streamlit run app.py` server, driven through
Streamlit's websocket protocol by `bench.st_client` (no browser), with the server's memory.

Each session arrives within the first seconds, opens the Overview, switches the AI-chat signal
off, and visits three pages, with a reading pause between actions. One untimed session warms
the server first (the first visit loads and prepares the sample; that cost is reported apart),
then one timed session runs alone (the floor, and the server CPU each action costs), so the
crowd's figures are what it meets on a running deployment. Every session checks what it sees:
no exception or error box, the switch stays off on every later page (its session state was
kept), the socket stays open.
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench import server
from bench.harness import Case
from bench.rss import RssPeaks, own_peak_mb
from bench.st_client import DISCONNECTS, ClientError, Run, Session

ROOT = Path(__file__).resolve().parent.parent
AI_CHAT = "AI-chat signal"  # the sidebar toggle's label starts with this
PAGES = ("why_this_ad", "contributions", "what_if")
ACTIONS = ("open Overview", "AI-chat off", *(f"page {p}" for p in PAGES))
# Assumptions (no published source): a visitor looks at a page 2-6 s before the next click,
# and the N visitors arrive within the first 5 s (a link shared in a meeting), each uniformly.
THINK_S = (2.0, 6.0)
ARRIVAL_S = 5.0
RUN_TIMEOUT_S = 180.0
COLD_TIMEOUT_S = 900.0  # the first visit may train the text model (cached afterwards)
LOOPBACK = {"STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}  # the server listens on loopback only
DEADLINE_S = 900.0  # the whole crowd, so a stuck server cannot hold the benchmark


def cases() -> list[Case]:
    func = "bench.cases_load:crowd"
    return [
        Case("load: 10 concurrent sessions (websocket client)", func=func,
             target="reported (targets at 20, 50)", kwargs={"sessions": 10}),
        Case("load: 20 concurrent sessions (websocket client)", func=func,
             target="p95 ≤ 2 s/action, no error", kwargs={"sessions": 20},
             max_detail={"worst_p95_s": 2.0, "errors": 0}),
        # The row's peak RSS is the server's (with children), not this client's.
        Case("load: 50 concurrent sessions (websocket client)", func=func,
             target="no error/lost, server ≤ 1 GB", kwargs={"sessions": 50},
             max_detail={"errors": 0, "lost_sessions": 0, "server_peak_rss_mb": 1024}),
    ]


class _Cores:
    """The most CPU cores the server process used over any 1 s, from its CPU time at each of
    the memory sampler's samples (one Python process runs its sessions' scripts in threads
    that share one interpreter lock, so near 1.0 means the server, not the machine, is full)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._process = psutil.Process(pid)
        self.peak = 0.0
        self._recent: list[tuple[float, float]] = []

    def cpu_seconds(self) -> float:
        times = self._process.cpu_times()
        return times.user + times.system

    def sample(self) -> None:
        recent = self._recent
        recent.append((time.monotonic(), self.cpu_seconds()))
        while len(recent) > 2 and recent[-1][0] - recent[1][0] >= 1.0:
            recent.pop(0)
        if recent[-1][0] - recent[0][0] >= 1.0:
            self.peak = max(self.peak, (recent[-1][1] - recent[0][1])
                            / (recent[-1][0] - recent[0][0]))

    def reset(self) -> None:
        self.peak = 0.0


@dataclass
class _Outcome:
    """What one session met: seconds per action, problems by kind, reconnects, whether lost."""

    seconds: dict[str, float]
    problems: list[tuple[str, str]]
    reconnects: int
    lost: bool
    cpu: dict[str, float] = field(default_factory=dict)  # server CPU seconds, if probed


def _check(run: Run, action: str, ai_chat_off: bool, problems: list[tuple[str, str]]) -> None:
    problems += [("exception", f"{action}: {e}") for e in run.exceptions]
    problems += [("error box", f"{action}: {b[:120]}") for b in run.error_boxes]
    if run.compile_error:
        problems.append(("compile error", action))
    if ai_chat_off and run.toggle_value(AI_CHAT):
        problems.append(("state lost", f"{action}: the AI-chat switch is back on"))


async def scenario(url: str, think_s: tuple[float, float], seed: int,
                   server_cpu: Callable[[], float] | None = None,
                   timeout: float = RUN_TIMEOUT_S) -> _Outcome:
    """One visitor: open the Overview, switch the AI-chat signal off, visit `PAGES`. With
    `server_cpu` (alone on the server) it also notes the server's CPU time for each action."""
    rng = random.Random(seed)
    session = Session(url, timeout=timeout)
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    problems: list[tuple[str, str]] = []
    lost = False

    async def act(action: str, request, ai_chat_off: bool) -> Run:
        before = server_cpu() if server_cpu else 0.0
        run = await request
        if server_cpu:
            cpu[action] = server_cpu() - before
        seconds[action] = run.seconds
        _check(run, action, ai_chat_off, problems)
        return run

    try:
        before = (await act("open Overview", session.open(), False)).metrics()
        await asyncio.sleep(rng.uniform(*think_s))
        run = await act("AI-chat off", session.set_toggle(AI_CHAT, False), True)
        if run.metrics() == before:
            problems.append(("no effect", "AI-chat off left every headline figure unchanged"))
        for page in PAGES:
            await asyncio.sleep(rng.uniform(*think_s))
            await act(f"page {page}", session.goto(page), True)
    except TimeoutError:
        problems.append(("timeout", f"no finished run within {timeout:.0f} s"))
        lost = True
    except DISCONNECTS as gone:
        problems.append(("closed socket", f"gave up after {session.reconnects} reconnects: "
                                          f"{type(gone).__name__}"))
        lost = True
    except ClientError as wrong:
        problems.append(("page broken", str(wrong)[:160]))
        lost = True
    finally:
        await session.close()
    problems += [("closed socket", f"reconnected after {d}") for d in
                 session.disconnects[:session.reconnects]]
    lost |= len(session.sessions_seen) > 1  # the server started over: the session's state is gone
    return _Outcome(seconds, problems, session.reconnects, lost, cpu)


async def _arrive(url: str, think_s: tuple[float, float], arrival_s: float, seed: int
                  ) -> _Outcome:
    await asyncio.sleep(random.Random(f"arrival {seed}").uniform(0.0, arrival_s))
    return await scenario(url, think_s, seed)


async def _crowd(url: str, sessions: int, think_s: tuple[float, float],
                 arrival_s: float) -> list[_Outcome]:
    tasks = [asyncio.create_task(_arrive(url, think_s, arrival_s, seed))
             for seed in range(sessions)]
    done, pending = await asyncio.wait(tasks, timeout=DEADLINE_S)
    for task in pending:
        task.cancel()
    outcomes = [t.result() for t in done if not t.exception()]
    crashed = [t.exception() for t in done if t.exception()]
    outcomes += [_Outcome({}, [("client crash", repr(e)[:160])], 0, True) for e in crashed]
    outcomes += [_Outcome({}, [("deadline", f"still running after {DEADLINE_S:.0f} s")], 0, True)
                 for _ in pending]
    return outcomes


def crowd(sessions: int, think_s: tuple[float, float] = THINK_S,
          arrival_s: float = ARRIVAL_S) -> dict:
    """Start the app, warm it with one session, then run `sessions` visitors arriving within
    `arrival_s` seconds (0: all at once) and pausing `think_s` between clicks; per action
    p50/p95/max seconds, errors by kind, reconnects, lost sessions, server peak RSS (with
    children, whole run) and the machine's load average (it shares its two CPUs)."""
    proc, url = server.start(ROOT / "app.py", ROOT, env=LOOPBACK)
    cores = _Cores(proc.pid)
    # The server with its children, every 0.2 s (its CPU time read at the same moments).
    rss = RssPeaks(proc.pid, interval=0.2, on_sample=cores.sample).start()
    try:
        start = time.perf_counter()
        warm = asyncio.run(scenario(url, (0.0, 0.0), seed=-1, timeout=COLD_TIMEOUT_S))
        warm_s = time.perf_counter() - start
        if warm.problems:
            raise RuntimeError(f"the warm-up session failed: {warm.problems[:3]}")
        # One visitor alone on the warm server: the floor under the crowd's figures, and what
        # each action costs the server in CPU (its capacity, whatever the machine's load).
        solo = asyncio.run(scenario(url, (0.0, 0.0), seed=-2, server_cpu=cores.cpu_seconds))
        rss_warm, cpu_warm = rss.latest.tree_mb, cores.cpu_seconds()
        cores.reset()
        load_before = os.getloadavg()[0]
        start = time.perf_counter()
        outcomes = asyncio.run(_crowd(url, sessions, tuple(think_s), arrival_s))
        wall = time.perf_counter() - start
        load_after = os.getloadavg()[0]
        server_cpu = cores.cpu_seconds() - cpu_warm
    finally:
        rss.stop()
        server.stop(proc)
    per_action = {a: [o.seconds[a] for o in outcomes if a in o.seconds] for a in ACTIONS}
    kinds = Counter(kind for o in outcomes for kind, _ in o.problems)
    detail: dict = {}
    for action, values in per_action.items():
        name = action.replace(" ", "_").replace("-", "_")
        if values:
            p50, p95 = np.percentile(values, [50, 95])
            detail[f"{name}_p50_p95_max_s"] = [round(p50, 2), round(p95, 2), round(max(values), 2)]
        detail[f"{name}_n"] = len(values)
    for action in ACTIONS:
        name = action.replace(" ", "_").replace("-", "_")
        detail[f"{name}_alone_s_cpu_s"] = [round(solo.seconds.get(action, float("nan")), 2),
                                          round(solo.cpu.get(action, float("nan")), 2)]
    p95s = [np.percentile(v, 95) for v in per_action.values() if v]
    actions_done = sum(len(v) for v in per_action.values())
    # This process's CPU times start at zero; its ru_maxrss would start at the size of the
    # bench runner it was started from, so its own peak is read from /proc instead.
    client = resource.getrusage(resource.RUSAGE_SELF)
    detail.update(
        sessions=sessions, think_s=list(think_s), arrival_s=arrival_s,
        worst_p95_s=round(float(max(p95s)), 2) if p95s else float("inf"),
        errors=sum(kinds.values()), errors_by_kind=dict(kinds),
        error_examples=[m for o in outcomes for _, m in o.problems][:5],
        reconnects=sum(o.reconnects for o in outcomes),
        lost_sessions=sum(o.lost for o in outcomes),
        completed_sessions=sum(len(o.seconds) == len(ACTIONS) and not o.lost for o in outcomes),
        server_peak_rss_mb=round(rss.peak().tree_mb), server_rss_after_warmup_mb=round(rss_warm),
        server_cpu_s=round(server_cpu, 1), server_peak_cores_1s=round(cores.peak, 2),
        server_cpu_ms_per_action=round(1000 * server_cpu / max(actions_done, 1)),
        crowd_wall_s=round(wall, 1),
        warmup_s=round(warm_s, 1), warmup_open_s=round(warm.seconds["open Overview"], 1),
        client_cpu_s=round(client.ru_utime + client.ru_stime, 1),
        client_peak_rss_mb=round(own_peak_mb()),
        load_avg_1min_crowd_start_end=[round(load_before, 2), round(load_after, 2)],
    )
    # The row's figures are the target's: the worst action's p95 and the server's memory.
    return {"seconds": detail["worst_p95_s"], "peak_rss_mb": rss.peak().tree_mb,
            "detail": detail}
