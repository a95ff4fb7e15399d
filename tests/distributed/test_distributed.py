"""The distributed profile, for real on loopback (``make test-distributed``; ``PUBDATA_DISTRIBUTED=1``).

One module, in order (each test depends on the previous):

1. the cluster comes up in a fresh ``PUBDATA_HOME`` (PostgreSQL, Redis, SeaweedFS, Airflow's
   API server, scheduler and DAG processor, two Celery workers), every service on 127.0.0.1;
2. every demo department's DAG is triggered through Airflow's REST API and runs on the Celery
   workers; tasks ran on both workers;
3. the lake (landing copies, raw, valid, quarantine, classified, protected, shared variants) and
   the published versions are objects in the S3 bucket (listed there), the catalog's views read
   ``s3://`` URIs, and PUBDATA_HOME holds none of it on local disk;
4. the same departments run with the local profile (embedded default) from the same sources and
   keys; published tables (rows, compared sorted), disclosure records and quality scores are equal;
5. all DAGs are triggered again and one worker's process group is SIGKILLed while its tasks
   run: every run still succeeds (Airflow's heartbeat timeout + retry on the surviving worker),
   with nothing duplicated (one version per run, one run row per dataset run, no duplicate
   rows, an intact audit chain);
6. the portal serves the published versions and shared variants from the object store as it
   does local files (full downloads matching the catalog's sha256, ``Range``, ``If-Range``,
   ``ETag``/304, CSV/JSON, datastore_search, version diffs, the bulk dump);
7. the cluster is torn down (every service stopped by its own process group id).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.distributed,
    pytest.mark.skipif(
        os.environ.get("PUBDATA_DISTRIBUTED") != "1",
        reason="distributed profile: run `make test-distributed` (PUBDATA_DISTRIBUTED=1)",
    ),
]

STATE: dict = {}


def _needs(key: str, step: str) -> Any:
    """What an earlier test of this module left in STATE. The tests run in order and build on each
    other: when an earlier one broke, the later ones fail saying so (a skip would hide it)."""
    if key not in STATE:
        pytest.fail(f"{step} did not complete (its failure is reported above); this test depends on it", pytrace=False)
    return STATE[key]


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The inherited environment without any AIRFLOW*/PUBDATA_* (the test session sets its own)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AIRFLOW", "PUBDATA_", "PYTEST")) and k not in ("PYTHONPATH",)
    }
    env.update(PUBDATA_HOME=str(home), PYTHONPATH=str(REPO), PATH=f"{BIN}:{env.get('PATH', '')}", **extra)
    return env


def _cluster_env(home: Path) -> dict[str, str]:
    from orchestration.cluster import read_env_file

    env = _clean_env(home)
    env.update(read_env_file(home / "cluster" / "env"))
    return env


def _snapshot(env: dict[str, str], script: str = "snapshot.py") -> dict:
    out = subprocess.run(
        [sys.executable, str(REPO / "tests" / "distributed" / script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def _api(home: Path):
    from orchestration.cluster import AirflowAPI

    return AirflowAPI(_cluster_env(home))


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module")
def cluster_home(tmp_path_factory: pytest.TempPathFactory):
    # not under pytest's private temp folder: PostgreSQL runs as the `postgres` user and must keep
    # reaching its data folder (pytest re-tightens the permissions of its own base folder)
    home = Path(os.environ.get("PUBDATA_DISTRIBUTED_HOME") or tempfile.mkdtemp(prefix="pubdata-distributed-")) / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = _clean_env(home, PUBDATA_RETRY_DELAY="3")
    up = subprocess.run(
        [str(BIN / "pubdata"), "cluster", "up"], env=env, cwd=REPO, capture_output=True, text=True, timeout=900
    )
    print(up.stdout[-4000:])
    try:
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        yield home
    finally:
        down = subprocess.run(
            [str(BIN / "pubdata"), "cluster", "down"], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
        )
        print(down.stdout[-3000:])
        STATE["down"] = down
        if not os.environ.get("PUBDATA_DISTRIBUTED_HOME"):
            shutil.rmtree(home.parent, ignore_errors=True)


def test_cluster_up_on_loopback(cluster_home: Path) -> None:
    env = _cluster_env(cluster_home)
    status = subprocess.run(
        [str(BIN / "pubdata"), "cluster", "status"], env=env, cwd=REPO, capture_output=True, text=True, timeout=60
    )
    print(status.stdout)
    assert status.returncode == 0
    for name in ("postgres", "redis", "seaweedfs", "api-server", "scheduler", "dag-processor", "worker-1", "worker-2"):
        assert f"{name} " in status.stdout and "stopped" not in next(
            line for line in status.stdout.splitlines() if line.startswith(name + " ")
        ), status.stdout
    # every listener of the cluster's processes is on the loopback interface
    pids = {
        int((cluster_home / "cluster" / "run" / p).read_text())
        for p in os.listdir(cluster_home / "cluster" / "run")
        if p.endswith(".pid")
    }
    ss = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True)
    assert ss.returncode == 0, f"ss (iproute2) lists the listening sockets: {ss.stderr}"
    ours = 0
    for line in ss.stdout.splitlines():
        procs = [int(x.split("=")[1]) for x in line.split("users:")[-1].split(",") if x.startswith("pid=")]
        if any(_pgid(p) in pids for p in procs):
            ours += 1
            local = line.split()[3]
            assert local.startswith(("127.0.0.1:", "[::1]:", "[::ffff:127.0.0.1]:")), line
    assert ours >= 4, f"only {ours} listening sockets of the cluster's services were found"
    # secrets: the env file is private, and nothing secret is in the repo
    assert (cluster_home / "cluster" / "env").stat().st_mode & 0o077 == 0
    secret = _cluster_env(cluster_home)["PUBDATA_LAKE_SECRET"]
    # the whole working tree (bar the virtualenv and git's objects); exit status 1 = no match, 2 = an error
    found = subprocess.run(
        ["grep", "-rqF", "--exclude-dir=.venv", "--exclude-dir=.git", secret, str(REPO)], capture_output=True, text=True
    )
    assert secret and found.returncode == 1, (
        found.stderr or "the cluster's lake secret is written inside the repository"
    )


def _pgid(pid: int) -> int:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return -1


def test_demo_departments_run_across_the_workers(cluster_home: Path) -> None:
    from orchestration.cluster import wait_for_dags

    api = _api(cluster_home)
    expected = sorted(f"dept_{p.stem}" for p in (REPO / "departments").glob("*.yaml"))
    wait_for_dags(api, expected)
    t0 = time.time()
    runs = {d: api.trigger(d) for d in expected}
    states = api.wait(runs, timeout=1200, poll=3)
    STATE["first_run_seconds"] = time.time() - t0
    print(f"all {len(runs)} department DAGs in {STATE['first_run_seconds']:.0f} s: {states}")
    assert set(states.values()) == {"success"}, states
    STATE["runs1"] = runs
    # tasks ran in both workers' process groups (the TI's process id names its worker)
    for i in (1, 2):
        text = (cluster_home / "cluster" / "logs" / f"worker-{i}.log").read_text(errors="replace")
        assert "dept_" in text, f"worker-{i} ran no task"
    snap = _snapshot(_cluster_env(cluster_home))
    assert snap["profile"] == "distributed"
    STATE["dist1"] = snap


def test_lake_and_published_versions_are_in_the_object_store(cluster_home: Path) -> None:
    from warehouse.lake import run_slug
    from warehouse.manifest import load_department

    snap = _needs("dist1", "the distributed run (test_demo_departments_run_across_the_workers)")
    bucket = _cluster_env(cluster_home)["PUBDATA_LAKE_BUCKET"]
    # the snapshot listed these keys in the bucket through pyarrow's S3 filesystem
    assert snap["where"] == f"{bucket}/", snap["where"]
    objects = snap["objects"]
    print(f"objects in s3://{bucket}/: " + ", ".join(f"{len(v)} under {k}/" for k, v in objects.items()))
    # every published version is an object, read back (and by the catalog's view) through s3://
    assert snap["versions"]
    for v in snap["versions"]:
        assert v["path"] in objects["open"], v
        assert (
            snap["tables"][f"{v['department_id']}.{v['dataset_id']}.v{v['version']}"]["uri"]
            == f"s3://{bucket}/{v['path']}"
        )
    # the catalog's open.* are views over the versions' s3:// URIs (a local catalog copies into tables)
    latest = {f"{v['department_id']}__{v['dataset_id']}": v for v in snap["versions"]}
    assert set(snap["open_relations"]) == set(latest)
    for name, (kind, sql) in snap["open_relations"].items():
        assert kind == "view" and f"s3://{bucket}/{latest[name]['path']}" in sql, (name, kind, sql)
    # every stage's output of every run is an object
    shares = {
        (d.id, ds.id): ds.sharing
        for d in map(load_department, sorted((REPO / "departments").glob("*.yaml")))
        for ds in d.datasets
    }
    quarantined = 0
    for r in snap["runs"]:
        run, stem = run_slug(r["run_id"]), f"{r['department_id']}/{r['dataset_id']}"
        assert any(k.startswith(f"landing/{stem}/{run}/") for k in objects["landing"]), (stem, run)
        expected = [
            f"lake/raw/{stem}/{run}.parquet",
            f"lake/valid/{stem}/{run}.parquet",
            f"lake/classified/{stem}/{run}.json",
            f"lake/classified/{stem}/{run}.decision.json",
        ]
        if r["status"] == "published":
            expected.append(f"lake/protected/{stem}/{run}.parquet")
            expected += [
                f"lake/shared/{s.department}/{stem}/{s.purpose}__{run}.parquet"
                for s in shares[(r["department_id"], r["dataset_id"])]
            ]
        for key in expected:
            assert key in objects["lake"], key
        quarantined += f"lake/quarantine/{stem}/{run}.parquet" in objects["lake"]
    assert quarantined and any(k.startswith("lake/shared/") for k in objects["lake"])
    # ... and none of it is on local disk: no lake folders, no Parquet under PUBDATA_HOME but the
    # demo departments' own source files
    for zone in ("landing", "lake", "open"):
        assert not (cluster_home / zone).exists(), zone
    stray = [
        os.path.join(d, f)
        for d, _, files in os.walk(cluster_home)
        for f in files
        if f.endswith(".parquet") and not Path(d).is_relative_to(cluster_home / "sources")
    ]
    assert not stray, stray


def test_same_results_as_the_local_profile(cluster_home: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    dist = _needs("dist1", "the distributed run (test_demo_departments_run_across_the_workers)")
    local_home = tmp_path_factory.mktemp("local") / "home"
    local_home.mkdir()
    (local_home / "sources").symlink_to(cluster_home / "sources", target_is_directory=True)
    cenv = _cluster_env(cluster_home)
    env = _clean_env(
        local_home,
        PUBDATA_PROFILE="local",
        PUBDATA_KEYS_DIR=str(cluster_home / "keys"),
        # the same keys, but another catalog: its own file of signed audit checkpoints (one file per
        # catalog, core.settings), else its checkpoints would contradict the cluster catalog's log
        PUBDATA_AUDIT_CHECKPOINTS=str(local_home / "audit-checkpoints.jsonl"),
        PUBDATA_DEMO_SOURCE_PORT=cenv["PUBDATA_DEMO_SOURCE_PORT"],
        PUBDATA_RETRY_DELAY="1",
    )
    run = subprocess.run([str(BIN / "pubdata"), "run"], env=env, cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    local = _snapshot(env)
    assert local["profile"] == "local"
    STATE["local_env"] = env

    def key(rows, *drop):
        return [{k: v for k, v in r.items() if k not in drop} for r in rows]

    # the same published tables: the same datasets and versions, row counts and contents (sorted)
    assert key(dist["versions"], "run_id", "path", "sha256") == key(local["versions"], "run_id", "path", "sha256")
    assert {k: (t["rows"], t["distinct"], t["digest"]) for k, t in dist["tables"].items()} == {
        k: (t["rows"], t["distinct"], t["digest"]) for k, t in local["tables"].items()
    }
    assert dist["view_counts"] == local["view_counts"]
    # the same disclosure records and open tiers
    assert dist["columns"] == local["columns"]
    assert dist["datasets"] == local["datasets"]

    # the same quality scores (and row routing) per dataset run
    def q(s):
        return sorted(
            (
                r["department_id"],
                r["dataset_id"],
                r["status"],
                r["quality_score"],
                r["input_rows"],
                r["valid_rows"],
                r["quarantined_rows"],
                r["version"],
            )
            for r in s["runs"]
        )

    assert q(dist) == q(local)
    assert dist["audit"]["ok"] and local["audit"]["ok"]


def test_a_worker_killed_mid_run_loses_nothing(cluster_home: Path) -> None:
    first_runs = _needs("runs1", "the distributed run (test_demo_departments_run_across_the_workers)")
    env = _cluster_env(cluster_home)
    api = _api(cluster_home)
    runs = {d: api.trigger(d) for d in sorted(first_runs)}
    victim = "worker-1"
    pgid = int((cluster_home / "cluster" / "run" / f"{victim}.pid").read_text())
    # wait until the victim runs a task (an Airflow task runner under its supervisor), then SIGKILL
    # its process group and the task runners' groups at once (what a machine failure looks like)
    deadline = time.time() + 300
    while time.time() < deadline:
        if _task_runners(pgid):
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"{victim} never ran a task")
    out = subprocess.run(
        [str(BIN / "pubdata"), "cluster", "kill", victim], env=env, cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stdout + out.stderr
    killed_at = time.time()
    print(out.stdout.strip(), "while it ran a task")
    assert not any(_pgid(p) == pgid for p in map(int, filter(str.isdigit, os.listdir("/proc"))))
    states = api.wait(runs, timeout=1500, poll=3)
    print(f"runs finished {time.time() - killed_at:.0f} s after the kill: {states}")
    assert set(states.values()) == {"success"}, states
    retried = [
        (d, t["task_id"], t["try_number"])
        for d, r in runs.items()
        for t in api.task_instances(d, r)
        if t["try_number"] > 1
    ]
    print(f"task instances retried after the kill: {retried}")
    assert retried, "the killed worker's task was not retried"
    snap = _snapshot(env)
    first = _needs("dist1", "the distributed run (test_demo_departments_run_across_the_workers)")
    # nothing duplicated: exactly one new version per dataset, one version per run, one run row each
    n_ds = len({(v["department_id"], v["dataset_id"]) for v in first["versions"]})
    assert len(snap["versions"]) == 2 * n_ds, snap["versions"]
    pairs = [(v["department_id"], v["dataset_id"], v["version"]) for v in snap["versions"]]
    assert len(pairs) == len(set(pairs))
    run_ids = [(v["department_id"], v["dataset_id"], v["run_id"]) for v in snap["versions"]]
    assert len(run_ids) == len(set(run_ids))
    run_keys = [(r["run_id"], r["department_id"], r["dataset_id"]) for r in snap["runs"]]
    assert len(run_keys) == len(set(run_keys))
    assert {r["status"] for r in snap["runs"]} <= {"published", "withheld"}
    for name, t in snap["tables"].items():
        v1 = first["tables"][name.rsplit(".v", 1)[0] + ".v1"]
        assert (t["rows"], t["digest"]) == (v1["rows"], v1["digest"]), name  # the same content as run 1
    assert snap["audit"]["ok"] and snap["audit"]["entries"] == snap["audit"]["distinct_seq"], json.dumps(snap["audit"])
    # the killed worker comes back and the cluster is whole again
    cl_env = dict(env)
    out = subprocess.run(
        [str(BIN / "pubdata"), "cluster", "start-worker", victim],
        env=cl_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_portal_serves_the_object_store_like_local_files(cluster_home: Path) -> None:
    local_env = _needs("local_env", "the local profile's run (test_same_results_as_the_local_profile)")
    dist = _snapshot(_cluster_env(cluster_home), "portal_probe.py")
    local = _snapshot(local_env, "portal_probe.py")
    print(json.dumps(dist, ensure_ascii=False)[:2000])
    assert dist["datasets"] and dist["datasets"] == local["datasets"]
    for name, d in dist["datasets"].items():
        assert d["full"] == [200, "bytes", True, True, True, True], name  # bytes hash to the catalog's sha256
        assert d["range"] == [206, "PAR1", True] and d["suffix"] == [206, True, True], name
        assert d["multi"] == [206, "multipart/byteranges", True] and d["if_range"] == [206, 200, True], name
        assert (d["unsatisfiable"], d["not_modified"]) == (416, 304), name
    assert dist["shared"] == local["shared"] and dist["shared"][0] == 200 and dist["shared"][2:] == [206, "PAR1", 401]
    assert dist["dump"] == local["dump"] and dist["dump_ok"] and local["dump_ok"]
    # after the second run every dataset has two versions: each diff read both objects (equal content)
    assert dist.get("diffs") and all(
        by != "row counts" and added == removed == 0
        for diffs in dist["diffs"].values()
        for by, added, removed in diffs.values()
    )


def _task_runners(pgid: int) -> list[int]:
    """Airflow task runner processes ("airflow worker -- <ti>") started under a worker's group."""
    from orchestration.cluster import service_tree

    out = []
    for pid in service_tree(pgid):
        try:
            if Path(f"/proc/{pid}/cmdline").read_bytes().startswith(b"airflow worker -- "):
                out.append(pid)
        except OSError:
            pass
    return out


def test_cluster_down_stops_every_service(cluster_home: Path) -> None:
    env = _cluster_env(cluster_home)
    down = subprocess.run(
        [str(BIN / "pubdata"), "cluster", "down"], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
    )
    print(down.stdout)
    assert down.returncode == 0
    assert not list((cluster_home / "cluster" / "run").glob("*.pid"))
    for port in (int(env["AIRFLOW__API__PORT"]), int(env["PUBDATA_LAKE_ENDPOINT"].rsplit(":", 1)[1])):
        assert _port_free(port), port
    shutil.rmtree(cluster_home / "cluster" / "seaweedfs" / "data", ignore_errors=True)
