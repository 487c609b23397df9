"""The gate on a real Spark standalone cluster: a master and two workers, separate JVMs
started with pyspark's spark-class on 127.0.0.1 (`checks.spark.cluster`).

`nox -s spark` starts the cluster and passes its state file in $CHECKS_SPARK_CLUSTER;
without it, this module starts (and stops) its own. The gate runs as a separate
process (`--engine spark --master spark://127.0.0.1:PORT`), as a user would run it,
and its results.json must equal the pandas engine's: on the shipped datasets, on a
generated one, and after losing a worker in the middle of the consistency job. With
no worker left it exits 2 with one line, within a bounded time.

The gate's stdout and stderr go to files in tmp_path, never to a pipe the test does not
read while it watches the driver: a gate blocked on a full pipe would look like a hang.
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
from tests.spark import held_daemon

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
"""The watchdog's wait in the test that kills every worker: short, so the test is."""
STARTUP_WAIT = 300
"""The watchdog's wait in the runs that must succeed. Executors register only once their
workers have started a JVM for them, which on a fresh, busy CI machine took more than
10 s (stop 18's CI: the first run exited 2); a live worker always registers one."""
LOSS_INCIDENTS = 600
"""Enough incidents that every consistency bucket has groups (the tasks are held, so
their speed does not matter)."""


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


def gate_env(
    ui_port: int | None = None, hold: Path | None = None, executor_wait: float = STARTUP_WAIT
) -> dict[str, str]:
    """The gate's environment: loopback only, small executors, the watchdog's wait,
    the driver's UI (its REST API) when the test needs to watch the jobs, and, with
    `hold`, executors whose consistency groups wait for `hold / "release"`
    (tests/spark/held_daemon.py)."""
    conf = ["spark.executor.memory=512m"]
    if ui_port is not None:
        conf += ["spark.ui.enabled=true", f"spark.ui.port={ui_port}"]
    if hold is not None:
        conf += [
            f"spark.python.daemon.module={held_daemon.__name__}",
            f"spark.executorEnv.PYTHONPATH={REPO}",
            f"spark.executorEnv.{held_daemon.HOLD_ENV}={hold}",
        ]
    return {
        **os.environ,
        "GX_ANALYTICS_ENABLED": "False",
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_LOCAL_HOSTNAME": "127.0.0.1",
        "PYSPARK_PYTHON": sys.executable,
        "CHECKS_SPARK_CONF": " ".join(conf),
        "CHECKS_SPARK_EXECUTOR_WAIT": f"{executor_wait:g}",
    }


def validate_args(dataset: Path, reports: Path, *engine: str) -> list[str]:
    return ["validate", str(dataset), "--report-dir", str(reports), "--no-expectations", *engine]


def results(reports: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((reports / "results.json").read_text("utf-8"))
    return document


def pandas_results(dataset: Path, reports: Path) -> tuple[int, dict[str, Any]]:
    code = main(validate_args(dataset, reports))
    return code, results(reports)


class Gate:
    """`python -m checks validate DATASET --engine spark --master URL` as a process whose
    stdout and stderr are files next to its report directory."""

    def __init__(
        self,
        cluster: Cluster,
        dataset: Path,
        reports: Path,
        ui_port: int,
        hold: Path | None = None,
        executor_wait: float = STARTUP_WAIT,
    ) -> None:
        args = validate_args(dataset, reports, "--engine", "spark", "--master", cluster.url)
        reports.parent.mkdir(parents=True, exist_ok=True)
        self.out = reports.parent / f"{reports.name}.stdout"
        self.err = reports.parent / f"{reports.name}.stderr"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "checks", *args],
                env=gate_env(ui_port, hold, executor_wait),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=REPO,
            )

    def running(self) -> bool:
        return self.process.poll() is None

    def stderr(self) -> str:
        return self.err.read_text("utf-8", errors="replace")

    def finish(self, timeout: float = RUN_TIMEOUT) -> str:
        """Wait (bounded) for the gate to exit; its stderr."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"the gate did not finish within {timeout:g} s; stderr: {self.tail()}")
        return self.stderr()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)

    def tail(self) -> str:
        return self.stderr()[-2000:]


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


def poll(driver: Driver, gate: Gate, until: Any, what: str, timeout: float = RUN_TIMEOUT) -> Any:
    """Poll `until(driver)` (a truthy result ends it) while the gate runs, bounded."""
    deadline = time.monotonic() + timeout
    while gate.running() and time.monotonic() < deadline:
        try:
            found = until(driver)
        except (OSError, ValueError, IndexError, KeyError):
            found = None  # the driver's UI is not up yet, or the job just ended
        if found:
            return found
        time.sleep(0.25)
    if gate.running():
        gate.kill()
        pytest.fail(f"no {what} within {timeout:g} s; stderr: {gate.tail()}")
    pytest.fail(
        f"the gate ended (exit {gate.process.returncode}) before {what}; stderr: {gate.tail()}"
    )


def ancestors(pid: int) -> list[int]:
    """`pid` and its parents' process ids, from /proc (empty once it has exited)."""
    chain = []
    while pid > 1:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        chain.append(pid)
        pid = int(stat.rpartition(")")[2].split()[1])  # the field after the state: ppid
    return chain


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
        assert (name, code) == (name, pandas_code), done.stderr[-2000:]
        assert spark_doc == pandas_doc, f"{name}: the cluster's results.json differs"
    assert len({f["rule_id"] for f in spark_doc["findings"]}) >= 10  # the generated one


