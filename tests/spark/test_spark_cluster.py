"""The gate on a real Spark standalone cluster: a master and two workers, separate JVMs
started with pyspark's spark-class on 127.0.0.1 (`checks.spark.cluster`).

`nox -s spark` starts the cluster and passes its state file in $CHECKS_SPARK_CLUSTER;
without it, this module starts (and stops) its own. The gate runs as a separate
process (`--engine spark --master spark://127.0.0.1:PORT`), as a user would run it,
and its results.json must equal the pandas engine's: on the shipped datasets, on a
generated one, and after losing a worker in the middle of the consistency job. With
no worker left it exits 2 with one line, within a bounded time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from checks.spark.cluster import Cluster, Daemon, free_port, http_json, processes_of, start_cluster
from checks.synth.generate import generate
from tests.conftest import REPO

pytest.importorskip("pyspark")
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17"),
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc"),
]

STATE_ENV = "CHECKS_SPARK_CLUSTER"
RUN_TIMEOUT = 900.0
"""Seconds any one gate run may take (a cold JVM on a busy two-core machine is slow)."""
EXECUTOR_WAIT = 10
LOSS_INCIDENTS = 1500
"""Big enough that the consistency job runs for seconds on two 1-core executors."""


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """The nox session's cluster, or one started (and stopped) here."""
    state = os.environ.get(STATE_ENV)
    if state:
        yield Cluster.load(Path(state))
        return
    started = start_cluster(2)
    try:
        yield started
    finally:
        assert started.stop() == [], "cluster processes survived the teardown"


def with_workers(cluster: Cluster, count: int) -> Cluster:
    """Start workers until `count` are alive (a test before may have killed some)."""
    state = os.environ.get(STATE_ENV)
    while len(cluster.live()) < count:
        cluster.add_worker(state=Path(state) if state else None)
    return cluster


def gate_env(ui_port: int | None = None) -> dict[str, str]:
    """The gate's environment: loopback only, small executors, a short executor wait,
    and the driver's UI (its REST API) when the test needs to watch the jobs."""
    conf = ["spark.executor.memory=512m"]
    if ui_port is not None:
        conf += ["spark.ui.enabled=true", f"spark.ui.port={ui_port}"]
    return {
        **os.environ,
        "GX_ANALYTICS_ENABLED": "False",
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_LOCAL_HOSTNAME": "127.0.0.1",
        "PYSPARK_PYTHON": sys.executable,
        "CHECKS_SPARK_CONF": " ".join(conf),
        "CHECKS_SPARK_EXECUTOR_WAIT": str(EXECUTOR_WAIT),
    }


def validate_args(dataset: Path, reports: Path, *engine: str) -> list[str]:
    return ["validate", str(dataset), "--report-dir", str(reports), "--no-expectations", *engine]


