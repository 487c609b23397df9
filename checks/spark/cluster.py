"""A Spark standalone cluster on this machine, for the tests and `nox -s spark`.

A master and N workers, each a separate JVM started with the `spark-class` script the
pyspark package ships (no Spark installation needed), bound to 127.0.0.1 on free ports
chosen at run time, each in its own process group. Every wait is bounded. `stop()`
kills each process group, then any process still carrying the cluster's marker in its
environment (the workers' executors and their Python daemons inherit it), and reports
what, if anything, survived.

    python -m checks.spark.cluster start --workers 2 --state build/spark-cluster.json
    python -m checks.spark.cluster stop --state build/spark-cluster.json

`start` returns once the master lists every worker as alive and leaves the cluster
running; `stop` tears it down and exits 1 if any of its processes remains.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
MARKER_ENV = "INCIDENT_CHECKS_CLUSTER"
"""Set in every cluster process's environment (inherited by executors and their Python)."""
START_TIMEOUT = 180.0
"""Seconds for the master or a worker to come up (JVM start-up is slow on a busy machine)."""
STOP_TIMEOUT = 20.0
MASTER_CLASS = "org.apache.spark.deploy.master.Master"
WORKER_CLASS = "org.apache.spark.deploy.worker.Worker"


class ClusterError(RuntimeError):
    """The cluster did not start (or stop) within its bound; the message says why."""


@dataclass(slots=True)
class Daemon:
    """One master or worker JVM: its process (group) id, ports and log."""

    role: str
    pid: int
    port: int
    ui_port: int
    log: str


