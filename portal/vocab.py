"""The portal's vocabularies (``portal/data/vocabularies.yaml``): themes, update frequencies, open
tiers, download formats and licences, with their Chinese titles and the EU / IANA identifiers
DCAT-AP uses. Read once; pages, the CKAN API and DCAT-AP all take them from here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from portal.paths import HERE

__all__ = ["EU", "EU_VOCABULARIES", "IANA", "vocab"]

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
EU_VOCABULARIES: Path = HERE / "data" / "eu-vocabularies.ttl"


@functools.cache
def vocab() -> dict[str, Any]:
    with open(HERE / "data" / "vocabularies.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def titles(kind: str) -> dict[str, str]:
    """``{code: Chinese title}`` of ``themes``, ``frequencies`` or ``tiers``."""
    return {k: v["title"] for k, v in vocab()[kind].items()}
