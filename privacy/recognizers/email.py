"""E-mail addresses (entity EMAIL): an ASCII pattern that also works beside Chinese characters
(``邮箱abc@example.com``), validated like Presidio's ``EmailRecognizer`` (the domain must end in
a public suffix) against the public-suffix snapshot shipped with ``tldextract`` (read as a file:
offline, no import of tldextract). :func:`is_org_mailbox` tells organisation mailboxes
(``office@``, ``*.gov.cn``...) from personal ones."""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from privacy.recognizers._base import CellRecognizer

_ORG_LOCAL = re.compile(
    r"^(?:info|office|service|services|contact|admin|support|hr|jobs|job|webmaster|press|news|bgs|xxgk|"
    r"zwgk|xfb|xf|ban|zhb|kefu|kf|master|postmaster|mail|email|tousu|jubao|feedback|sales|market|"
    r"hotline|zsb|zb|xzb|jwc|yb|zfxxgk|public|gongkai|dangban|db|bangong|bgshi|zhengwu|service_?center|"
    r"hello|enquiries|enquiry|inquiry|marketing|pr|media|recruit|zhaopin|zhaosheng|tougao|editor|bianji|"
    r"secretary|mishu|wangzhan|web|it|fuwu|xinxi|xxzx|dzb|zzb|xcb|rsc|cwc|bgt|jgdw|ywc)[0-9_.\-]*@",
    re.I,
)
_ORG_DOMAIN = re.compile(r"@(?:[\w\-]+\.)*(?:gov\.cn|edu\.cn|org\.cn|ac\.cn|gov|edu|mil|int)$", re.I)
_PATTERN = (
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)


def is_org_mailbox(value: str) -> bool:
    v = value.strip()
    return bool(_ORG_LOCAL.match(v) or _ORG_DOMAIN.search(v))


@functools.cache
def public_suffixes() -> frozenset[str]:
    """Top-level labels of the public-suffix list snapshot (``com``, ``cn``, ``中国``...)."""
    spec = importlib.util.find_spec("tldextract")
    tlds: set[str] = set()
    if spec is not None and spec.submodule_search_locations:
        snapshot = Path(next(iter(spec.submodule_search_locations))) / ".tld_set_snapshot"
        try:
            for line in snapshot.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("//"):
                    tlds.add(line.rsplit(".", 1)[-1].lstrip("!*").lower())
        except OSError:
            pass
    return frozenset(tlds or {"com", "cn", "net", "org", "edu", "gov", "io", "info"})


class EmailAddressRecognizer(CellRecognizer):
    ENTITY = "EMAIL"
    PATTERNS = (("email", _PATTERN, 0.5),)
    CELL_PATTERNS = (r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}",)
    CONTEXT = ("邮箱", "email", "电子邮件")
    MASKED = (r"[A-Za-z0-9._%+\-]{0,3}\*{2,}[A-Za-z0-9._%+\-]{0,3}@[A-Za-z0-9\-.]+\.[A-Za-z]{2,24}",)

    def validate_result(self, pattern_text: str) -> bool:
        domain = pattern_text.rsplit("@", 1)[-1].lower()
        return "." in domain and domain.rsplit(".", 1)[-1] in public_suffixes()
