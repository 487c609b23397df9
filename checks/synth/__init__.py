"""Synthetic datasets for tests and benchmarks: `generate(out, incidents, seed, defects)`.

The dataset goes to OUT/dataset/ in the shipped layout, the manifest of expected
findings to OUT/expected.json. Deterministic: same arguments, byte-identical files.
"""

from __future__ import annotations

from checks.synth.generate import DEFAULT_SHARE, generate
from checks.synth.manifest import DATASET_DIR, MANIFEST_NAME, Manifest

__all__ = ["DATASET_DIR", "DEFAULT_SHARE", "MANIFEST_NAME", "Manifest", "generate"]