def results(reports: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((reports / "results.json").read_text("utf-8"))
    return document


def pandas_results(dataset: Path, reports: Path) -> tuple[int, dict[str, Any]]:
    code = main(validate_args(dataset, reports))
    return code, results(reports)


def start_gate(
    cluster: Cluster, dataset: Path, reports: Path, ui_port: int
) -> subprocess.Popen[str]:
    """`python -m checks validate DATASET --engine spark --master URL` as a process."""
    args = validate_args(dataset, reports, "--engine", "spark", "--master", cluster.url)
    return subprocess.Popen(
        [sys.executable, "-m", "checks", *args],
        env=gate_env(ui_port),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def finish(process: subprocess.Popen[str], timeout: float = RUN_TIMEOUT) -> tuple[str, str]:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"the gate did not finish within {timeout:g} s; stderr: {err[-2000:]}")
    return out, err


class Driver:
    """The gate's Spark application seen through the driver's REST API."""

    def __init__(self, ui_port: int) -> None:
        self.base = f"http://127.0.0.1:{ui_port}/api/v1/applications"
        self.app: str | None = None

    def get(self, path: str) -> list[dict[str, Any]]:
        if self.app is None:
            self.app = http_json(self.base, timeout=5)[0]["id"]  # type: ignore[index]
        data: list[dict[str, Any]] = http_json(f"{self.base}/{self.app}/{path}", timeout=5)  # type: ignore[assignment]
        return data

    def running(self, layer: str) -> list[dict[str, Any]]:
        """Running jobs of one layer (the engine names them `incident-checks: LAYER`)."""
        jobs = self.get("jobs?status=running")
        return [j for j in jobs if j.get("description") == f"incident-checks: {layer}"]

    def busy_executors(self) -> list[str]:
        return [e["id"] for e in self.get("executors") if e["id"] != "driver" and e["activeTasks"]]


def poll(driver: Driver, process: subprocess.Popen[str], until: Any, what: str) -> Any:
    """Poll `until(driver)` (a truthy result ends it) while the gate runs, bounded."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while process.poll() is None and time.monotonic() < deadline:
        try:
            found = until(driver)
        except (OSError, ValueError, IndexError, KeyError):
            found = None  # the driver's UI is not up yet, or the job just ended
        if found:
            return found
        time.sleep(0.25)
    _, err = finish(process, timeout=60)
    pytest.fail(f"the gate ended (exit {process.returncode}) before {what}; stderr: {err[-2000:]}")


def worker_running(cluster: Cluster, app: str, executor: str) -> Daemon | None:
    """The worker whose JVM runs this executor of the application."""
    for worker in cluster.live():
        state = http_json(f"http://127.0.0.1:{worker.ui_port}/json/", timeout=5)
        for item in state.get("executors", []):
            if item.get("appid") == app and str(item.get("id")) == executor:
                return worker
    return None


def test_cluster_gives_the_same_results_as_pandas(cluster: Cluster, tmp_path: Path) -> None:
    """The shipped datasets and a generated one with planted defects, in one driver (one
    Spark application), each through the CLI's `validate`, on two workers."""
    with_workers(cluster, 2)
    synth = generate(tmp_path / "synth", 300, seed=5, defects=0.02).dataset
    datasets = {"seed": REPO / "datasets" / "seed", "reporting": REPO / "datasets" / "reporting"}
    datasets["synth"] = synth
    runs = [
        validate_args(path, tmp_path / "spark" / name, "--engine", "spark", "--master", cluster.url)
        for name, path in datasets.items()
    ]
    runner = "import json, sys; from checks.cli import main; " + (
        "print(json.dumps([main(args) for args in json.loads(sys.argv[1])]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner, json.dumps(runs)],
        env=gate_env(),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    codes = json.loads(done.stdout.strip().splitlines()[-1])
    for (name, path), code in zip(datasets.items(), codes, strict=True):
        pandas_code, pandas_doc = pandas_results(path, tmp_path / "pandas" / name)
        spark_doc = results(tmp_path / "spark" / name)
        assert (name, code) == (name, pandas_code)
        assert spark_doc == pandas_doc, f"{name}: the cluster's results.json differs"
    assert len({f["rule_id"] for f in spark_doc["findings"]}) >= 10  # the generated one


def test_losing_a_worker_mid_consistency_gives_the_same_findings(
    cluster: Cluster, tmp_path: Path
) -> None:
    """SIGKILL the worker (and its executor) running a consistency task; Spark re-runs
    the lost tasks on the other worker and the findings stay the pandas engine's."""
    with_workers(cluster, 2)
    dataset = generate(tmp_path / "synth", LOSS_INCIDENTS, seed=7, defects=0.01).dataset
    ui_port = free_port()
    process = start_gate(cluster, dataset, tmp_path / "spark", ui_port)
    driver = Driver(ui_port)
    try:

        def busy_consistency_worker(driver: Driver) -> Daemon | None:
            """The worker of a busy executor while the grouped rules' job runs."""
            jobs = [j for j in driver.running("consistency") if "consistency.py" in j["name"]]
            for executor in driver.busy_executors() if jobs else []:
                assert driver.app is not None
                worker = worker_running(cluster, driver.app, executor)
                if worker is not None:
                    return worker
            return None

        victim = poll(driver, process, busy_consistency_worker, "a consistency task ran")
        cluster.kill_worker(victim)
        assert len(cluster.live()) == 1

        def lost_tasks(driver: Driver) -> int:
            """Failed tasks of consistency jobs: those the lost executor was running."""
            jobs = driver.get("jobs")
            mine = [j for j in jobs if j.get("description") == "incident-checks: consistency"]
            return sum(j["numFailedTasks"] for j in mine)

        poll(driver, process, lost_tasks, "the loss of the worker showed as failed tasks")
        _, err = finish(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    pandas_code, pandas_doc = pandas_results(dataset, tmp_path / "pandas")
    assert process.returncode == pandas_code, err[-2000:]
    assert results(tmp_path / "spark") == pandas_doc


def test_no_worker_left_exits_2_with_one_line(cluster: Cluster, tmp_path: Path) -> None:
    """Kill every worker while the gate's first jobs run: Spark would wait for
    resources forever; the gate's watchdog cancels its jobs and exits 2."""
    with_workers(cluster, 1)
    ui_port = free_port()
    process = start_gate(cluster, REPO / "datasets" / "seed", tmp_path / "spark", ui_port)
    try:
        poll(driver := Driver(ui_port), process, lambda d: d.running("structure"), "a job ran")
        assert driver.app is not None
        for worker in cluster.live():
            cluster.kill_worker(worker)
        killed = time.monotonic()
        _, err = finish(process, timeout=EXECUTOR_WAIT + 240)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == 2, err[-2000:]
    assert time.monotonic() - killed < EXECUTOR_WAIT + 240
    assert err.count("\n") == 1, err[-2000:]
    assert "Traceback" not in err
    assert err.startswith(f"error: {cluster.url}: no Spark executor for {EXECUTOR_WAIT} s"), err
    assert results(tmp_path / "spark")["exit_code"] == 2


def test_unreachable_master_exits_2_quickly(tmp_path: Path) -> None:
    url = f"spark://127.0.0.1:{free_port()}"  # nothing listens there
    args = validate_args(REPO / "datasets" / "seed", tmp_path / "r", "--engine", "spark")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "checks", *args, "--master", url],
        env=gate_env(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"error: {url}: cannot reach the Spark master")
    assert time.monotonic() - started < 120


def test_stopping_a_cluster_leaves_no_process() -> None:
    """A cluster of its own (master and one worker): after stop(), no process carries its
    marker and no Master or Worker JVM of it is left (pgrep)."""
    cluster = start_cluster(1)
    pids = [cluster.master.pid, *(w.pid for w in cluster.workers)]
    assert processes_of(cluster.marker), "the cluster's processes should carry its marker"
    assert cluster.stop() == []
    assert processes_of(cluster.marker) == {}
    pgrep = subprocess.run(
        ["pgrep", "-f", f"incident.checks.cluster={cluster.marker}.*org.apache.spark.deploy"],
        capture_output=True,
        text=True,
    )
    assert pgrep.stdout == "", f"left behind: {pgrep.stdout}"
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()]
