"""Run the suites with a file-based GX context under `gx_root` and turn failures into findings.

GX state (context config, stores, validation results) lives under `gx_root` (e.g.
build/gx) and is rebuilt on every run; the suites themselves are the reviewed JSON
files in expectations/. Data Docs are built into `data_docs_dir`.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from checks.errors import CannotRun
from checks.expectations.consistency import consistency_results_frame
from checks.expectations.rules import ERROR, rule_id_for
from checks.expectations.suites import SEVERITIES, SuiteSpec, load_suite_specs
from checks.findings import Finding, Layer, Severity
from checks.membership import isin
from checks.structure.schemas import KEYS

LINE = "__line__"
SITE = "gate"
MAX_ROW_FINDINGS = 50
"""Per failed expectation, at most this many row findings; then one summary finding."""

BATCH_KEYS: dict[str, list[str]] = {
    **{table: [key] for table, key in KEYS.items()},
    "consistency_results": ["incident_id", "field"],
}


@contextmanager
def _quiet() -> Iterator[None]:
    """GX logs warnings (and may draw tqdm bars) on its own; the gate speaks through findings."""
    logger = logging.getLogger("great_expectations")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    previous = os.environ.get("TQDM_DISABLE")
    os.environ["TQDM_DISABLE"] = "1"
    try:
        yield
    finally:
        logger.setLevel(level)
        if previous is None:
            os.environ.pop("TQDM_DISABLE", None)
        else:
            os.environ["TQDM_DISABLE"] = previous


def _batch_frame(spec: SuiteSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The table without the loader's line column; optional columns a suite names but the
    file lacks are added empty, so 'values in set' means 'where given'."""
    out = frame.drop(columns=[LINE], errors="ignore").reset_index(drop=True)
    for column in sorted(spec.columns() - set(out.columns)):
        out[column] = pd.Series(pd.NA, index=out.index, dtype="string")
    return out


def _clear_docs(data_docs_dir: Path) -> None:
    """Remove the previous run's Data Docs site, only if it is one (index.html + static/)."""
    if (data_docs_dir / "index.html").is_file() and (data_docs_dir / "static").is_dir():
        shutil.rmtree(data_docs_dir)