def test_losing_a_worker_mid_consistency_gives_the_same_findings(
    cluster: Cluster, tmp_path: Path
) -> None:
    """SIGKILL the worker (and its executor) running a consistency task; Spark re-runs
    the lost tasks on the other worker and the findings stay the pandas engine's.

    However fast the rules are, the task is still running when the worker dies: the
    executors' Python workers come from tests/spark/held_daemon.py, which holds every
    consistency group until the test writes `release`. The test waits until a group is
    held, kills the worker that Python worker descends from, waits until the driver
    counts the lost task as failed, and only then releases the groups."""
    with_workers(cluster, 2)
    dataset = generate(tmp_path / "synth", LOSS_INCIDENTS, seed=7, defects=0.01).dataset
    hold = tmp_path / "hold"
    hold.mkdir()
    ui_port = free_port()
    gate = Gate(cluster, dataset, tmp_path / "spark", ui_port, hold=hold)
    driver = Driver(ui_port)
    try:

        def held_worker(driver: Driver) -> Daemon | None:
            """The live worker whose executor's Python worker holds a group of the
            running consistency job."""
            workers = {w.pid: w for w in cluster.live()}
            for marker in hold.glob("held-*"):
                for pid in ancestors(held_daemon.parse(marker.name)[0]):
                    if pid in workers and driver.running("consistency"):
                        return workers[pid]
            return None

        victim = poll(driver, gate, held_worker, "consistency task held on a worker")
        lost = held_by(hold, victim)
        cluster.kill_worker(victim)
        assert len(cluster.live()) == 1

        def lost_tasks(driver: Driver) -> int:
            """Failed tasks of consistency jobs: those the lost executor was running."""
            jobs = driver.get("jobs")
            mine = [j for j in jobs if j.get("description") == "incident-checks: consistency"]
            return sum(j["numFailedTasks"] for j in mine)

        # The killed task cannot have finished: it was held. Spark must count it failed.
        poll(driver, gate, lost_tasks, "failed consistency task after the kill", timeout=300)
        (hold / held_daemon.RELEASE).touch()
        err = gate.finish()
    finally:
        (hold / held_daemon.RELEASE).touch()
        gate.kill()
    rerun = {partition for pid, partition in held(hold) if pid not in lost}
    assert set(lost.values()) <= rerun, f"tasks lost with {victim.role} did not re-run"
    pandas_code, pandas_doc = pandas_results(dataset, tmp_path / "pandas")
    assert gate.process.returncode == pandas_code, err[-2000:]
    assert results(tmp_path / "spark") == pandas_doc


def held(hold: Path) -> list[tuple[int, int]]:
    """(pid, partition) of every consistency group held so far."""
    return [held_daemon.parse(marker.name) for marker in hold.glob("held-*")]


def held_by(hold: Path, worker: Daemon) -> dict[int, int]:
    """Python worker pid -> partition of the groups held under `worker`'s executor."""
    return {pid: part for pid, part in held(hold) if worker.pid in ancestors(pid)}


def test_no_worker_left_exits_2_with_one_line(cluster: Cluster, tmp_path: Path) -> None:
    """Kill every worker while the gate's first jobs run: Spark would wait for
    resources forever; the gate's watchdog cancels its jobs and exits 2."""
    with_workers(cluster, 1)
    ui_port = free_port()
    gate = Gate(
        cluster,
        REPO / "datasets" / "seed",
        tmp_path / "spark",
        ui_port,
        executor_wait=EXECUTOR_WAIT,
    )
    try:
        poll(driver := Driver(ui_port), gate, lambda d: d.running("structure"), "job ran")
        assert driver.app is not None
        for worker in cluster.live():
            cluster.kill_worker(worker)
        killed = time.monotonic()
        err = gate.finish(timeout=EXECUTOR_WAIT + 240)
    finally:
        gate.kill()
    assert gate.process.returncode == 2, err[-2000:]
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
