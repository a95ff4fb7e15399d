"""Print, as JSON, how the portal serves a PUBDATA_HOME's published files: run with one profile's environment.

``python tests/distributed/portal_probe.py`` — used by the distributed tests to show that the portal
reads published versions and shared variants through the profile's storage (local files, or objects
in the S3 store) with the same HTTP behaviour: full downloads whose bytes hash to the catalog's
sha256, ``Range`` (single, suffix, multiple, unsatisfiable), ``If-Range``,
``If-None-Match`` → 304, CSV/JSON streams, the dataset page (preview and version diffs),
``datastore_search``, the shared variant for the recipient's token and the bulk dump. Only
facts that are the same in both profiles are printed (no sizes, digests or times); ``diffs`` (how
each version compares with the previous one: by primary key or whole rows, read from both files;
"row counts" would mean a file could not be read) depends on how many versions were published.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile


def main() -> dict:
    import pyarrow.parquet as pq
    from fastapi.testclient import TestClient

    from catalog import tokens
    from catalog.store import connect, rows_as_dicts
    from portal import quota
    from portal import state as catalog_state
    from portal.app import create_app
    from portal.pages import _diffs

    with connect(read_only=True) as con:
        latest = rows_as_dicts(
            con.execute(
                "SELECT v.department_id, v.dataset_id, v.version, v.rows, v.sha256, v.path FROM versions v "
                "JOIN datasets d USING (department_id, dataset_id) WHERE d.open_tier = 'open' AND v.version = "
                "(SELECT max(version) FROM versions w WHERE w.department_id = v.department_id AND "
                "w.dataset_id = v.dataset_id) ORDER BY ALL"
            )
        )
    out: dict = {"datasets": {}}
    with TestClient(create_app(), base_url="http://127.0.0.1") as client:  # an allowed Host
        for v in latest:
            # one client makes a dozen downloads per dataset: each dataset starts a fresh window of the
            # anonymous download quota (the quota itself is tested in tests/portal)
            quota._COUNTS.clear()
            name = f"{v['department_id']}.{v['dataset_id']}"
            base = f"/datasets/{v['department_id']}/{v['dataset_id']}"
            url = f"{base}/download.parquet"
            full = client.get(url)
            size = len(full.content)
            etag = full.headers["etag"]
            one = client.get(url, headers={"Range": "bytes=0-3"})
            tail = client.get(url, headers={"Range": "bytes=-8"})
            multi = client.get(url, headers={"Range": "bytes=0-3,8-11"})
            if_range = client.get(url, headers={"Range": "bytes=0-3", "If-Range": etag})
            stale_if_range = client.get(url, headers={"Range": "bytes=0-3", "If-Range": '"other"'})
            csv = client.get(f"{base}/download.csv")
            rows = client.get(f"{base}/download.json").json()
            store = client.get(
                "/api/3/action/datastore_search",
                params={"resource_id": f"{v['department_id']}__{v['dataset_id']}__csv", "limit": 5},
            )
            page = client.get(base)
            d = catalog_state.current().dataset(v["department_id"], v["dataset_id"])
            assert d is not None, f"{name}: published but not in the portal's state"
            diffs = _diffs(catalog_state.current(), d)
            if diffs:
                out.setdefault("diffs", {})[name] = {
                    n: [x["by"], x["rows_added"], x["rows_removed"]] for n, x in diffs.items()
                }
            out["datasets"][name] = {
                "full": [
                    full.status_code,
                    full.headers.get("accept-ranges"),
                    hashlib.sha256(full.content).hexdigest() == v["sha256"],
                    int(full.headers["content-length"]) == size,
                    pq.read_table(io.BytesIO(full.content)).num_rows == v["rows"],
                    bool(full.headers.get("last-modified")),
                ],
                "range": [one.status_code, one.content, one.headers.get("content-range") == f"bytes 0-3/{size}"],
                "suffix": [
                    tail.status_code,
                    tail.content == full.content[-8:],
                    tail.headers.get("content-range") == f"bytes {size - 8}-{size - 1}/{size}",
                ],
                "multi": [
                    multi.status_code,
                    multi.headers.get("content-type", "").split(";")[0],
                    b"PAR1" in multi.content,
                ],
                "if_range": [if_range.status_code, stale_if_range.status_code, len(stale_if_range.content) == size],
                "unsatisfiable": client.get(url, headers={"Range": f"bytes={size + 10}-"}).status_code,
                "not_modified": client.get(url, headers={"If-None-Match": etag}).status_code,
                "csv": [csv.status_code, csv.content[:3] == b"\xef\xbb\xbf", len(csv.content.splitlines()) - 1],
                "json_rows": len(rows),
                "datastore": [store.status_code, store.json().get("result", {}).get("total")],
                "page": page.status_code,
            }
        # a shared variant, for the recipient department's token only
        quota._COUNTS.clear()
        _, token = tokens.issue("civil_affairs", note="distributed test")
        shared = client.get(
            "/api/shared/health/clinic_visits",
            params={"purpose": "medical_assistance"},
            headers={"Authorization": f"Bearer {token}"},
        )
        ranged = client.get(
            "/api/shared/health/clinic_visits",
            params={"purpose": "medical_assistance"},
            headers={"Authorization": f"Bearer {token}", "Range": "bytes=0-3"},
        )
        out["shared"] = [
            shared.status_code,
            pq.read_table(io.BytesIO(shared.content)).num_rows if shared.status_code == 200 else None,
            ranged.status_code,
            ranged.content,
            client.get("/api/shared/health/clinic_visits", params={"purpose": "medical_assistance"}).status_code,
        ]
        dump = client.get("/dump/catalog.zip")
        zf = zipfile.ZipFile(io.BytesIO(dump.content))
        out["dump"] = [dump.status_code, sorted(n.rsplit("/", 1)[0] for n in zf.namelist() if n.endswith(".parquet"))]
        out["dump_ok"] = all(
            hashlib.sha256(zf.read(f"{v['department_id']}/{v['dataset_id']}/v{v['version']}.parquet")).hexdigest()
            == v["sha256"]
            for v in latest
        )
    return out


if __name__ == "__main__":
    print(
        json.dumps(
            main(), ensure_ascii=False, default=lambda b: b.decode("latin-1") if isinstance(b, bytes) else str(b)
        )
    )
