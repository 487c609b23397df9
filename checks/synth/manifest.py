"""What a generated dataset should make the gate report: expected findings per rule id.

Written as DIR/expected.json beside DIR/dataset/ (never inside the dataset folder, where
the loader would treat it as a stray file). The Great Expectations counts follow the
gate's own reporting: per failed expectation one finding per unexpected row, at most
MAX_ROW_FINDINGS of them, then one summary finding.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.catalogue import RULES
from checks.expectations.run import MAX_ROW_FINDINGS
from checks.findings import Layer
from checks.synth.defects import NOT_PLANTED, Defect, GxKey

MANIFEST_NAME = "expected.json"
DATASET_DIR = "dataset"
EXIT_2_NOTE = "ends the run with exit 2 (CannotRun), so it produces no finding"


@dataclass(frozen=True, slots=True)
class Manifest:
    """A generated dataset: where it is, how it was made, and what the gate must find."""

    dataset: Path
    incidents: int
    seed: int
    defect_share: float
    rows: Mapping[str, int]
    planted: Mapping[str, int]
    """Defect kind -> planted instances."""
    expected: Mapping[str, int]
    """Rule id -> findings of the full gate (every layer, GX included)."""
    expected_without_gx: Mapping[str, int]
    """Rule id -> findings of the pandas layers (`checks.pipeline.validate`)."""
    not_planted: Mapping[str, str] = field(default_factory=dict)
    """Rule id -> why no defect of it is planted."""

    def expected_for(self, gx: bool) -> dict[str, int]:
        """The expected counts of a run with or without the GX layer."""
        return dict(self.expected if gx else self.expected_without_gx)

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": str(self.dataset),
            "incidents": self.incidents,
            "seed": self.seed,
            "defect_share": self.defect_share,
            "rows": dict(self.rows),
            "planted": dict(self.planted),
            "expected": dict(sorted(self.expected.items())),
            "expected_without_gx": dict(sorted(self.expected_without_gx.items())),
            "not_planted": dict(sorted(self.not_planted.items())),
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            dataset=Path(data["dataset"]),
            incidents=int(data["incidents"]),
            seed=int(data["seed"]),
            defect_share=float(data["defect_share"]),
            rows=data["rows"],
            planted=data["planted"],
            expected=data["expected"],
            expected_without_gx=data["expected_without_gx"],
            not_planted=data["not_planted"],
        )


def gx_findings(rows: Mapping[GxKey, int]) -> Counter[str]:
    """Findings per rule id of expectations failing on `rows` unexpected rows each."""
    out: Counter[str] = Counter()
    for (_, rule_id, _), count in rows.items():
        if count > 0:
            out[rule_id] += min(count, MAX_ROW_FINDINGS) + (1 if count > MAX_ROW_FINDINGS else 0)
    return out


def expected_counts(planted: Iterable[tuple[Defect, int]]) -> tuple[Counter[str], Counter[str]]:
    """(pandas-layer counts, GX counts) per rule id for `planted` (defect, instances)."""
    pandas_counts: Counter[str] = Counter()
    gx_rows: Counter[GxKey] = Counter()
    for defect, instances in planted:
        for rule_id, per in defect.findings.items():
            pandas_counts[rule_id] += per * instances
        for key, per in defect.gx.items():
            gx_rows[key] += per * instances
    return pandas_counts, gx_findings(gx_rows)


def not_planted(planted_rules: set[str]) -> dict[str, str]:
    """Every catalogue rule no planted defect fires, with the reason."""
    out: dict[str, str] = {}
    for rule_id, rule in RULES.items():
        if rule_id in planted_rules:
            continue
        if rule_id in NOT_PLANTED:
            out[rule_id] = NOT_PLANTED[rule_id]
        elif rule.layer is Layer.EXPECTATIONS:
            out[rule_id] = (
                "an expectation that mirrors a structure rule already planted, or a table-wide "
                "one (row counts, column sets, suite errors) the shipped suites only fail on "
                "data the structure layer stops first; not planted"
            )
        else:
            out[rule_id] = "no defect kind plants it"
    return out
