"""Helpers of the sharing-service tests (imported by their conftest and test modules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from core.settings import REPO_ROOT

DATASET = "civil_affairs.subsidy_recipients"
SUBSIDY = "/api/verify/civil_affairs/subsidy_recipients"


@dataclass
class Services:
    home: Path
    url: str
    tokens: dict[str, str]
    officer: str
    extra: dict[str, Any] = field(default_factory=dict)

    def client(self, who: str | None = None) -> httpx.Client:
        headers = {}
        if who == "officer":
            headers["Authorization"] = f"Bearer {self.officer}"
        elif who is not None:
            headers["Authorization"] = f"Bearer {self.tokens[who]}"
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)


def ok(r: httpx.Response, status: int = 200) -> Any:
    """The ``result`` of a successful CKAN-style answer."""
    assert r.status_code == status, r.text
    body = r.json()
    assert body["success"] is True
    return body["result"]


def policy_copy(tmp_path: Path, **changes: dict) -> Path:
    """The bundled policy with some values changed (``section={"a.b": value}``), as a file."""
    doc = yaml.safe_load((REPO_ROOT / "policy" / "negative_list.yaml").read_text(encoding="utf-8"))
    for section, values in changes.items():
        for key, value in values.items():
            target = doc[section]
            *parents, last = key.split(".")
            for p in parents:
                target = target[p]
            target[last] = value
    out = tmp_path / "policy.yaml"
    out.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return out


def granted_demand(
    s: Services, who: str, *, fields: list[str], services: list[str], purpose: str, legal_basis: str, **answer: Any
) -> dict[str, Any]:
    """``who`` files a demand on :data:`DATASET` through the portal and the owner (civil affairs)
    grants it with ``answer``'s terms (``epsilon``, ``verify_keys``, ``calls_per_day``...): the grant."""
    from catalog import demands

    with s.client(who) as c:
        d = ok(
            c.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": fields,
                    "services": services,
                    "purpose": purpose,
                    "legal_basis": legal_basis,
                },
            ),
            201,
        )
    return demands.answer(d["id"], decision="grant", by_department="civil_affairs", actor="cli:civil_affairs", **answer)
