"""Command line: `python -m adlens {generate,validate,recommend,audit,recall,blocks,cache} ...`.

Each command lives in its own module exposing `add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "generate": ("adlens.simulate", "Generate a simulated population in the data contract."),
    "validate": ("adlens.block_commands", "Check a dataset folder against the data contract."),
    "recommend": ("adlens.cli_engine", "Rank and explain ads per person and app (JSON Lines)."),
    "audit": ("adlens.cli_engine", "Report rule exclusions, sensitive leakage and quality (JSON)."),
    "recall": ("adlens.recall", "Coincidences, recall aggregates and the microphone event study."),
    "blocks": ("adlens.blocks", "Score and explain everyone in a Parquet folder, a block of "
               "people at a time (JSON summary)."),
    "cache": ("adlens.block_store", "List the stored work of dataset folders (the app's and "
              "FolderCache's disk cache), apply its disk budget (--prune) or clear it."),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m adlens", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    if not argv or argv[0] not in COMMANDS:
        parser.parse_args(argv)  # prints usage and exits
        return 2
    name = argv[0]
    module = importlib.import_module(COMMANDS[name][0])
    cmd_parser = argparse.ArgumentParser(prog=f"python -m adlens {name}",
                                         description=COMMANDS[name][1])
    adder = getattr(module, f"add_{name}_arguments", None) or module.add_arguments
    runner = getattr(module, f"run_{name}", None) or module.run
    adder(cmd_parser)
    try:
        return int(runner(cmd_parser.parse_args(argv[1:])) or 0)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
