"""Bad manifests: each fails with an error naming the file, the dataset and the field and saying
what to do; nothing is read from a forbidden place; the last good version stays published; a
broken manifest never hides the other departments' DAGs."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from harness import BASE_MANIFEST, DEPT, DS, catalog_rows, clone_base, sha256, versions_intact

from core import ManifestError, PubdataError, SourceError


def ds(m: dict) -> dict:
    return m["datasets"][0]


def _http(url: str):
    return lambda m: ds(m).update(source={"type": "http", "url": url})


MANIFEST_CASES = [
    # name, tweak, expected error class, words that must appear (file, dataset, field, what)
    (
        "missing_columns",
        lambda m: ds(m).pop("columns"),
        ManifestError,
        ("reliab.yaml", f"dataset '{DS}'", "'columns'", "Field required"),
    ),
    ("missing_title", lambda m: ds(m).pop("title"), ManifestError, ("reliab.yaml", "'title'", "Field required")),
    ("missing_contact", lambda m: m.pop("contact"), ManifestError, ("reliab.yaml", "'contact'")),
    (
        "duplicate_dataset_ids",
        lambda m: m["datasets"].append(copy.deepcopy(ds(m))),
        ManifestError,
        ("reliab.yaml", f"duplicate dataset ids ['{DS}']"),
    ),
    (
        "duplicate_column_names",
        lambda m: ds(m)["columns"].append({"name": "名称"}),
        ManifestError,
        ("reliab.yaml", "duplicate column names ['名称']"),
    ),
    (
        "unknown_source_type",
        lambda m: ds(m).update(source={"type": "ftp", "path": "x"}),
        ManifestError,
        ("reliab.yaml", "'source'", "ftp"),
    ),
    ("unknown_field_typo", lambda m: ds(m).update(colums=[]), ManifestError, ("reliab.yaml", "colums", "Extra inputs")),
    (
        "invalid_column_type",
        lambda m: ds(m)["columns"][2].update(type="money"),
        ManifestError,
        ("reliab.yaml", "columns[2].type"),
    ),
    (
        "invalid_schedule_text",
        lambda m: m.update(schedule="every day"),
        ManifestError,
        ("reliab.yaml", "'schedule'", "cron"),
    ),
    (
        "invalid_schedule_range",
        lambda m: m.update(schedule="99 99 * * *"),
        ManifestError,
        ("reliab.yaml", "'schedule'", "out of range"),
    ),
    (
        "path_with_dotdot",
        lambda m: ds(m)["source"].update(path="../../etc/passwd"),
        ManifestError,
        ("reliab.yaml", "source.path", "'..'"),
    ),
    (
        "path_absolute_outside_roots",
        lambda m: ds(m)["source"].update(path="/etc/passwd"),
        ManifestError,
        ("reliab.yaml", "source.path", "outside the allowed source roots", "PUBDATA_SOURCE_ROOTS"),
    ),
    (
        "http_private_address",
        _http("http://10.0.0.5/export.csv"),
        ManifestError,
        ("reliab.yaml", "source.url", "private", "PUBDATA_HTTP_ALLOW_PRIVATE"),
    ),
    (
        "http_link_local_metadata",
        _http("http://169.254.169.254/latest/meta-data/"),
        ManifestError,
        ("reliab.yaml", "source.url", "169.254.169.254"),
    ),
    (
        "http_decimal_encoded_ip",
        _http("http://2852039166/latest/meta-data/"),
        ManifestError,
        ("reliab.yaml", "169.254.169.254"),
    ),
    ("http_ipv6_link_local", _http("http://[fe80::1]/x.csv"), ManifestError, ("reliab.yaml", "fe80::1")),
    (
        "http_ipv4_mapped_ipv6",
        _http("http://[::ffff:169.254.169.254]/x.csv"),
        ManifestError,
        ("reliab.yaml", "source.url"),
    ),
    ("http_not_http", _http("file:///etc/passwd"), ManifestError, ("reliab.yaml", "http://")),
    (
        "missing_env_variable",
        _http("https://data.example.gov.cn/${RELIAB_TOKEN_UNSET}/x.csv"),
        ManifestError,
        ("reliab.yaml", "${RELIAB_TOKEN_UNSET}", "export RELIAB_TOKEN_UNSET"),
    ),
]


def _assert_last_good_version_stays(base: dict, home: Path) -> None:
    assert catalog_rows("SELECT max(version) FROM versions") == [(1,)]
    assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"') == [(base["rows"],)]
    assert sha256(home / base["path"]) == base["sha256"] and versions_intact(home) == []


def _run(env, monkeypatch, manifest: dict, run_id: str) -> PubdataError:
    env.activate(monkeypatch)
    env.write_manifest(manifest)
    from orchestration.pipeline import run_dataset

    with pytest.raises(PubdataError) as info:
        run_dataset(DEPT, DS, run_id)
    return info.value


@pytest.mark.reliability("manifest")
@pytest.mark.parametrize("name, tweak, kind, words", MANIFEST_CASES, ids=[c[0] for c in MANIFEST_CASES])
def test_bad_manifest(name, tweak, kind, words, base, tmp_path, monkeypatch, case_record) -> None:
    env = clone_base(base, tmp_path / "case")
    m = copy.deepcopy(BASE_MANIFEST)
    tweak(m)
    err = _run(env, monkeypatch, m, f"manifest_{name}")
    case_record.outcome = "clear_error"
    assert isinstance(err, kind), f"{type(err).__name__}: {err}"
    text = f"{err} {err.hint}"
    for w in words:
        assert w in text, f"{w!r} not in: {text}"
    assert err.hint
    assert not (env.home / "landing" / DEPT / DS / f"manifest_{name}").exists() or not any(
        (env.home / "landing" / DEPT / DS / f"manifest_{name}").iterdir()
    ), "something was fetched"
    _assert_last_good_version_stays(base, env.home)
    # the broken manifest becomes a failing DAG of its own; a good department next to it still loads
    good = copy.deepcopy(BASE_MANIFEST)
    good["id"] = "reliabok"
    env.write_manifest(good)
    from warehouse.manifest import load_all

    ok, broken = load_all(env.depts)
    assert [d.id for d in ok] == ["reliabok"] and len(broken) == 1


@pytest.mark.reliability("manifest")
def test_duplicate_department_ids(base, tmp_path, monkeypatch, case_record) -> None:
    env = clone_base(base, tmp_path / "case")
    env.activate(monkeypatch)
    env.write_manifest(copy.deepcopy(BASE_MANIFEST))
    (env.depts / f"{DEPT}.yml").write_text(yaml.safe_dump(BASE_MANIFEST, allow_unicode=True), encoding="utf-8")
    from warehouse.manifest import load_all

    good, broken = load_all(env.depts)
    case_record.outcome = "clear_error"
    assert [d.id for d in good] == [DEPT]
    [(path, err)] = broken.items()
    assert path.name == f"{DEPT}.yml" and f"department id '{DEPT}' is used by another manifest" in str(err)


@pytest.mark.reliability("manifest")
def test_symlink_leaving_the_source_roots_is_refused_at_extract(base, tmp_path, monkeypatch, case_record) -> None:
    env = clone_base(base, tmp_path / "case")
    secret = tmp_path / "outside.csv"
    secret.write_text("编号,名称\n1,机密\n", encoding="utf-8")
    (env.src / DEPT / "records.csv").symlink_to(secret)
    err = _run(env, monkeypatch, copy.deepcopy(BASE_MANIFEST), "manifest_symlink")
    case_record.outcome = "clear_error"
    assert isinstance(err, SourceError) and "outside the allowed source roots" in str(err) and err.hint
    assert (
        not list((env.home / "landing").rglob("outside.csv"))
        and not (env.home / "landing" / DEPT / DS / "manifest_symlink").exists()
    )
    _assert_last_good_version_stays(base, env.home)


@pytest.mark.reliability("manifest")
def test_hostname_resolving_to_a_private_address_is_refused_at_extract(
    base, tmp_path, monkeypatch, case_record
) -> None:
    env = clone_base(base, tmp_path / "case")
    monkeypatch.setenv("PUBDATA_HTTP_ALLOW_PRIVATE", "nothing.invalid")  # "" means the default
    m = copy.deepcopy(BASE_MANIFEST)
    ds(m)["source"] = {"type": "http", "url": "http://localhost:9/export.csv"}
    err = _run(env, monkeypatch, m, "manifest_dns_private")
    case_record.outcome = "clear_error"
    assert type(err) is SourceError, "a refused address must not be retried"
    assert "private or link-local address (127.0.0.1)" in str(err) and "PUBDATA_HTTP_ALLOW_PRIVATE" in err.hint
    _assert_last_good_version_stays(base, env.home)
