"""Key management: platform secrets, department key pairs and per-dataset data keys.

:mod:`privacy.keys.store` (the :class:`KeyStore` and its folder layout),
:mod:`privacy.keys.wrapping` (envelope encryption of data keys), :mod:`privacy.keys.files`
(0600 secret files, written atomically, shredded).
"""

from __future__ import annotations

from privacy.keys.store import DepartmentKey, KeyStore, WrapAlg

__all__ = ["DepartmentKey", "KeyStore", "WrapAlg"]
