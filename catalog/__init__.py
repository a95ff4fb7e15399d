"""The catalog: every table of the platform's metadata and all SQL on them.

DuckDB file ``$PUBDATA_HOME/catalog.duckdb`` (DuckLake in the distributed profile): departments,
datasets, versions and their disclosure records, runs, classifications and reviews, tokens and
applications, data demands and grants, the audit log, usage counters; schema ``open`` has one table
per published dataset (its latest version; views over ``s3://`` objects in the distributed profile).
Modules: :mod:`catalog.store` (connections and schema: private to this package),
:mod:`catalog.publish` (registration, runs, atomic versions), :mod:`catalog.queries` (reads),
:mod:`catalog.reviews`, :mod:`catalog.tokens`, :mod:`catalog.audit`, :mod:`catalog.scorecard`,
:mod:`catalog.usage_recorder` (use, downloads included) / :mod:`catalog.usage_stats`
(use recorded in batches, 运营评估), :mod:`catalog.harvest` (datasets harvested from other portals),
:mod:`catalog.webhooks`, :mod:`catalog.changes` (schema changes between versions),
:mod:`catalog.risk` (risk reports of releases),
:mod:`catalog.demands` / :mod:`catalog.grants` (data demands between departments and the grants
answering them), :mod:`catalog.services` (shared variants, verification and aggregate queries
under a grant).
"""

from catalog.store import (
    catalog_path,
    catalog_version,
    deferred_writes,
    ensure_catalog,
    later,
    open_view_name,
    session,
)

__all__ = [
    "catalog_path",
    "catalog_version",
    "deferred_writes",
    "ensure_catalog",
    "later",
    "open_view_name",
    "session",
]
