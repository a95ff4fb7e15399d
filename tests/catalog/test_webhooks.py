"""Webhooks: a department that receives a dataset registers a URL; on each new version the
platform POSTs a signed JSON payload (HMAC-SHA256 over timestamp + body); failures are retried and
recorded; the secret lives in the key store, never in the catalog."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import CannedServer

from cli.main import main


@pytest.fixture
def receivers() -> Iterator[tuple[CannedServer, CannedServer]]:
    with CannedServer(204) as good, CannedServer(500) as bad:
        yield good, bad


def cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_receiving_department_gets_a_signed_payload_for_each_new_version(
    fresh_home: Path, receivers, capsys, monkeypatch
) -> None:
    from catalog.publish import register_department
    from catalog.webhooks import deliveries, list_webhooks, sign
    from orchestration.pipeline import run_dataset
    from warehouse.manifest import load_department_by_id

    monkeypatch.setenv("PUBDATA_PORTAL_URL", "https://data.example.gov.cn")
    good, bad = receivers
    for dept in ("civil_affairs", "ecology", "health"):
        register_department(load_department_by_id(dept))
    assert run_dataset("transport", "bus_stops", "run1")["version"] == 1

    # who may register: a department receiving the dataset; a public or loopback URL
    code, out = cli(capsys, "webhooks", "add", "--department", "civil_affairs", "--dataset", "transport.bus_stops",
                    "--url", good.url + "/hook?token=abc")  # fmt: skip
    assert code == 0, out
    secret = bytes.fromhex(out.split("shown once; keep it with the receiver): ")[1].split()[0])
    code, out = cli(capsys, "webhooks", "add", "--department", "ecology", "--dataset", "health.clinic_visits",
                    "--url", good.url + "/hook?token=abc")  # fmt: skip
    assert code == 2 and "does not receive health.clinic_visits" in out
    code, out = cli(capsys, "webhooks", "add", "--department", "civil_affairs", "--dataset", "health.clinic_visits",
                    "--url", good.url + "/hook?token=abc")  # fmt: skip
    assert code == 0, out  # shared with civil_affairs in the owner's manifest
    code, out = cli(capsys, "webhooks", "add", "--department", "ecology", "--dataset", "transport.bus_stops",
                    "--url", "http://10.0.0.5/hook")  # fmt: skip
    assert code == 2 and "private" in out
    code, out = cli(capsys, "webhooks", "add", "--department", "ecology", "--dataset", "transport.bus_stops",
                    "--url", bad.url + "/hook?token=abc")  # fmt: skip
    assert code == 0
    # the secret is in the key store (0600), not in the catalog
    hook = next(w for w in list_webhooks("civil_affairs") if w["dataset_id"] == "bus_stops")
    key_file = fresh_home / "keys" / "webhooks" / f"{hook['id']}.key"
    assert key_file.read_bytes() == secret and key_file.stat().st_mode & 0o777 == 0o600
    assert secret not in (fresh_home / "catalog.duckdb").read_bytes()
    assert "token=abc" not in json.dumps(list_webhooks(), default=str)

    # a new version: one signed POST to the good receiver
    t0 = time.time()
    assert run_dataset("transport", "bus_stops", "run2")["version"] == 2
    assert len(good.requests) == 1
    _, headers, body = good.requests[0]
    assert headers["x-pubdata-event"] == "version.published"
    ts = headers["x-pubdata-timestamp"]
    assert abs(int(ts) - t0) < 600
    expected = "sha256=" + hmac.new(secret, ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["x-pubdata-signature"], expected)
    assert headers["x-pubdata-signature"] != sign(
        secret, str(int(ts) + 1), body
    )  # a replayed body with a new time fails
    payload = json.loads(body)
    assert payload["dataset"] == {"department": "transport", "id": "bus_stops", "name": "transport__bus_stops",
                                  "title": payload["dataset"]["title"]}  # fmt: skip
    assert payload["version"]["number"] == 2 and payload["breaking"] is False
    assert (
        payload["links"]["parquet"]
        == "https://data.example.gov.cn/datasets/transport/bus_stops/download.parquet?version=2"
    )
    assert payload["delivery"] == headers["x-pubdata-delivery"]
    import pyarrow.parquet as pq

    stops = pq.read_table(next((fresh_home / "open" / "transport" / "bus_stops").glob("v000002.parquet")))
    assert not [v for v in stops.column("stop_name").to_pylist()[:50] if v and v in body.decode()]  # no data values

    # the failing receiver: 1 + PUBDATA_WEBHOOK_RETRIES attempts, each recorded; the publish went on
    assert len(bad.requests) == 3
    failing = next(w for w in list_webhooks("ecology"))
    rows = deliveries(failing["id"])
    assert [(r["attempt"], r["status_code"], r["ok"]) for r in rows] == [
        (1, 500, False),
        (2, 500, False),
        (3, 500, False),
    ]
    assert failing["last_status"].startswith("failed after 3 attempt(s): HTTP 500")
    assert [r["ok"] for r in deliveries(hook["id"])] == [True]

    # removed: no more deliveries, the secret is shredded
    code, out = cli(capsys, "webhooks", "remove", "--id", hook["id"])
    assert code == 0 and not key_file.exists()
    code, out = cli(capsys, "webhooks", "list", "--json")
    assert hook["id"] not in out
