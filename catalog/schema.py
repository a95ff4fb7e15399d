"""The catalog's tables, in one place: read this file to know what the catalog holds.

``DDL`` creates every table (idempotent); :func:`catalog.store.connect` runs it on every writing
connection, so an older catalog gains new tables on first use. In the distributed profile the
same DDL runs on DuckLake without its PRIMARY KEY clauses (:mod:`catalog.ducklake`).
"""

from __future__ import annotations

__all__ = ["DDL", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1

DDL = """
CREATE SCHEMA IF NOT EXISTS open;
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS departments (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, description VARCHAR,
    contact_name VARCHAR, contact_email VARCHAR, schedule VARCHAR, updated_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS datasets (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, title VARCHAR, description VARCHAR,
    theme VARCHAR, keywords VARCHAR[], update_frequency VARCHAR, license VARCHAR,
    primary_key VARCHAR[], open_tier VARCHAR, tier_rule VARCHAR, tier_basis VARCHAR,
    manifest_json VARCHAR, registered_at TIMESTAMP, updated_at TIMESTAMP,
    PRIMARY KEY (department_id, dataset_id));
CREATE TABLE IF NOT EXISTS versions (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    run_id VARCHAR NOT NULL, path VARCHAR NOT NULL, rows BIGINT, bytes BIGINT, sha256 VARCHAR,
    schema_json VARCHAR, published_at TIMESTAMP, quality_score DOUBLE, k_achieved INTEGER,
    suppressed_rows BIGINT, open_tier VARCHAR,
    PRIMARY KEY (department_id, dataset_id, version));
CREATE TABLE IF NOT EXISTS columns (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    position INTEGER, name VARCHAR, type VARCHAR, level VARCHAR, entity VARCHAR,
    action VARCHAR, method VARCHAR, reason VARCHAR, rule_id VARCHAR, published BOOLEAN);
CREATE TABLE IF NOT EXISTS release_risk (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    kind VARCHAR NOT NULL, met BOOLEAN NOT NULL, k_threshold INTEGER, l_threshold INTEGER,
    k_achieved INTEGER, max_risk DOUBLE, avg_risk DOUBLE, records_at_risk BIGINT, suppressed_rows BIGINT,
    suppressed_share DOUBLE, information_loss DOUBLE, reason VARCHAR, report_json VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (department_id, dataset_id, version));
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL,
    status VARCHAR, stage VARCHAR, message VARCHAR, input_rows BIGINT, valid_rows BIGINT,
    quarantined_rows BIGINT, quality_score DOUBLE, version INTEGER, on_time BOOLEAN,
    started_at TIMESTAMP, finished_at TIMESTAMP, summary_json VARCHAR,
    PRIMARY KEY (run_id, department_id, dataset_id));
CREATE TABLE IF NOT EXISTS classifications (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL,
    "column" VARCHAR NOT NULL, entity VARCHAR, level VARCHAR, confidence DOUBLE,
    evidence_json VARCHAR, source VARCHAR, detected_entity VARCHAR, detected_level VARCHAR,
    needs_review BOOLEAN, created_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS held_columns (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL,
    "column" VARCHAR NOT NULL, reason VARCHAR, created_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, "column" VARCHAR NOT NULL,
    entity VARCHAR, level VARCHAR NOT NULL, reviewer VARCHAR NOT NULL, reason VARCHAR NOT NULL,
    detected_entity VARCHAR, detected_level VARCHAR, created_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT PRIMARY KEY, ts VARCHAR NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL,
    subject VARCHAR, detail_json VARCHAR NOT NULL, prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, department_id VARCHAR, officer VARCHAR,
    secret_sha256 VARCHAR NOT NULL, note VARCHAR, created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP,
    revoked_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS token_scopes (
    token_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL,
    purpose VARCHAR NOT NULL, granted_by VARCHAR, application_id VARCHAR, granted_at TIMESTAMP,
    expires_at TIMESTAMP, PRIMARY KEY (token_id, department_id, dataset_id, purpose));
CREATE TABLE IF NOT EXISTS access_applications (
    id VARCHAR PRIMARY KEY, applicant VARCHAR NOT NULL, token_id VARCHAR, department_id VARCHAR NOT NULL,
    dataset_id VARCHAR NOT NULL, purpose VARCHAR NOT NULL, reason VARCHAR, contact VARCHAR, days INTEGER,
    status VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, decided_by VARCHAR, decided_at TIMESTAMP,
    decision_note VARCHAR);
CREATE TABLE IF NOT EXISTS demands (
    id VARCHAR PRIMARY KEY, requester VARCHAR NOT NULL, owner VARCHAR, department_id VARCHAR, dataset_id VARCHAR,
    description VARCHAR, fields VARCHAR[], services VARCHAR[], purpose VARCHAR NOT NULL, legal_basis VARCHAR NOT NULL,
    period_start DATE, period_end DATE, filed_by VARCHAR NOT NULL, filed_at TIMESTAMP NOT NULL, routed_at TIMESTAMP,
    due_at TIMESTAMP, status VARCHAR NOT NULL, answered_at TIMESTAMP, answered_by VARCHAR, refusal_rule VARCHAR,
    refusal_basis VARCHAR, without_basis BOOLEAN, answer_note VARCHAR, grant_id VARCHAR, response_days INTEGER);
CREATE TABLE IF NOT EXISTS grants (
    id VARCHAR PRIMARY KEY, demand_id VARCHAR, recipient VARCHAR NOT NULL, department_id VARCHAR NOT NULL,
    dataset_id VARCHAR NOT NULL, purpose VARCHAR NOT NULL, services VARCHAR[] NOT NULL, fields VARCHAR[] NOT NULL,
    mode VARCHAR NOT NULL, verify_keys VARCHAR[], verify_fields VARCHAR[], epsilon_total DOUBLE,
    epsilon_spent DOUBLE NOT NULL, calls_per_day INTEGER, granted_by VARCHAR NOT NULL, granted_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP, revoked_at TIMESTAMP, revoked_by VARCHAR, revoke_reason VARCHAR);
CREATE TABLE IF NOT EXISTS grant_calls (
    grant_id VARCHAR NOT NULL, day DATE NOT NULL, calls BIGINT NOT NULL, PRIMARY KEY (grant_id, day));
CREATE TABLE IF NOT EXISTS harvested (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, harvest_id VARCHAR NOT NULL,
    source_kind VARCHAR NOT NULL, source_portal VARCHAR NOT NULL, remote_key VARCHAR NOT NULL,
    remote_id VARCHAR, original_url VARCHAR, remote_iri VARCHAR, remote_modified VARCHAR,
    remote_organization VARCHAR, resources_json VARCHAR, data_resource_json VARCHAR,
    state VARCHAR NOT NULL, first_harvested TIMESTAMP, last_harvested TIMESTAMP,
    last_changed TIMESTAMP, withdrawn_at TIMESTAMP,
    PRIMARY KEY (department_id, dataset_id));
CREATE TABLE IF NOT EXISTS harvest_runs (
    department_id VARCHAR NOT NULL, harvest_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL,
    source_kind VARCHAR, source_portal VARCHAR, status VARCHAR NOT NULL, message VARCHAR,
    listed INTEGER, added INTEGER, changed INTEGER, unchanged INTEGER, withdrawn INTEGER,
    to_pull INTEGER, high_water VARCHAR, requests INTEGER, started_at TIMESTAMP, finished_at TIMESTAMP,
    PRIMARY KEY (department_id, harvest_id, run_id));
CREATE TABLE IF NOT EXISTS webhooks (
    id VARCHAR PRIMARY KEY, department_id VARCHAR NOT NULL, owner_department_id VARCHAR NOT NULL,
    dataset_id VARCHAR NOT NULL, url VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, created_by VARCHAR,
    last_status VARCHAR, last_delivery_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    delivery_id VARCHAR NOT NULL, webhook_id VARCHAR NOT NULL, event VARCHAR NOT NULL, dataset VARCHAR,
    attempt INTEGER NOT NULL, status_code INTEGER, ok BOOLEAN NOT NULL, error VARCHAR, duration_ms BIGINT,
    attempted_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS usage_daily (
    day DATE NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    kind VARCHAR NOT NULL, action VARCHAR NOT NULL, consumer VARCHAR NOT NULL, consumer_department VARCHAR NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, department_id, dataset_id, version, kind, action, consumer, consumer_department));
CREATE TABLE IF NOT EXISTS usage_clients (
    day DATE NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, client VARCHAR NOT NULL,
    PRIMARY KEY (day, department_id, dataset_id, client));
CREATE TABLE IF NOT EXISTS usage_unique (
    day DATE NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, clients BIGINT NOT NULL,
    PRIMARY KEY (day, department_id, dataset_id));
CREATE TABLE IF NOT EXISTS download_counts (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    format VARCHAR NOT NULL, count BIGINT NOT NULL, last_at TIMESTAMP,
    PRIMARY KEY (department_id, dataset_id, version, format));
"""
