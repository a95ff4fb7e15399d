"""Offline defaults for the libraries the platform builds on, set once on first import of
:mod:`core` (every package imports it before any third-party library that would reach out).

* ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=""``: Presidio's e-mail recognizer uses ``tldextract``,
  which reads this when imported and otherwise downloads the public-suffix list.
* ``GX_ANALYTICS_ENABLED=False``: Great Expectations' usage statistics.

An explicit value in the environment wins (``setdefault``).
"""

from __future__ import annotations

import os

DEFAULTS = {"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "GX_ANALYTICS_ENABLED": "False"}

for _name, _value in DEFAULTS.items():
    os.environ.setdefault(_name, _value)
