"""Issue 14: the security regression matrix, against the live portal.

Every endpoint that can return rows -- downloads of every version in every format, the dataset
page's preview, version diffs, ``datastore_search`` (GET and POST), shared variants and the bulk
dump -- for every tier (open, conditional, withheld, and a version whose tier differs from the
dataset's current one) x every token state (none, malformed, unknown, expired, revoked, other
department, no scope, expired scope, department revoked in the key store, and a valid scoped
token as the positive control).

The expected answer follows from one rule: a version is read under the tier it was published
under (the stricter of that and the dataset's current tier); open needs nothing, conditional
needs a live department token whose scope covers the dataset and whose department is not
revoked, withheld is never served. A refused response never carries a row.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import portal_catalog
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from catalog import tokens
from catalog.store import connect

WITHHELD_MARK = "某某科技有限公司"
SHARED_MARK = "共享-仅接收部门-0001"
PURPOSE = "p"
SCOPED = ["health.clinic_visits", "market_regulation.inspections", "market_regulation.enterprise_registry"]

#: case -> (department, dataset, version (None: latest), the version's tier, a value only its rows hold)
CASES = {
    "open": ("health", "hospitals", None, "open", "第1人民医院"),
    "open-v1": ("health", "hospitals", 1, "open", "beds"),
    "conditional": ("health", "clinic_visits", None, "conditional", portal_catalog.CONDITIONAL_MARK),
    "conditional-v1": ("health", "clinic_visits", 1, "conditional", portal_catalog.CONDITIONAL_MARK),
    "withheld": ("market_regulation", "enterprise_registry", None, "withheld", WITHHELD_MARK),
    "withheld-v1": ("market_regulation", "enterprise_registry", 1, "withheld", WITHHELD_MARK),
    "tier-changed-v1": ("market_regulation", "inspections", 1, "conditional", portal_catalog.INSPECTION_MARK),
    "tier-changed-latest": ("market_regulation", "inspections", None, "open", "J0000"),
}
LATEST = {
    "health.hospitals": 3,
    "health.clinic_visits": 2,
    "market_regulation.enterprise_registry": 2,
    "market_regulation.inspections": 2,
}
TIERS = (
    {  # (dataset, version) -> tier, for the other side of a diff
        ("health.hospitals", v): "open" for v in (1, 2, 3)
    }
    | {("health.clinic_visits", v): "conditional" for v in (1, 2)}
    | {("market_regulation.enterprise_registry", v): "withheld" for v in (1, 2)}
    | {("market_regulation.inspections", 1): "conditional", ("market_regulation.inspections", 2): "open"}
)
TOKEN_STATES = [
    "none",
    "malformed",
    "unknown",
    "expired",
    "revoked",
    "other_department",
    "no_scope",
    "scope_expired",
    "dept_revoked",
    "valid",
]
ENDPOINTS = ["download.csv", "download.json", "download.parquet", "datastore.get", "datastore.post", "diff", "preview"]
STRICT = {"open": 0, "conditional": 1, "withheld": 2}


def expected(tier: str, token: str) -> int:
    if tier == "open":
        return 200
    if tier == "withheld":
        return 403
    if token == "valid":
        return 200
    if token in ("none", "malformed", "unknown", "expired", "revoked"):
        return 401
    return 403  # authenticated, but not authorised (scope, department, revocation)


@pytest.fixture(scope="module")
def matrix_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    home = portal_catalog.build_home(tmp_path_factory.mktemp("matrix"))
    old = os.environ.get("PUBDATA_HOME")
    os.environ["PUBDATA_HOME"] = str(home)
    try:
        _second_versions(home)
        _shared_files(home)
    finally:
        if old is not None:
            os.environ["PUBDATA_HOME"] = old
    return home


def _second_versions(home: Path) -> None:
    """v2 of the conditional and the withheld dataset (so their diffs exist)."""
    visits = pq.read_table(next((home / "open" / "health" / "clinic_visits").glob("v*.parquet")))
    portal_catalog._publish(
        home / "_src", "health", "clinic_visits", "run2", visits.slice(0, 30), tier="conditional", quality=91.0
    )
    ent = pa.table(
        {"统一社会信用代码": ["91330100MA2XXXXX1A", "91330100MA2YYYYY2B"], "企业名称": [WITHHELD_MARK, "另一公司"]}
    )
    portal_catalog._publish(
        home / "_src", "market_regulation", "enterprise_registry", "run2", ent, tier="withheld", quality=81.0
    )


def _shared_files(home: Path) -> None:
    folder = home / "lake" / "shared" / "civil_affairs" / "market_regulation" / "enterprise_registry"
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"企业": [SHARED_MARK]}), folder / "subsidy_eligibility__run1.parquet")


@pytest.fixture(autouse=True)
def _in_portal_home(matrix_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from portal import quota

    monkeypatch.setenv("PUBDATA_HOME", str(matrix_home))
    monkeypatch.delenv("PUBDATA_PORTAL_URL", raising=False)
    # ~200 cases from one client: each starts a fresh quota window (the per-client quotas of
    # issue 17 are tested in tests/services), and leaves none behind for later modules
    quota._COUNTS.clear()
    yield matrix_home
    quota._COUNTS.clear()


@pytest.fixture(scope="module")
def secrets(matrix_home: Path) -> dict[str, str | None]:
    """One presented credential per token state (data endpoints)."""
    import os

    from privacy.keys import KeyStore

    old = os.environ.get("PUBDATA_HOME")
    os.environ["PUBDATA_HOME"] = str(matrix_home)
    try:

        def scoped(dept: str, **kw) -> tuple[dict, str]:
            row, token = tokens.issue(dept, **kw)
            for ds in SCOPED:
                tokens.grant(row["id"], ds, PURPOSE, by="officer:matrix")
            return row, token

        _, valid = scoped("transport")
        expired_row, expired = scoped("transport")
        revoked_row, revoked = scoped("transport")
        tokens.revoke(revoked_row["id"])
        scope_row, scope_expired = scoped("transport")
        _, other = tokens.issue("health", dataset="civil_affairs.subsidy_recipients", purpose=PURPOSE)
        _, no_scope = tokens.issue("market_regulation")
        _, dept_revoked = scoped("ecology")
        with connect() as con:
            con.execute("UPDATE tokens SET expires_at = ? WHERE id = ?", [dt.datetime(2000, 1, 1), expired_row["id"]])
            con.execute(
                "UPDATE token_scopes SET expires_at = ? WHERE token_id = ?", [dt.datetime(2000, 1, 1), scope_row["id"]]
            )
        KeyStore().revoke("ecology")
        return {
            "none": None,
            "malformed": "Bearer ' OR 1=1 --",
            "unknown": "pdt_0123456789ab_" + "z" * 43,
            "expired": expired,
            "revoked": revoked,
            "other_department": other,
            "no_scope": no_scope,
            "scope_expired": scope_expired,
            "dept_revoked": dept_revoked,
            "valid": valid,
        }
    finally:
        if old is not None:
            os.environ["PUBDATA_HOME"] = old


def _headers(secret: str | None) -> dict[str, str]:
    if secret is None:
        return {}
    return {"Authorization": secret if secret.startswith("Bearer ") else f"Bearer {secret}"}


def _combos() -> list:
    out = []
    for case, (dept, ds, version, _tier, _mark) in CASES.items():
        latest = version is None or version == LATEST[f"{dept}.{ds}"]
        for endpoint in ENDPOINTS:
            if endpoint.startswith("datastore") or endpoint == "preview":
                if not latest:
                    continue  # datastore_search and the preview read the latest version only
            for token in TOKEN_STATES:
                out.append(pytest.param(case, endpoint, token, id=f"{case}-{endpoint}-{token}"))
    return out


def _diff_pair(key: str, version: int | None) -> tuple[int, int]:
    v = version or LATEST[key]
    return (v - 1, v) if v > 1 else (v, v + 1)


@pytest.mark.parametrize("case, endpoint, token", _combos())
def test_rows_are_served_only_as_the_versions_tier_allows(
    portal, secrets, case: str, endpoint: str, token: str
) -> None:
    dept, ds, version, tier, mark = CASES[case]
    key = f"{dept}.{ds}"
    headers = _headers(secrets[token])
    base = f"{portal.url}/datasets/{dept}/{ds}"
    params = {"version": version} if version else {}
    if endpoint.startswith("download."):
        r = httpx.get(f"{base}/{endpoint}", params=params, headers=headers)
    elif endpoint == "datastore.get":
        r = httpx.get(
            f"{portal.url}/api/3/action/datastore_search",
            params={"resource_id": f"{dept}__{ds}__csv", "limit": 100},
            headers=headers,
        )
    elif endpoint == "datastore.post":
        r = httpx.post(
            f"{portal.url}/api/action/datastore_search",
            json={"resource_id": f"{dept}__{ds}__json", "limit": 100},
            headers=headers,
        )
    elif endpoint == "diff":
        old, new = _diff_pair(key, version)
        tier = max(TIERS[(key, old)], TIERS[(key, new)], key=STRICT.__getitem__)
        r = httpx.get(f"{base}/diff.json", params={"from": old, "to": new}, headers=headers)
        mark = None  # a diff carries counts, not rows
    else:  # the dataset page: its preview shows rows of the latest version when that is open
        r = httpx.get(base, headers={**headers, "Accept": "text/html"})
        assert r.status_code == 200
        shown = mark in r.text
        assert shown == (tier == "open"), f"preview of a {tier} version shown={shown}"
        for secret in (portal_catalog.CONDITIONAL_MARK, portal_catalog.INSPECTION_MARK, WITHHELD_MARK):
            if tier != "open" or secret != mark:
                assert secret not in r.text
        return
    want = expected(tier, token)
    if endpoint.startswith("datastore") and tier == "withheld":
        want = 404  # a withheld dataset has no CKAN resource at all
    assert r.status_code == want, (case, endpoint, token, r.status_code, r.text[:200])
    body = r.content if endpoint != "download.parquet" or r.status_code != 200 else b""
    if want == 200:
        if endpoint == "download.parquet":
            text = pq.read_table(io.BytesIO(r.content)).to_pandas().to_csv()
        else:
            text = r.content.decode("utf-8-sig")
        if mark:
            assert mark in text, (case, endpoint, token)
        cc = r.headers.get("cache-control", "")
        if secrets[token] is None and endpoint != "datastore.post":
            assert cc == "public, max-age=60"  # open rows, asked for anonymously: any cache may keep them
        else:  # a token was given (or a POST): never kept by a shared cache
            assert cc == "private, no-store" and "authorization" in r.headers.get("vary", "").lower()
    else:
        for secret in (portal_catalog.CONDITIONAL_MARK, portal_catalog.INSPECTION_MARK, WITHHELD_MARK):
            assert secret.encode() not in body
        assert "public" not in r.headers.get("cache-control", "")


SHARED = {
    # case -> (owner dataset, purpose, token state -> expected status)
    "clinic-to-civil_affairs": ("health/clinic_visits", "medical_assistance"),
    "registry-to-civil_affairs-revoked": ("market_regulation/enterprise_registry", "subsidy_eligibility"),
}


@pytest.fixture(scope="module")
def recipient_secrets(matrix_home: Path) -> dict[str, str | None]:
    """Token states of the recipient department (civil_affairs) for shared variants."""
    import os

    from privacy.keys import KeyStore

    old = os.environ.get("PUBDATA_HOME")
    os.environ["PUBDATA_HOME"] = str(matrix_home)
    try:
        _, valid = tokens.issue("civil_affairs")
        expired_row, expired = tokens.issue("civil_affairs")
        revoked_row, revoked = tokens.issue("civil_affairs")
        tokens.revoke(revoked_row["id"])
        with connect() as con:
            con.execute("UPDATE tokens SET expires_at = ? WHERE id = ?", [dt.datetime(2000, 1, 1), expired_row["id"]])
        _, other = tokens.issue("transport")
        _, officer = tokens.issue(officer="matrix.officer")
        # civil_affairs' access to the registry is revoked in the key store (that dataset only)
        KeyStore().revoke("civil_affairs", owner="market_regulation.enterprise_registry")
        return {
            "none": None,
            "malformed": "garbage",
            "unknown": "pdt_0123456789ab_" + "y" * 43,
            "expired": expired,
            "revoked": revoked,
            "other_department": other,
            "officer": officer,
            "valid": valid,
        }
    finally:
        if old is not None:
            os.environ["PUBDATA_HOME"] = old


@pytest.mark.parametrize(
    "case, token",
    [
        pytest.param(c, t, id=f"{c}-{t}")
        for c in SHARED
        for t in ("none", "malformed", "unknown", "expired", "revoked", "other_department", "officer", "valid")
    ],
)
def test_shared_variants_only_for_the_live_unrevoked_recipient(
    portal, recipient_secrets, case: str, token: str
) -> None:
    owner, purpose = SHARED[case]
    r = httpx.get(
        f"{portal.url}/api/shared/{owner}", params={"purpose": purpose}, headers=_headers(recipient_secrets[token])
    )
    if token in ("none", "malformed", "unknown", "expired", "revoked"):
        want = 401
    elif token == "valid" and "revoked" not in case:
        want = 200
    else:
        want = 403
    assert r.status_code == want, (case, token, r.status_code, r.text[:200])
    if want != 200:
        assert SHARED_MARK not in r.text and "V00001" not in r.text
        assert "public" not in r.headers.get("cache-control", "")
    else:
        assert "private" in r.headers["cache-control"]


@pytest.mark.parametrize("token", TOKEN_STATES)
def test_the_bulk_dump_holds_only_open_versions_whatever_the_token(portal, secrets, token: str) -> None:
    r = httpx.get(f"{portal.url}/dump/catalog.zip", headers=_headers(secrets[token]), timeout=60)
    assert r.status_code == 200
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    names = set(zf.namelist())
    assert "market_regulation/inspections/v2.parquet" in names and "health/hospitals/v3.parquet" in names
    assert not [
        n
        for n in names
        if n.endswith(".parquet") and n.startswith(("health/clinic_visits", "market_regulation/enterprise_registry"))
    ]
    assert "market_regulation/inspections/v1.parquet" not in names
    for n in names:
        data = zf.read(n)
        for secret in (portal_catalog.CONDITIONAL_MARK, portal_catalog.INSPECTION_MARK, WITHHELD_MARK):
            assert secret.encode() not in data, (n, secret)
