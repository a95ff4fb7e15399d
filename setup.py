"""Build of the one native helper (``privacy._hmac``, HMAC-SHA256 in batches); everything else is
declared in pyproject.toml. ``optional=True``: without a C compiler the install still succeeds
and keyed pseudonyms fall back to DuckDB SQL (same values, slower; see privacy/deid/pseudonym.py)."""

from setuptools import Extension, setup

setup(
    ext_modules=[Extension("privacy._hmac", ["privacy/_hmac.c"], optional=True, extra_compile_args=["-O3", "-std=c11"])]
)
