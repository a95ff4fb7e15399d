"""The network guard: which hosts an outbound request (an HTTP source, a harvest, a webhook) may
reach, and how to connect to exactly the address that was checked.

Private, loopback, link-local (the cloud metadata address 169.254.169.254), reserved, multicast
and unspecified addresses are refused -- written as an IP literal in any form (``10.0.0.5``,
``2852039166``, ``[::ffff:169.254.169.254]``) or reached through a host name -- unless the host
is listed in ``PUBDATA_HTTP_ALLOW_PRIVATE``. :func:`check_host` resolves once and returns the
address to connect to; :func:`pinned` rewrites the URL to it, keeping the ``Host`` header and the
TLS server name, so a DNS answer that changes in between (DNS rebinding) cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlparse

from core._errors import SourceError, SourceUnavailable
from core.settings import get_setting

__all__ = ["allowed_private_hosts", "check_host", "display_url", "is_internal_address", "literal_ip", "pinned"]


def is_internal_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Private, loopback, link-local (cloud metadata 169.254.169.254), reserved, multicast or
    unspecified: addresses an HTTP source must not reach unless its host is explicitly allowed."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified


def allowed_private_hosts() -> set[str]:
    return {h.strip() for h in get_setting("PUBDATA_HTTP_ALLOW_PRIVATE").split(",") if h.strip()}


def literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as an IP literal means (also 2852039166, 0xA9FEA9FE, 0251.0376...)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if re.fullmatch(r"(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}\.?", host, re.IGNORECASE):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            return None
    return None


def display_url(url: str) -> str:
    """A URL safe to show in errors and logs: no user:password, no query string (tokens are
    often interpolated there from ${ENV} variables)."""
    try:
        parts = urlparse(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        if ":" in (parts.hostname or ""):
            host = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
        user = "***@" if parts.username or parts.password else ""
        return f"{parts.scheme}://{user}{host}{parts.path}" + ("?…" if parts.query else "")
    except ValueError:
        return "<invalid url>"


def check_host(url: str) -> str:
    """Resolve the URL's host once and check every address; returns the address to connect to
    (the download connects to exactly that address, so a DNS answer that changes between this
    check and the connection, DNS rebinding, cannot point it at an internal address)."""
    host = urlparse(url).hostname or ""
    shown = display_url(url)
    allowed = allowed_private_hosts()
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise SourceUnavailable(f"{shown}: host {host!r} cannot be resolved") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if is_internal_address(ip) and host not in allowed and str(ip) not in allowed:
            raise SourceError(
                f"{shown}: points at a private or link-local address ({ip})",
                hint="HTTP sources must be public, or the host listed in PUBDATA_HTTP_ALLOW_PRIVATE",
            )
        addresses.append(ip)
    if not addresses:
        raise SourceUnavailable(f"{shown}: host {host!r} cannot be resolved")
    return str(addresses[0])


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``url`` with its host replaced by the checked ``address``, plus the ``Host`` header and
    the TLS server name (certificates are still verified for the original host name)."""
    parts = urlparse(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if ":" in address else address
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + literal + (f":{parts.port}" if parts.port else "")
    host_header = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, extensions
