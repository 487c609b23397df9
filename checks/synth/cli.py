"""`python -m checks synth`: generate a dataset and say where it went."""

from __future__ import annotations

from pathlib import Path

from checks.errors import CannotRun
from checks.synth.generate import DEFAULT_SHARE, generate
from checks.synth.manifest import MANIFEST_NAME


def run_synth(out: Path, incidents: int, seed: int, defects: float | None) -> int:
    """Write the dataset; a bad argument is a one-line CannotRun (exit 2)."""
    share = DEFAULT_SHARE if defects is None else defects
    try:
        manifest = generate(out, incidents, seed=seed, defects=share)
    except ValueError as exc:
        raise CannotRun(out, str(exc)) from None
    except OSError as exc:
        raise CannotRun(out, f"cannot write the dataset: {exc.strerror}") from None
    rows = ", ".join(f"{n} {t}" for t, n in manifest.rows.items())
    findings = sum(manifest.expected.values())
    print(f"dataset: {manifest.dataset} ({rows})")
    print(f"manifest: {out / MANIFEST_NAME} ({findings} planted findings expected)")
    return 0
