"""HTTP(S) sources: one checked address (:mod:`core.netguard`), a size cap and a deadline."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from core import SourceError, SourceUnavailable, get_setting
from core.netguard import check_host, display_url, pinned
from core.settings import int_setting

__all__ = ["fetch_http"]


def fetch_http(url: str, dest: Path) -> Path:
    """Download a URL to ``dest`` with a timeout and a size cap. 5xx/timeouts are retryable.

    The cap (``PUBDATA_MAX_SOURCE_BYTES``) is checked against ``Content-Length`` before reading
    and again while streaming; the whole download must finish within 20 x ``PUBDATA_HTTP_TIMEOUT``
    (a server trickling bytes never trips the per-read timeout). A partial file never stays.
    """
    target, headers, extensions = pinned(url, check_host(url))
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
