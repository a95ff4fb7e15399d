"""HTTP(S) sources: one checked address (:mod:`core.netguard`), a size cap and a deadline.

:func:`fetch_http` streams a source to a file; :func:`request` is the same guard for small
replies kept in memory (catalog pages of a harvest, webhook deliveries).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from core import SourceError, SourceUnavailable, get_setting
from core.netguard import check_host, display_url, pinned
from core.settings import int_setting

__all__ = ["Reply", "fetch_http", "request"]

USER_AGENT = "pubdata-harvest/0.2 (+https://github.com/pubdata)"


def fetch_http(url: str, dest: Path) -> Path:
    """Download a URL to ``dest`` with a timeout and a size cap. 5xx/timeouts are retryable.

    The cap (``PUBDATA_MAX_SOURCE_BYTES``) is checked against ``Content-Length`` before reading
    and again while streaming; the whole download must finish within 20 x ``PUBDATA_HTTP_TIMEOUT``
    (a server trickling bytes never trips the per-read timeout). A partial file never stays.
    """
    target, headers, extensions = pinned(url, check_host(url))
    headers["User-Agent"] = USER_AGENT
    shown = display_url(url)
    cap = int_setting("PUBDATA_MAX_SOURCE_BYTES")
    timeout = float(get_setting("PUBDATA_HTTP_TIMEOUT"))
    deadline = time.monotonic() + 20 * timeout
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=False) as client,
            client.stream("GET", target, headers=headers, extensions=extensions) as resp,
        ):
            if resp.status_code >= 500:
                raise SourceUnavailable(
                    f"{shown}: server answered HTTP {resp.status_code}",
                    hint="retried with back-off; if it persists, contact the department",
                )
            if resp.status_code != 200:
                raise SourceError(
                    f"{shown}: server answered HTTP {resp.status_code}", hint="check the URL in the manifest"
                )
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise SourceError(
                    f"{shown}: reply declares {int(declared)} bytes, more than the "
                    f"{cap} allowed (PUBDATA_MAX_SOURCE_BYTES)",
                    hint="raise PUBDATA_MAX_SOURCE_BYTES or ask the department for a smaller export",
                )
            size = 0
            with open(tmp, "wb") as fh:
                for chunk in resp.iter_bytes():  # as received (decoded: a compressed bomb hits the cap too)
                    size += len(chunk)
                    if size > cap:
                        raise SourceError(
                            f"{shown}: reply exceeds {cap} bytes (PUBDATA_MAX_SOURCE_BYTES); download stopped",
                            hint="raise PUBDATA_MAX_SOURCE_BYTES or ask the department for a smaller export",
                        )
                    if time.monotonic() > deadline:
                        raise SourceUnavailable(
                            f"{shown}: download did not finish within {20 * timeout:g} s ({size} bytes received)",
                            hint="the server is too slow; retried with back-off",
                        )
                    fh.write(chunk)
    except httpx.TimeoutException:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(
            f"{shown}: timed out after {timeout:g} s",
            hint="retried with back-off; raise PUBDATA_HTTP_TIMEOUT if the server is slow",
        ) from None
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(
            f"{shown}: {exc.__class__.__name__} (connection failed or reply cut short)", hint="retried with back-off"
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dest)
    return dest


@dataclass
class Reply:
    """A whole reply kept in memory (never more than the caller's cap)."""

    status: int
    headers: dict[str, str]
    content: bytes
    url: str  # after the redirects followed

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def request(
    url: str,
    *,
    method: str = "GET",
    params: dict[str, str] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    cap: int,
    timeout: float | None = None,
    redirects: int = 0,
) -> Reply:
    """One request through the network guard: the host is checked and pinned (at every redirect
    hop too, so a redirect to a private address is refused), the reply is read up to ``cap``
    bytes within 20 x the timeout. Timeouts and connection failures raise
    :class:`SourceUnavailable`; any HTTP status is returned to the caller to judge."""
    import time
    from urllib.parse import urlencode, urljoin

    import httpx

    timeout = float(get_setting("PUBDATA_HTTP_TIMEOUT")) if timeout is None else timeout
    deadline = time.monotonic() + 20 * timeout
    if params:
        url = url + ("&" if "?" in url else "?") + urlencode(params)
    for _hop in range(redirects + 1):
        target, pin_headers, extensions = pinned(url, check_host(url))
        shown = display_url(url)
        sent = {"User-Agent": USER_AGENT, **(headers or {}), **pin_headers}
        try:
            with (
                httpx.Client(timeout=timeout, follow_redirects=False) as client,
                client.stream(method, target, content=body, headers=sent, extensions=extensions) as resp,
            ):
                location = resp.headers.get("location")
                if resp.status_code in (301, 302, 303, 307, 308) and location and _hop < redirects:
                    url = urljoin(url, location)
                    if resp.status_code == 303:
                        method, body = "GET", None
                    continue
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise SourceError(
                        f"{shown}: reply declares {int(declared)} bytes, more than the {cap} allowed",
                        hint="raise PUBDATA_HARVEST_MAX_BYTES if the catalog is really that large",
                    )
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise SourceError(
                            f"{shown}: reply exceeds {cap} bytes; stopped reading",
                            hint="raise PUBDATA_HARVEST_MAX_BYTES if the catalog is really that large",
                        )
                    if time.monotonic() > deadline:
                        raise SourceUnavailable(f"{shown}: reply did not finish within {20 * timeout:g} s")
                    chunks.append(chunk)
                return Reply(resp.status_code, dict(resp.headers), b"".join(chunks), url)
        except httpx.TimeoutException:
            raise SourceUnavailable(f"{shown}: timed out after {timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise SourceUnavailable(
                f"{shown}: {exc.__class__.__name__} (connection failed or reply cut short)"
            ) from None
    raise SourceError(
        f"{display_url(url)}: more than {redirects} redirect(s)", hint="use the final URL in the manifest"
    )
