"""What several test modules share: the fitted text model, a generated dataset folder made once
per module, and a command run as the command line runs it.

A fixture here is taken into a test module by assigning it to the name tests ask for, e.g.
`model = helpers.model` or `folder = helpers.generated_folder(240, 17, "folder")` (an imported
fixture would read as an unused import that each test redefines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlens import text_model as tm
from adlens.__main__ import main
from adlens.simulate import generate_frames, generate_to_dir


@pytest.fixture(scope="module")
def model() -> tm.TextModel:
    """The fitted text model (`text_model.load_text_model()`)."""
    return tm.load_text_model()


def generated_folder(people: int, seed: int, temp: str, inside: str | None = None,
                     described: bool = True):
    """A module fixture: a folder of `people` generated with `seed`, in a new temporary folder
    named after `temp` (in its subfolder `inside`, when given). Described, it is as
    `generate_to_dir` writes it, with its description (dataset.json); otherwise it holds
    `generate_frames`' tables alone, as Parquet files."""

    @pytest.fixture(scope="module")
    def folder(tmp_path_factory) -> Path:
        out = tmp_path_factory.mktemp(temp)
        if inside is not None:
            out = out / inside
        if described:
            generate_to_dir(people, seed, out)
        else:
            for name, frame in generate_frames(people, seed=seed).items():
                frame.to_parquet(out / f"{name}.parquet", index=False)
        return out

    return folder


def run_command(capsys, *argv: str) -> tuple[int, str, str]:
    """`python -m adlens *argv` in this process: its exit code (argparse refuses bad options by
    exiting), standard output and standard error."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err
