"""The bundled sample as the data contract checked it, stored at build time in
`sample_data/checked/` (`python -m adlens.checked`, run by `make sample`).

A fresh server reads these checked tables instead of checking the sample again, only when every
byte of every file in the sample folder is what was checked (a SHA-256 per file), the contract's
code and the libraries are the same, and the stored tables' own bytes match the digests written
with them. Anything else goes through `contract.load_dataset` in full, so the contract is never
weakened: a dataset is either checked now or is byte for byte one that was checked.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from adlens import artifacts, contract
from adlens.dataset import Dataset

FORMAT = "1"
FOLDER = contract.SAMPLE_DIR / "checked"
MANIFEST = "manifest.json"
TABLES = ("users", "ads", "events", "interests", "truth")
# The modules whose source decides what the contract accepts and how it normalises the tables.
CONTRACT_MODULES = ("contract.py", "dataset.py", "schema.py")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file directly in `folder`, by name: an added, removed or changed file
    (a single byte) gives another mapping."""
    return {p.name: _sha256(p.read_bytes()) for p in sorted(Path(folder).iterdir())
            if p.is_file()}


def key(folder: Path) -> dict:
    """What stored checked tables must have been made from to be used for `folder` now."""
    from importlib.metadata import version  # noqa: PLC0415 — only when a key is needed

    return {"format": FORMAT, "files": file_digests(folder),
            "contract_version": artifacts.source_version(CONTRACT_MODULES),
            "libraries": {name: version(name) for name in ("numpy", "pandas", "pyarrow")},
            # Major version only: Parquet tables read alike in any Python 3 (see artifacts).
            "python": str(sys.version_info.major)}


def store(folder: Path = contract.SAMPLE_DIR, out: Path = FOLDER) -> Path:
    """Check `folder` with the contract and write its checked tables (Parquet) and a manifest
    (the key, the tables' digests, dataset_id, source, meta) to `out`, replacing it whole."""
    dataset = contract.load_dataset(folder)
    out = Path(out)
    tmp = Path(tempfile.mkdtemp(prefix=".checked-", dir=out.parent))
    try:
        digests = {}
        for table in TABLES:
            frame = getattr(dataset, table)
            if frame is None:
                continue
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False, compression="zstd")
            (tmp / f"{table}.parquet").write_bytes(buffer.getvalue())
            digests[table] = _sha256(buffer.getvalue())
        manifest = {"key": key(folder), "tables": digests, "dataset_id": dataset.dataset_id,
                    "source": dataset.source, "meta": dataset.meta}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        tmp.chmod(0o755)  # mkdtemp makes it private
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def load(folder: Path = contract.SAMPLE_DIR, out: Path = FOLDER) -> Dataset | None:
    """The stored checked dataset for `folder`, or None when anything differs (see the module
    docstring): then the caller checks it."""
    try:
        manifest = json.loads((Path(out) / MANIFEST).read_text())
        if manifest.get("key") != key(folder):
            return None
        frames = {}
        for table, digest in manifest["tables"].items():
            data = (Path(out) / f"{table}.parquet").read_bytes()
            if _sha256(data) != digest:
                return None
            frames[table] = pd.read_parquet(io.BytesIO(data))
        return Dataset(users=frames["users"], ads=frames["ads"], events=frames["events"],
                       dataset_id=manifest["dataset_id"], source=manifest["source"],
                       interests=frames.get("interests"), truth=frames.get("truth"),
                       meta=manifest.get("meta"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def load_dataset(folder: Path = contract.SAMPLE_DIR, out: Path = FOLDER) -> Dataset:
    """`folder` from its stored checked tables when they are for exactly these bytes, else
    through `contract.load_dataset` (which raises ContractError listing every problem)."""
    return load(folder, out) or contract.load_dataset(folder)


def main() -> int:
    out = store()
    print(f"stored the checked sample in {out.relative_to(contract.SAMPLE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