@dataclass(slots=True)
class Cluster:
    """A running standalone cluster (serialisable to a state file)."""

    marker: str
    root: str
    python: str
    master: Daemon
    workers: list[Daemon] = field(default_factory=list)
    cores: int = 1
    memory: str = "1g"

    @property
    def url(self) -> str:
        """The master URL for `--master`."""
        return f"spark://{HOST}:{self.master.port}"

    @property
    def ui(self) -> str:
        """The master's web UI (its /json lists the workers)."""
        return f"http://{HOST}:{self.master.ui_port}"

    def state(self) -> dict[str, Any]:
        """The master's JSON status (workers, applications)."""
        return http_json(f"{self.ui}/json", timeout=5.0)

    def alive_workers(self) -> list[dict[str, Any]]:
        """Workers the master lists as ALIVE."""
        workers: list[dict[str, Any]] = self.state().get("workers", [])
        return [w for w in workers if w.get("state") == "ALIVE"]

    def live(self) -> list[Daemon]:
        """Workers whose JVM is still running."""
        return [w for w in self.workers if _running(w.pid)]

    def add_worker(self, timeout: float = START_TIMEOUT, state: Path | None = None) -> Daemon:
        """Start one more worker and wait until the master lists it as alive (and record
        it in the `state` file, if given, as soon as it is started)."""
        index = len(self.workers) + 1
        port, ui_port = free_port(), free_port()
        work = Path(self.root) / f"worker-{index}"
        work.mkdir(parents=True, exist_ok=True)
        args = [WORKER_CLASS, "--host", HOST, "--port", str(port), "--webui-port", str(ui_port)]
        args += ["--cores", str(self.cores), "--memory", self.memory, "--work-dir", str(work)]
        worker = self._spawn(f"worker-{index}", [*args, self.url], port, ui_port)
        self.workers.append(worker)
        if state is not None:
            self.save(state)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_running(worker)
            with contextlib.suppress(OSError, ValueError):
                if any(w.get("port") == port for w in self.alive_workers()):
                    return worker
            time.sleep(0.5)
        raise ClusterError(f"{worker.role} did not register within {timeout:g} s; see {worker.log}")

    def kill_worker(self, worker: Daemon, timeout: float = STOP_TIMEOUT) -> None:
        """SIGKILL a worker's process group (the worker and its executor JVMs) and wait
        (bounded) until the master no longer lists it as alive."""
        _killpg(worker.pid, signal.SIGKILL)
        _reap(worker.pid, timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError, ValueError):
                if all(w.get("port") != worker.port for w in self.alive_workers()):
                    return
            time.sleep(0.5)
        raise ClusterError(f"the master still lists {worker.role} as alive after {timeout:g} s")

    def stop(self, timeout: float = STOP_TIMEOUT) -> list[str]:
        """Kill every process of the cluster; return the command lines of any survivor."""
        daemons = [*self.workers, self.master]
        for daemon in daemons:
            _killpg(daemon.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout / 2
        while time.monotonic() < deadline and any(_group_alive(d.pid) for d in daemons):
            time.sleep(0.2)
        for daemon in daemons:
            _killpg(daemon.pid, signal.SIGKILL)
        deadline = time.monotonic() + timeout / 2
        while time.monotonic() < deadline:
            for daemon in daemons:
                _reap(daemon.pid, 0)
            left = processes_of(self.marker)
            for pid in left:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            if not left:
                break
            time.sleep(0.2)
        survivors = list(processes_of(self.marker).values())
        if not survivors:
            shutil.rmtree(self.root, ignore_errors=True)
        return survivors

    def save(self, path: Path) -> None:
        """Write the state file that `load` and `python -m checks.spark.cluster stop` read."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Cluster:
        """A cluster from its state file."""
        data = json.loads(path.read_text(encoding="utf-8"))
        data["master"] = Daemon(**data["master"])
        data["workers"] = [Daemon(**w) for w in data["workers"]]
        return cls(**data)

    def _spawn(self, role: str, args: list[str], port: int, ui_port: int) -> Daemon:
        log = Path(self.root) / f"{role}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(
                [str(spark_class()), *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.root,
                env=self._environment(),
                start_new_session=True,  # its own process group, killed as one
            )
        return Daemon(role=role, pid=process.pid, port=port, ui_port=ui_port, log=str(log))

    def _environment(self) -> dict[str, str]:
        root = Path(self.root)
        (root / "conf").mkdir(exist_ok=True)
        return {
            **os.environ,
            MARKER_ENV: self.marker,
            "SPARK_HOME": str(spark_class().parent.parent),
            "SPARK_CONF_DIR": str(root / "conf"),  # empty: no user's spark-defaults.conf
            "SPARK_LOG_DIR": str(root),
            "SPARK_LOCAL_IP": HOST,
            "SPARK_LOCAL_HOSTNAME": HOST,
            "SPARK_DAEMON_MEMORY": "256m",
            "SPARK_DAEMON_JAVA_OPTS": f"-Dincident.checks.cluster={self.marker}",
            "PYSPARK_PYTHON": self.python,
        }

    def _check_running(self, daemon: Daemon) -> None:
        if not _running(daemon.pid):
            raise ClusterError(f"{daemon.role} exited while starting; see {daemon.log}")


def start_cluster(
    workers: int = 2,
    *,
    cores: int = 1,
    memory: str = "1g",
    python: str | None = None,
    timeout: float = START_TIMEOUT,
    state: Path | None = None,
) -> Cluster:
    """Start a master and `workers` workers; stop whatever started if any part fails.

    With `state`, the state file is written after each process starts, so an
    interrupted start still leaves `stop` a record of what to kill."""
    root = tempfile.mkdtemp(prefix="incident-checks-spark-")
    marker = uuid.uuid4().hex
    port, ui_port = free_port(), free_port()
    placeholder = Daemon("master", -1, port, ui_port, str(Path(root) / "master.log"))
    python = python or sys.executable
    cluster = Cluster(marker, root, python, placeholder, cores=cores, memory=memory)
    try:
        args = [MASTER_CLASS, "--host", HOST, "--port", str(port), "--webui-port", str(ui_port)]
        cluster.master = cluster._spawn("master", args, port, ui_port)
        if state is not None:
            cluster.save(state)
        deadline = time.monotonic() + timeout
        while True:
            cluster._check_running(cluster.master)
            with contextlib.suppress(OSError, ValueError):
                if cluster.state().get("status") == "ALIVE":
                    break
            if time.monotonic() > deadline:
                raise ClusterError(f"the master did not come up within {timeout:g} s")
            time.sleep(0.5)
        for _ in range(workers):
            cluster.add_worker(timeout, state)
    except BaseException:
        cluster.stop()
        if state is not None:
            state.unlink(missing_ok=True)
        raise
    return cluster


def spark_class() -> Path:
    """The `bin/spark-class` script inside the installed pyspark package."""
    import pyspark

    script = Path(pyspark.__file__).parent / "bin" / "spark-class"
    if not script.is_file():
        raise ClusterError(f"pyspark ships no {script}")
    return script


def free_port() -> int:
    """A TCP port nothing listens on right now (on 127.0.0.1)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def http_json(url: str, timeout: float) -> dict[str, Any]:
    """GET a JSON document (loopback only), within `timeout` seconds."""
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError(f"not a loopback URL: {url}")
    with urllib.request.urlopen(url, timeout=timeout) as response:
        data: dict[str, Any] = json.loads(response.read().decode("utf-8"))
        return data


def processes_of(marker: str) -> dict[int, str]:
    """pid -> command line of every process with the marker in its environment or
    command line (the daemons, their executors and the executors' Python workers)."""
    found: dict[int, str] = {}
    needle = marker.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if needle in command or needle in environ:
            found[int(entry.name)] = command.replace(b"\0", b" ").decode(errors="replace")
    return found


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    _reap(pid, 0)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError, IndexError):
        return status.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _group_alive(pgid: int) -> bool:
    if pgid <= 0:
        return False
    _reap(pgid, 0)
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _killpg(pgid: int, sig: signal.Signals) -> None:
    if pgid > 0:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, sig)


def _reap(pid: int, timeout: float) -> None:
    """Collect a child's exit status (no zombie), waiting at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # not our child (another process started it) or reaped
            return
        if done or time.monotonic() >= deadline:
            return
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.spark.cluster")
    parser.add_argument("command", choices=("start", "stop"))
    parser.add_argument("--state", type=Path, required=True, help="the cluster's state file")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.command == "start":
        try:
            cluster = start_cluster(args.workers, state=args.state)
        except ClusterError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"spark cluster: {cluster.url} ({len(cluster.workers)} workers), ui {cluster.ui}")
        return 0
    if not args.state.is_file():
        print(f"no cluster state at {args.state}; nothing to stop")
        return 0
    cluster = Cluster.load(args.state)
    survivors = cluster.stop()
    args.state.unlink()
    if survivors:
        print(f"error: {len(survivors)} cluster process(es) survived:", file=sys.stderr)
        for command in survivors:
            print(f"  {command[:200]}", file=sys.stderr)
        return 1
    print(f"spark cluster {cluster.url} stopped; no process left")
    return 0


if __name__ == "__main__":
    sys.exit(main())
