"""Harvest source: another portal's CKAN Action API (``/api/3/action/...``), read-only.

Every request goes through :func:`warehouse.sources.http.request` (the network guard, a timeout,
a size cap). A reply that is not CKAN's JSON envelope -- a 5xx, an HTML error page, truncated
JSON -- fails the harvest with an error naming the portal, the action and what was wrong.

Incremental harvests ask only for what changed: ``package_search`` with
``fq=metadata_modified:[<last> TO *]``, paging ``rows``/``start``; the list of names
(``package_list``, or a search with ``fl=name`` when the harvest is limited to an organization
or a query) tells which datasets disappeared. A portal whose search refuses the date range
(``Search Query Error``) is read in full and compared locally.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from typing import Any

from core import SourceError, SourceUnavailable
from core.netguard import display_url
from core.settings import int_setting
from warehouse.sources.http import request
from warehouse.sources.remote import RemoteDataset, RemoteResource, http_url, normalise_format, text

__all__ = ["CkanActionError", "CkanPortal", "solr_date"]

ROWS = 1000  # CKAN's maximum page of package_search
MAX_PAGES = 1000


class CkanActionError(SourceError):
    """The portal answered CKAN's envelope with ``success: false`` (``type`` is its ``__type``)."""

    def __init__(self, message: str, *, type_: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.type = type_


class CkanPortal:
    """A remote CKAN portal at ``url`` (its root; ``.../api/3/action`` is added)."""

    def __init__(self, url: str) -> None:
        base = url.rstrip("/")
        for tail in ("/api/3/action", "/api/action", "/api/3", "/api"):
            if base.endswith(tail):
                base = base[: -len(tail)]
                break
        self.base = base
        self.shown = display_url(base)
        self.requests = 0

    def action(self, name: str, **params: Any) -> Any:
        """The ``result`` of one action (GET); ``None`` for CKAN's "Not Found Error"."""
        query = {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in params.items() if v is not None}
        self.requests += 1
        reply = request(
            f"{self.base}/api/3/action/{name}",
            params=query,
            headers={"Accept": "application/json"},
            cap=int_setting("PUBDATA_HARVEST_MAX_BYTES"),
            redirects=3,
        )
        where = f"CKAN portal {self.shown}: {name}"
        try:
            body = json.loads(reply.content)
        except (ValueError, UnicodeDecodeError):
            body = None
        if reply.status >= 500 or reply.status == 429:
            raise SourceUnavailable(
                f"{where} answered HTTP {reply.status}" + (" (an HTML error page)" if body is None else ""),
                hint="the portal is down or overloaded; retried with back-off; the last good harvest stays published",
            )
        if not isinstance(body, dict) or "success" not in body:
            what = "is not JSON" if body is None else "is JSON but not CKAN's {success, result} envelope"
            raise SourceError(
                f"{where} answered HTTP {reply.status} with a body that {what} ({len(reply.content)} bytes)",
                hint="check the url in the manifest (the portal's root, e.g. https://data.example.org); "
                "the last good harvest stays published",
            )
        if body.get("success") is True:
            return body.get("result")
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        kind = text(error.get("__type"), 60) or "error"
        if kind == "Not Found Error":
            return None
        raise CkanActionError(
            f"{where} failed: {kind}: {text(error.get('message'), 200)}".rstrip(": "),
            type_=kind,
            hint="check organization / query in the manifest; the last good harvest stays published",
        )

    def search(self, q: str = "*:*", fq: str = "", fl: str | None = None) -> Iterator[dict[str, Any]]:
        """Every package matching ``q``/``fq``, page by page (``rows``=1000, ``start``)."""
        start = 0
        for _ in range(MAX_PAGES):
            result = self.action(
                "package_search", q=q, fq=fq or None, rows=str(ROWS), start=str(start), fl=fl, sort="name asc"
            )
            if not isinstance(result, dict) or not isinstance(result.get("results"), list):
                raise SourceError(f"CKAN portal {self.shown}: package_search returned no result list")
            page = [p for p in result["results"] if isinstance(p, dict)]
            yield from page
            start += len(page)
            count = result.get("count")
            if not page or (isinstance(count, int) and start >= count):
                return
        raise SourceError(f"CKAN portal {self.shown}: package_search has more than {MAX_PAGES} pages")

    def names(self, q: str, fq: str) -> set[str]:
        """The names of every dataset in scope (deletions are the names no longer there)."""
        if q in ("", "*:*") and not fq:
            result = self.action("package_list")
            if not isinstance(result, list):
                raise SourceError(f"CKAN portal {self.shown}: package_list returned no list")
            return {n for n in result if isinstance(n, str)}
        return {p["name"] for p in self.search(q, fq, fl="name") if isinstance(p.get("name"), str)}

    def show(self, name: str) -> dict[str, Any] | None:
        result = self.action("package_show", id=name)
        return result if isinstance(result, dict) else None

    def dataset(self, pkg: dict[str, Any]) -> RemoteDataset | None:
        """A package dict as a :class:`RemoteDataset` (``None`` for one without a name)."""
        name = pkg.get("name")
        if not isinstance(name, str) or not name.strip():
            return None
        org = pkg.get("organization") if isinstance(pkg.get("organization"), dict) else {}
        resources = []
        for r in pkg.get("resources") or []:
            if not isinstance(r, dict) or r.get("state", "active") != "active":
                continue
            size = r.get("size")
            resources.append(
                RemoteResource(
                    name=text(r.get("name") or r.get("description"), 300),
                    url=http_url(r.get("url")),
                    format=normalise_format(r.get("format"), r.get("mimetype")),
                    media_type=text(r.get("mimetype"), 100) or None,
                    size=size if isinstance(size, int) and size >= 0 else None,
                    remote_id=text(r.get("id"), 100) or None,
                )
            )
        tags = [text(t.get("display_name") or t.get("name"), 100) for t in pkg.get("tags") or [] if isinstance(t, dict)]
        return RemoteDataset(
            key=text(name, 200),
            remote_id=text(pkg.get("id"), 100) or None,
            title=text(pkg.get("title"), 500) or text(name, 200),
            description=text(pkg.get("notes")),
            keywords=[t for t in tags if t][:50],
            license=text(pkg.get("license_id"), 100) or None,
            modified=text(pkg.get("metadata_modified"), 40) or None,
            url=f"{self.base}/dataset/{text(name, 200)}",
            organization=text(org.get("title") or org.get("name"), 300) or None,
            resources=resources,
        )


def solr_date(modified: str) -> str | None:
    """A remote ``metadata_modified`` as a Solr date for a range query, to the millisecond and
    rounded down (so the range still includes it); ``None`` if it is not a date."""
    try:
        when = _dt.datetime.fromisoformat(modified.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(_dt.UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
