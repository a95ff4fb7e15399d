"""Great Expectations plumbing: one ephemeral Data Context per process, quiet and offline.

``import great_expectations`` costs ~10 s, so it happens here, lazily, once.
"""

import functools
import logging
import os
import re
import threading
from typing import Any

_LOCK = threading.RLock()


@functools.cache
def gx_module():
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
        logging.getLogger(name).setLevel(logging.WARNING)
    _defer_scipy_stats()
    import great_expectations as gx

    _share_template_cache()
    _static_assets_once()
    _memoise_camel_to_snake()
    return gx


def _defer_scipy_stats() -> None:
    """GX imports ``scipy.stats`` when it is imported (~40 % of ``import great_expectations``: ~4 s
    at load 5) for three distribution expectations (KL divergence, KS tests) that call it only
    when they run, and pubdata's suites use none of them. The module is registered with the
    standard library's lazy loader instead: it is executed on the first attribute read, so an
    expectation that does use it still gets the real module."""
    import importlib.util
    import sys

    if "scipy.stats" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("scipy.stats")
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["scipy.stats"] = module
    spec.loader.exec_module(module)
    setattr(sys.modules["scipy"], "stats", module)  # noqa: B010 (``from scipy import stats`` reads it)


def _share_template_cache() -> None:
    """Data Docs views compile their Jinja templates anew for every page (each view builds its own
    Environment): ~0.1 s per template, most of a small dataset's validation. One in-memory
    bytecode cache shared by every view of the process keeps each compiled template; the pages
    rendered are the same."""
    import jinja2
    from great_expectations.render.view.view import DefaultJinjaView

    class _MemoryBytecodeCache(jinja2.BytecodeCache):
        def __init__(self) -> None:
            self.store: dict[str, bytes] = {}

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if bucket.key in self.store:
                bucket.bytecode_from_string(self.store[bucket.key])

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            self.store[bucket.key] = bucket.bytecode_to_string()

    cache = _MemoryBytecodeCache()
    init = DefaultJinjaView.__init__

    def shared_init(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.env.bytecode_cache = cache

    setattr(DefaultJinjaView, "__init__", shared_init)  # noqa: B010 (gx_module runs this once per process)


def _static_assets_once() -> None:
    """Every Data Docs build copied all of GX's static files (images, styles) into the site again
    (~0.1-0.2 s, and the styles :func:`quality.docs.make_offline` had rewritten came back with their
    remote references until the next rewrite). They are GX's own files, the same for every build:
    copied once per site and process; again if the site's ``static`` folder went away."""
    from great_expectations.data_context.store.html_site_store import HtmlSiteStore

    copy = HtmlSiteStore.copy_static_assets
    done: set[str] = set()

    def once(self: Any, static_assets_source_dir: str | None = None) -> None:
        base = getattr(self.store_backends.get("static_assets"), "full_base_directory", None)
        if static_assets_source_dir is not None or not isinstance(base, str):
            return copy(self, static_assets_source_dir)
        if base in done and os.path.isdir(os.path.join(base, "static", "images")):
            return None
        copy(self)
        done.add(base)
        return None

    setattr(HtmlSiteStore, "copy_static_assets", once)  # noqa: B010 (once per process, from gx_module)


def _memoise_camel_to_snake() -> None:
    """``Expectation.configuration`` (read ~50 times per expectation while a suite is validated)
    converts the class name to the expectation type with two regular expressions each time; the
    conversion is a pure function of the name, so it is remembered."""
    from great_expectations.expectations import expectation

    setattr(expectation, "camel_to_snake", functools.cache(expectation.camel_to_snake))  # noqa: B010 (once per process)


@functools.cache
def context():
    gx = gx_module()
    ctx = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    except Exception:  # pragma: no cover - cosmetic only
        pass
    return ctx


def ensure_site(ctx, base_directory: str) -> str:
    """A Data Docs site rooted at ``base_directory`` (ours, not the ephemeral ``local_site``)."""
    site = "pubdata_" + format(abs(hash(base_directory)) % 10**10, "d")
    sites = ctx.variables.data_docs_sites or {}
    if site not in sites:
        ctx.add_data_docs_site(
            site,
            {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": base_directory},
            },
        )
    return site


def mask_value(value: Any) -> Any:
    """Python twin of :func:`quality.suite.mask_sql` for evidence GX computed itself."""
    if value is None:
        return None
    text = str(value)
    if _MARKER.fullmatch(text):  # already masked by SQL, or a marker such as <null>
        return text
    keep = min(4, len(text) // 4)
    return text[:keep] + "*" * (len(text) - keep)


_MARKER = re.compile(r"<[a-z ]+>|.{0,4}\*+")
_EVIDENCE_KEYS = ("partial_unexpected_list", "unexpected_list")
_DROP_KEYS = ("unexpected_index_query",)


def _redact_result(res: dict, redacted: bool, capture: dict[str, list[int]] | None, rule: str | None) -> None:
    if capture is not None and rule and "unexpected_index_list" in res:
        capture[rule] = [
            int(i) if not isinstance(i, dict) else int(next(iter(i.values()))) for i in res["unexpected_index_list"]
        ]
    # never keep full lists: evidence is the partial list only
    for key in ("unexpected_list", "unexpected_index_list", *_DROP_KEYS):
        res.pop(key, None)
    if not redacted:
        return
    for key in _EVIDENCE_KEYS:
        if key in res and res[key] is not None:
            res[key] = [mask_value(v) for v in res[key]]
    for key in ("partial_unexpected_counts", "unexpected_counts"):
        if key in res and res[key] is not None:
            res[key] = [{"value": mask_value(d.get("value")), "count": d.get("count")} for d in res[key]]
    if "observed_value" in res:
        res["observed_value"] = "<redacted>"
    res.pop("details", None)


def redact(result: Any, columns: set[str], *, capture: bool) -> dict[str, list[int]]:
    """Redact the evidence of a suite's validation ``result`` (GX's ``ExpectationSuiteValidationResult``)
    in place, before it is stored or rendered: failing values of the ``columns`` (evidence columns
    of personal data, by name or by the expectation's ``column`` meta) are masked
    (``partial_unexpected_list``, counts), their observed values and details dropped, an exception
    they raised loses its message; full unexpected lists are dropped for every column.

    With ``capture``, the full failing-row index lists of custom expectations (COMPLETE results)
    are returned by rule id before they are dropped (the rows they send to the quarantine)."""
    captured: dict[str, list[int]] = {}
    for evr in result.results:
        kw = evr.expectation_config.kwargs if evr.expectation_config else {}
        cols = {kw.get(k) for k in ("column", "column_A", "column_B")}
        cols |= set(kw.get("column_list") or []) | set(kw.get("column_set") or [])
        meta = (evr.expectation_config.meta or {}) if evr.expectation_config else {}
        rule = meta.get("rule")
        hit = bool(cols & columns) or (meta.get("column") in columns)
        if evr.result:
            _redact_result(evr.result, hit, captured if (capture and meta.get("level") == "custom") else None, rule)
        if hit and (evr.exception_info or {}).get("raised_exception"):
            evr.exception_info = {
                "raised_exception": True,
                "exception_message": "<redacted>",
                "exception_traceback": None,
            }
    return captured
