"""E-mail addresses (entity EMAIL): Presidio's :class:`EmailRecognizer` with an ASCII pattern
that also works beside Chinese characters (``邮箱abc@example.com``) and its offline
``tldextract`` validation (set ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=""`` first: see
:mod:`privacy.engine`). :func:`is_org_mailbox` tells organisation mailboxes (``office@``,
``*.gov.cn``...) from personal ones."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from privacy.recognizers._base import FLAGS, LANGUAGE, CellRecognizer

_ORG_LOCAL = re.compile(
    r"^(?:info|office|service|services|contact|admin|support|hr|jobs|webmaster|press|news|bgs|xxgk|"
    r"zwgk|xfb|xf|ban|zhb|kefu|kf|master|postmaster|mail|email|tousu|jubao|feedback|sales|market|"
    r"hotline|zsb|zb|xzb|jwc|yb|zfxxgk|public|gongkai|dangban|db)\d*@",
    re.I,
)
_ORG_DOMAIN = re.compile(r"@(?:[\w\-]+\.)*(?:gov\.cn|edu\.cn|org\.cn|ac\.cn|gov|edu)$", re.I)


def is_org_mailbox(value: str) -> bool:
    v = value.strip()
    return bool(_ORG_LOCAL.match(v) or _ORG_DOMAIN.search(v))


class EmailAddressRecognizer(CellRecognizer, EmailRecognizer):
    ENTITY = "EMAIL"
    PATTERN = (
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
    )
    MASKED = (r"[A-Za-z0-9._%+\-]{0,3}\*{2,}[A-Za-z0-9._%+\-]{0,3}@[A-Za-z0-9\-.]+\.[A-Za-z]{2,24}",)

    def __init__(self) -> None:
        EmailRecognizer.__init__(
            self,
            patterns=[Pattern("email", self.PATTERN, 0.5)],
            context=["邮箱", "email", "电子邮件"],
            supported_language=LANGUAGE,
            supported_entity=self.ENTITY,
            name=type(self).__name__,
        )
        self.global_regex_flags = FLAGS
        self._compile_cells([self.PATTERN])

    def validate_result(self, pattern_text: str) -> bool:
        return EmailRecognizer.validate_result(self, pattern_text)
