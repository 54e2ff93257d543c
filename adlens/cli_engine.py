"""Command line for the engine: `recommend` (ranked, explained ads as JSON Lines) and `audit`
(rule exclusions, sensitive leakage, the AI-chat signal's rolling value and reach as JSON).

Bad input ends with one sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from typing import Any

import numpy as np

from adlens import schema
from adlens.contract import ContractError
from adlens.scenario import Scenario

SIGNALS = schema.SIGNALS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date written as YYYY-MM-DD, got {text!r}") from None


def _on_off(text: str) -> bool:
    value = text.strip().lower()
    if value not in ("on", "off"):
        raise argparse.ArgumentTypeError(f"expected on or off, got {text!r}")
    return value == "on"


def _regions(text: str) -> tuple[str, ...]:
    items = [] if text.strip().lower() in ("", "none") else text.split(",")
    regions = tuple(sorted({i.strip().upper() for i in items}))
    unknown = [r for r in regions if r not in schema.EXCLUDABLE_REGIONS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown region {unknown[0]!r}; use a comma-separated list of "
            f"{', '.join(sorted(schema.EXCLUDABLE_REGIONS))}, or none")
    return regions


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    from adlens.contract import add_limit_argument

    parser.add_argument("--data", required=True, metavar="DIR",
                        help="dataset folder (users, ads, events as CSV or Parquet)")
    add_limit_argument(parser)
    parser.add_argument("--as-of", type=_date, metavar="DATE",
                        help="count events up to and including this day (default: 2026-01-31)")
    parser.add_argument("--ai-chat", type=_on_off, default=True, metavar="on|off",
                        help="use the AI-chat signal (default on)")
    parser.add_argument("--excluded-regions", type=_regions,
                        default=tuple(sorted(schema.EXCLUDABLE_REGIONS)), metavar="EU,UK,KR",
                        help="regions where AI chats are not used (default EU,UK,KR; 'none')")
    parser.add_argument("--sensitive", choices=tuple(schema.SENSITIVE_LISTS), default="meta7",
                        help="sensitive topics never used for ads (default meta7)")
    parser.add_argument("--link-rule", type=_on_off, default=True, metavar="on|off",
                        help="AI chats only shape ads in linked apps (default on)")


def add_recommend_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_arguments(parser)
    parser.add_argument("--user", nargs="+", action="extend", metavar="ID",
                        help="only these people (default: everyone)")
    parser.add_argument("--app", choices=schema.AD_APPS, help="only this ad app")
    parser.add_argument("--top", type=_positive_int, default=5, metavar="K",
                        help="ads per person and app (default 5)")


def add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_arguments(parser)
    parser.add_argument("--top", type=_positive_int, default=5, metavar="K",
                        help="k of precision@k and NDCG@k (default 5)")
    parser.add_argument("--boot", type=int, default=200, metavar="N",
                        help="bootstrap resamples for confidence intervals (default 200)")
    parser.add_argument("--without", choices=("removed", "refit"), default="removed",
                        help="the ranking without AI chats: the same click model with the "
                             "AI-chat contribution removed (default), or a click model "
                             "refitted without it")
    parser.add_argument("--twin", action="store_true",
                        help="also evaluate the feedback-free twin of a generated dataset: the "
                             "same world (from its dataset.json) with no chat targeting")
    parser.add_argument("--twin-seed", type=int, metavar="SEED",
                        help="also evaluate the feedback-free twin: a population of the "
                             "dataset's size generated with this seed and no chat targeting "
                             "(for a dataset generated with that seed; the bundled sample's "
                             "twin is stored)")
    add_block_arguments(parser)


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    return Scenario(as_of=args.as_of or Scenario().as_of, ai_chat=args.ai_chat,
                    excluded_regions=args.excluded_regions, sensitive_list=args.sensitive,
                    link_rule=args.link_rule)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _load(path: str, max_mb: float | None = None):
    """The prepared dataset, or a sentence saying why it could not be loaded (files over
    `max_mb` MB are refused; 0 means no limit, None the contract's default)."""
    from adlens.contract import DEFAULT_MAX_BYTES, ContractError, load_dataset, max_bytes_of
    from adlens.engine import prepare

    try:
        dataset = load_dataset(path, max_bytes=DEFAULT_MAX_BYTES if max_mb is None
                               else max_bytes_of(max_mb))
    except ValueError as exc:
        return None, str(exc)
    except ContractError as exc:
        problems = [str(p) for p in exc.problems[:3]]
        more = len(exc.problems) - len(problems)
        text = "; ".join(problems) + (f"; and {more} more problems" if more > 0 else "")
        return None, f"The dataset could not be loaded: {text or 'it breaks the data contract'}."
    return prepare(dataset), None


def _clean(value: Any) -> Any:
    """JSON-safe: NaN and infinities become null, numpy scalars plain numbers."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return value if math.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def run_recommend(args: argparse.Namespace) -> int:
    from adlens.engine import CONTRIB_COLUMNS, run_scenario

    try:
        scenario = scenario_from_args(args)
    except ValueError as exc:
        return _fail(str(exc))
    prepared, problem = _load(args.data, args.max_mb)
    if problem:
        return _fail(problem)
    if args.user:
        known = set(prepared.codes.user_ids)
        unknown = [u for u in args.user if u not in known]
        if unknown:
            return _fail(f"No person with user_id {unknown[0]!r} in {args.data}.")
    apps = (args.app,) if args.app else schema.AD_APPS
    result = run_scenario(prepared, scenario, top_k=args.top, apps=apps)
    rec = result.recommendations
    if args.user:
        rec = rec[rec["user_id"].isin(args.user)]
    columns = ["user_id", "app", "ad_id", "topic", "score", "baseline", *CONTRIB_COLUMNS]
    records = rec[columns].astype({"user_id": str, "app": str, "ad_id": str, "topic": str})
    lines = []
    current, ads = None, []
    for row in records.itertuples(index=False):  # output formatting, one row per shown ad
        key = (row.user_id, row.app)
        if key != current:
            if current is not None:
                lines.append(_line(current, ads, result.weights_source))
            current, ads = key, []
        values = row._asdict()
        ads.append({"ad_id": row.ad_id, "topic": row.topic, "score": row.score,
                    "baseline": row.baseline,
                    "contributions": {s: values[f"contrib_{s}"] for s in SIGNALS}})
    if current is not None:
        lines.append(_line(current, ads, result.weights_source))
    sys.stdout.write("".join(lines))
    return 0


def _line(key: tuple[str, str], ads: list[dict], weights_source: str) -> str:
    return json.dumps(_clean({"user_id": key[0], "app": key[1], "weights_source": weights_source,
                              "ads": ads})) + "\n"


def _ai_chat_value(prepared, scenario: Scenario, args: argparse.Namespace) -> dict:
    """The rolling next-week evaluation with its denominators and weeks, the signal's reach,
    and the feedback-free twin (stored for the bundled sample, or generated on request)."""
    from adlens import rolling

    report = rolling.evaluate(prepared, scenario, k=args.top, n_boot=args.boot,
                              without=args.without)
    twin_args = rolling.twin_of(prepared.dataset.meta) if args.twin else None
    if twin_args is not None:
        twin = rolling.feedback_free(scenario=scenario, k=args.top, n_boot=args.boot,
                                     without=args.without, click_model=prepared.click_model,
                                     **twin_args)
        twin_source = (f"generated from the dataset's description: {twin_args['n_users']} "
                       f"people, seed {twin_args['seed']}, chat_boost 0, ranked by this "
                       "dataset's click model")
    elif args.twin_seed is not None:
        twin = rolling.feedback_free(prepared.codes.n_users, args.twin_seed, scenario=scenario,
                                     k=args.top, n_boot=args.boot, without=args.without,
                                     click_model=prepared.click_model)
        twin_source = f"generated: {prepared.codes.n_users} people, seed {args.twin_seed}"
    else:
        twin = rolling.stored_feedback_free(prepared.dataset_id)
        twin_source = "stored for the bundled sample (announced policy)" if twin else None
    return {
        "measure": "next-week clicks per person, ad app and topic, ranked by the click model "
                   "with features strictly before each week, with and without the AI-chat "
                   "signal; people who can have the signal only",
        "eligible_people": "Meta AI users with a chat that counts under the scenario before "
                           "the week (so in a region where the signal is used)",
        "without": args.without, "k": report.k, "n_boot": report.n_boot,
        "rows": report.summary.to_dict("records"),
        "weeks": report.weeks.astype({"week_start": str}).to_dict("records"),
        "reach": rolling.reach(prepared, scenario, k=args.top).to_dict("records"),
        "feedback_free": None if twin is None else {
            "source": twin_source, "rows": twin.summary.to_dict("records"),
            "share_from_feedback": rolling.feedback_share(report, twin).to_dict("records")},
    }


def audit_report(prepared, scenario: Scenario, args: argparse.Namespace, quality_report=None,
                 exclusions: tuple[int, Any] | None = None) -> dict:
    """The audit's JSON report of a prepared dataset. `quality_report` and `exclusions`
    ((events excluded, counts by reason and event type)) replace what the prepared dataset
    gives: the engine in blocks of people passes its combined per-block figures."""
    from adlens.engine import quality, run_scenario, text_report

    result = run_scenario(prepared, scenario, top_k=args.top)
    if exclusions is None:
        exclusions = (int(len(result.exclusions)), result.exclusion_counts())
    report = text_report(prepared)
    q = quality_report or quality(prepared, scenario, k=args.top, n_boot=args.boot)
    return {
        "dataset_id": prepared.dataset_id,
        "scenario": scenario.to_dict(),
        "differences_from_announced_policy": scenario.differences(),
        "weights_source": result.weights_source,
        "click_model": {"intercept": prepared.click_model.intercept,
                        "weights": prepared.click_model.weight,
                        "auc_heldout": prepared.click_model.auc_heldout},
        "exclusions": exclusions_json(*exclusions),
        "sensitive_leakage": {
            "heldout": report.leakage,
            "dataset": report.leakage_dataset,
            "dataset_messages": report.n_dataset,
        },
        "topic_accuracy": {"heldout": report.accuracy, "dataset": report.accuracy_dataset},
        "ai_chat_value": _ai_chat_value(prepared, scenario, args),
        # Secondary: a static match against the simulation's true interests at one cut, over
        # everyone (NaN without true interests).
        "static_interest_match": quality_json(q),
    }


def exclusions_json(total: int, counts) -> dict:
    """The report's exclusions: events excluded, by reason and by reason and event type."""
    by_reason = counts.groupby("reason")["events"].sum() if len(counts) else {}
    return {"total": int(total),
            "by_reason": {str(k): int(v) for k, v in dict(by_reason).items()},
            "by_reason_and_event_type": counts.to_dict("records")}


def quality_json(q) -> dict:
    """The report's static interest match from a quality report."""
    return {"k": q.k, "n_boot": q.n_boot, "rows": q.summary.to_dict("records")}


def _use_blocks(args: argparse.Namespace) -> bool:
    from adlens.block_commands import use_blocks

    return use_blocks(args.data, args.blocks, args.block_people)


def _progress(done: int, total: int) -> None:
    print(f"block {done}/{total}", file=sys.stderr, flush=True)


def _audit_in_blocks(args: argparse.Namespace, scenario: Scenario) -> int:
    from adlens import block_commands
    from adlens.blocks import close_client
    from adlens.rolling import twin_of

    if args.twin and twin_of(block_commands.read_meta(args.data)) is None:
        return _fail("--twin needs a generated dataset with its description (dataset.json); "
                     "use --twin-seed SEED for one generated with the default parameters.")
    client = cluster_client(args)
    try:
        out = block_commands.audit_blocks(args.data, scenario, args, args.block_people,
                                          client=client, progress=_progress)
    except ContractError as exc:
        return _fail(_problems_text(exc))
    except ValueError as exc:
        return _fail(str(exc))
    finally:
        close_client(client)
    print(json.dumps(_clean(out), indent=2))
    return 0


def _problems_text(exc) -> str:
    problems = [str(p) for p in exc.problems[:3]]
    more = len(exc.problems) - len(problems)
    text = "; ".join(problems) + (f"; and {more} more problems" if more > 0 else "")
    return f"The dataset could not be loaded: {text or 'it breaks the data contract'}."


def add_block_arguments(parser: argparse.ArgumentParser, workers: bool = True) -> None:
    """--blocks, --block-people, --sample-people (and --workers / --scheduler): the engine in
    blocks of people (adlens.block_commands)."""
    from adlens.blocks import DEFAULT_BLOCK_PEOPLE, DEFAULT_SAMPLE_PEOPLE

    parser.add_argument("--blocks", choices=("auto", "on", "off"), default="auto",
                        help="work one block of people at a time: 'auto' (default) for a "
                             "Parquet folder of more people than one block, 'on', or 'off'")
    parser.add_argument("--block-people", type=_positive_int, default=DEFAULT_BLOCK_PEOPLE,
                        metavar="N", help=f"people per block (default {DEFAULT_BLOCK_PEOPLE:,})")
    parser.add_argument("--sample-people", type=_positive_int, default=DEFAULT_SAMPLE_PEOPLE,
                        metavar="N", help="people in the seeded sample the population-wide "
                        f"figures are computed on (default {DEFAULT_SAMPLE_PEOPLE:,})")
    if workers:
        add_cluster_arguments(parser)


def add_cluster_arguments(parser: argparse.ArgumentParser, does: str = "run the blocks",
                          default: str = "") -> None:
    """--workers N or --scheduler ADDRESS, one or the other: where the blocks of people are
    worked (a local Dask cluster of N worker processes, or an existing cluster). Both together,
    or a --workers below 1, are refused when the command line is read, with a sentence naming
    the option. `does` begins each option's help; `default` ends --workers' help (what is done
    without either)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive_int, metavar="N",
                       help=f"{does} on a local Dask cluster of N worker processes{default}")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help=f"{does} on an existing Dask cluster, e.g. tcp://host:8786")


def cluster_client(args: argparse.Namespace):
    """The Dask client --workers or --scheduler ask for (`blocks.dask_client`; the caller
    closes it with `blocks.close_client`), or None when neither is given: the blocks are then
    worked one after another in this process."""
    if args.workers is None and not args.scheduler:
        return None
    from adlens.blocks import dask_client

    return dask_client(args.workers, args.scheduler)


def run_audit(args: argparse.Namespace) -> int:
    from adlens.rolling import twin_of

    try:
        scenario = scenario_from_args(args)
    except ValueError as exc:
        return _fail(str(exc))
    if args.boot < 0:
        return _fail("--boot must be 0 or more resamples.")
    try:
        blocked = _use_blocks(args)
    except ValueError as exc:
        return _fail(str(exc))
    if blocked:
        return _audit_in_blocks(args, scenario)
    prepared, problem = _load(args.data, args.max_mb)
    if problem:
        return _fail(problem)
    if args.twin and twin_of(prepared.dataset.meta) is None:
        return _fail("--twin needs a generated dataset with its description (dataset.json); "
                     "use --twin-seed SEED for one generated with the default parameters.")
    out = audit_report(prepared, scenario, args)
    print(json.dumps(_clean(out), indent=2))
    return 0
