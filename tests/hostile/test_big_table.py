"""Item 1, size: a 200 MB claims.csv (generated here, never committed) is read to its
end, and the one malformed row planted near the end is reported at its exact line
and column, in a child process whose peak memory is measured and bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, tree_hashes

TARGET_BYTES = 200 * 1024 * 1024
QUOTE_CHARS = 2_000
MEMORY_FACTOR = 4
"""Peak RSS allowed, as a multiple of the table's size (measured: 2.8). The decoded text
and the cells each hold the table once; a leak per row or a copy per step would not fit."""


def _write_table(root: Path) -> tuple[int, int]:
    """Stream a claims.csv of about TARGET_BYTES; return (malformed line, header width)."""
    seed_claims = (REPO / "datasets" / "seed" / "claims.csv").read_bytes()
    header, _ = seed_claims.split(b"\n", 1)
    width = header.count(b",") + 1
    filler = b"x" * QUOTE_CHARS
    line = 1
    with (root / "claims.csv").open("wb") as out:
        out.write(header + b"\n")
        row = 0
        written = len(header) + 1
        while written < TARGET_BYTES:
            record = b"b%07d,000_0a0d7547dc9b15ac,mumbai-2008,killed,%s,exact,1,1,total,,\n" % (
                row,
                filler,
            )
            out.write(record)
            written += len(record)
            row += 1
            line += 1
        out.write(b"b_bad,000_0a0d7547dc9b15ac,mumbai-2008,killed,q,exact,1,1,total,,,extra\n")
        line += 1
        out.write(b"b_last,000_0a0d7547dc9b15ac,mumbai-2008,killed,q,exact,1,1,total,,\n")
    return line, width


@pytest.mark.slow
def test_200mb_table_reports_the_planted_row(seed_copy: Path, tmp_path: Path) -> None:
    line, width = _write_table(seed_copy)
    size = (seed_copy / "claims.csv").stat().st_size
    assert size >= TARGET_BYTES
    before = tree_hashes(seed_copy)
    peak_file = tmp_path / "peak_kb"
    code = (
        "import resource, sys\n"
        "from checks.cli import main\n"
        "status = main(sys.argv[2:])\n"
        "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
        "sys.exit(status)\n"
    )
    args = ["validate", str(seed_copy), "--report-dir", str(tmp_path / "r"), "--no-expectations"]
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(peak_file), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"error: {seed_copy / 'claims.csv'}:{line}:{width + 1}: row has {width + 1} fields, "
        f"the header has {width} (an unquoted comma?)\n"
    )
    peak_bytes = int(peak_file.read_text()) * 1024
    assert peak_bytes < MEMORY_FACTOR * size, (peak_bytes, size)
    print(f"200 MB table: {size} bytes, peak RSS {peak_bytes / size:.2f}x the file")
    assert tree_hashes(seed_copy) == before