def _context(gx_root: Path, data_docs_dir: Path) -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    project = gx_root / "gx"
    if project.exists():
        shutil.rmtree(project)
    gx_root.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(gx_root))
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.variables.save()
    for site in list(context.list_data_docs_sites()):
        context.delete_data_docs_site(site)
    context.add_data_docs_site(
        SITE,
        {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(data_docs_dir.resolve()),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def _line_lookup(frame: pd.DataFrame, key: str, needed: set[str]) -> dict[str, list[int]]:
    """Key value -> the file lines of the rows holding it, in row order, for the `needed`
    values only: a finding names at most MAX_ROW_FINDINGS rows per expectation, so the
    other 1M claims' lines need not be listed (that listing was 2 s of a 1M-claim run)."""
    if LINE not in frame or key not in frame or not needed:
        return {}
    rows = frame.loc[isin(frame[key], needed), [key, LINE]]
    lookup: dict[str, list[int]] = {}
    for value, line in zip(rows[key].tolist(), rows[LINE].tolist(), strict=True):
        if isinstance(value, str):
            lookup.setdefault(value, []).append(int(line))
    return lookup


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if pd.isna(value):
        return None
    return str(value)


def _columns(kwargs: Mapping[str, Any]) -> tuple[str, ...]:
    names = [
        kwargs[k] for k in ("column", "column_A", "column_B") if isinstance(kwargs.get(k), str)
    ]
    names += list(kwargs.get("column_list") or ())
    return tuple(names)


def _describe(config: Mapping[str, Any]) -> str:
    notes = (config.get("meta") or {}).get("notes")
    if isinstance(notes, str) and notes:
        return notes
    kwargs = config.get("kwargs") or {}
    args = ", ".join(
        f"{k}={v!r}" for k, v in kwargs.items() if k not in ("batch_id", "result_format")
    )
    return f"{config['type']}({args})"


def _named_rows(result: Mapping[str, Any]) -> list[Any]:
    """The unexpected rows a failed expectation's findings name, one finding each: the
    first MAX_ROW_FINDINGS of GX's index list (the rest go into one summary)."""
    index_list = result.get("unexpected_index_list")
    return index_list[:MAX_ROW_FINDINGS] if isinstance(index_list, list) else []


def _keys_named(doc: Mapping[str, Any], key: str) -> set[str]:
    """The values of `key` in the rows a failed expectation's findings will name."""
    return {
        entry[key]
        for entry in _named_rows(doc.get("result") or {})
        if isinstance(entry, Mapping) and isinstance(entry.get(key), str)
    }


def _findings_for(
    table: str,
    file: str | None,
    config: Mapping[str, Any],
    result: Mapping[str, Any],
    exception: Mapping[str, Any],
    lines: dict[str, list[int]],
    key_columns: Sequence[str],
) -> list[Finding]:
    exp_type = str(config["type"])
    kwargs = {k: v for k, v in (config.get("kwargs") or {}).items() if k != "batch_id"}
    severity_name = str(config.get("severity") or "critical")
    columns = _columns(kwargs)
    what = _describe(config)
    base_evidence: dict[str, Any] = {
        "suite": table,
        "expectation": exp_type,
        "kwargs": _jsonable(kwargs),
        "gx_severity": severity_name,
    }
    if exception.get("raised_exception"):
        return [
            Finding(
                rule_id=ERROR,
                severity=Severity.ERROR,
                layer=Layer.EXPECTATIONS,
                message=f"{table}: could not evaluate '{what}': "
                f"{exception.get('exception_message')}",
                table=table,
                file=file,
                columns=columns,
                evidence=base_evidence,
            )
        ]
    severity = SEVERITIES.get(severity_name, Severity.ERROR)
    if severity is None:
        return []
    rule_id = rule_id_for(exp_type)
    index_list = result.get("unexpected_index_list")
    unexpected_values = result.get("unexpected_list") or []
    count = result.get("unexpected_count")
    if not isinstance(index_list, list) or not index_list:
        observed = result.get("observed_value")
        detail = f"observed {observed!r}" if observed is not None else "failed"
        if count:
            detail = f"{count} unexpected value(s)"
        return [
            Finding(
                rule_id=rule_id,
                severity=severity,
                layer=Layer.EXPECTATIONS,
                message=f"{table}: expected {what}; {detail}",
                table=table,
                file=file,
                columns=columns,
                evidence={
                    **base_evidence,
                    "observed_value": _jsonable(observed),
                    "unexpected_count": count,
                },
            )
        ]
    findings: list[Finding] = []
    used: dict[str, int] = {}
    for position, entry in enumerate(_named_rows(result)):
        row = dict(entry) if isinstance(entry, Mapping) else {"index": entry}
        key_parts = [row.get(k) for k in key_columns]
        row_key = (
            "/".join(str(p) for p in key_parts) if all(p is not None for p in key_parts) else None
        )
        line = None
        if len(key_columns) == 1 and isinstance(key_parts[0], str):
            seen = used.get(key_parts[0], 0)
            candidates = lines.get(key_parts[0], [])
            if seen < len(candidates):
                line = candidates[seen]
            used[key_parts[0]] = seen + 1
        if position < len(unexpected_values):
            value = unexpected_values[position]
        else:
            value = {k: v for k, v in row.items() if k not in key_columns} or None
        findings.append(
            Finding(
                rule_id=rule_id,
                severity=severity,
                layer=Layer.EXPECTATIONS,
                message=f"{table}: expected {what}; found {_jsonable(value)!r}",
                table=table,
                row_key=row_key,
                file=file,
                line=line,
                columns=columns,
                evidence={**base_evidence, "unexpected_value": _jsonable(value)},
            )
        )
    rest = len(index_list) - MAX_ROW_FINDINGS
    if rest > 0:
        findings.append(
            Finding(
                rule_id=rule_id,
                severity=severity,
                layer=Layer.EXPECTATIONS,
                message=f"{table}: expected {what}; {rest} more row(s) fail (see the Data Docs)",
                table=table,
                file=file,
                columns=columns,
                evidence={**base_evidence, "unexpected_count": count},
            )
        )
    return findings


def run_expectations(
    typed: Mapping[str, pd.DataFrame],
    findings: Sequence[Finding],
    files: Mapping[str, str],
    gx_root: Path,
    data_docs_dir: Path,
    suites_dir: Path = Path("expectations"),
    timings: MutableMapping[str, float] | None = None,
) -> tuple[list[Finding], Path | None]:
    """Validate the typed tables (and the consistency verdicts) against expectations/*.json.

    `findings` are the earlier layers' findings; those of layer CONSISTENCY become the
    consistency_results batch. Returns the gate findings of layer EXPECTATIONS and the
    Data Docs index.html (None when GX built no site). Raises CannotRun on a bad suite.
    `timings["data_docs"]`, when given, receives the seconds spent rendering Data Docs.
    """
    specs = load_suite_specs(suites_dir)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    batches: dict[str, pd.DataFrame] = dict(typed)
    batches["consistency_results"] = consistency_results_frame(
        typed.get("claims", pd.DataFrame()), findings
    )
    out: list[Finding] = []
    with _quiet():
        import great_expectations as gx

        _clear_docs(data_docs_dir)
        context = _context(gx_root, data_docs_dir)
        source = context.data_sources.add_pandas("gate")
        for spec in specs:
            if spec.name not in batches:
                continue
            frame = batches[spec.name]
            key_columns = BATCH_KEYS[spec.name]
            try:
                suite = gx.ExpectationSuite(
                    name=spec.name, expectations=[dict(e) for e in spec.expectations]
                )
            except Exception as exc:
                raise CannotRun(spec.path, f"not a valid GX 1.x suite: {exc}") from None
            if len(suite.expectations) != len(spec.expectations):
                raise CannotRun(
                    spec.path,
                    "GX could not build every expectation (unknown type or bad kwargs); "
                    f"built {len(suite.expectations)} of {len(spec.expectations)}",
                )
            suite = context.suites.add(suite)
            batch_definition = source.add_dataframe_asset(
                spec.name
            ).add_batch_definition_whole_dataframe("whole-table")
            definition = context.validation_definitions.add(
                gx.ValidationDefinition(name=spec.name, data=batch_definition, suite=suite)
            )
            checkpoint = context.checkpoints.add(
                gx.Checkpoint(
                    name=f"gate-{spec.name}",
                    validation_definitions=[definition],
                    result_format={
                        "result_format": "COMPLETE",
                        "unexpected_index_column_names": key_columns,
                        "return_unexpected_index_query": False,
                    },
                )
            )
            batch = _batch_frame(spec, frame)
            outcome = checkpoint.run(batch_parameters={"dataframe": batch})
            docs = [
                item.to_json_dict()
                for validation in outcome.run_results.values()
                for item in validation.results
                if not item.success
            ]
            needed = set().union(*(_keys_named(doc, key_columns[0]) for doc in docs))
            lines = _line_lookup(frame, key_columns[0], needed)
            for doc in docs:
                out += _findings_for(
                    spec.name,
                    files.get(spec.name),
                    doc["expectation_config"],
                    doc.get("result") or {},
                    doc.get("exception_info") or {},
                    lines,
                    key_columns,
                )
        # once for all suites: rendering per checkpoint rebuilt the whole site each time
        started = time.perf_counter()
        context.build_data_docs(site_names=[SITE])
        if timings is not None:
            timings["data_docs"] = timings.get("data_docs", 0.0) + time.perf_counter() - started
    index = data_docs_dir / "index.html"
    return out, index if index.is_file() else None
