"""PostgreSQL schema as numbered migrations, applied once each under an advisory lock.

Every process opening the store runs `migrate`; the transaction-level advisory lock makes
concurrent starts wait for one another, and `schema_migrations` records what is applied,
so a newer bot upgrades an older database in place and an older one never re-applies.
"""

from __future__ import annotations

from typing import Any

from bot.store.postgres_watches import WATCHES_MIGRATION

MIGRATE_LOCK = 0x6272_6266_0001  # pg advisory lock keys used by briefbot ("brbf" + purpose)
INGEST_LOCK = 0x6272_6266_0002
LEADER_LOCK = 0x6272_6266_0003

# Search vectors use the 'english' configuration (stemming like FTS5's porter tokenizer);
# texts are capped so one huge article cannot exceed tsvector's 1 MB limit.
_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    pk BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL UNIQUE,
    minhash BYTEA,
    story_id BIGINT,
    ingested_at TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', left(title, 2000)), 'A')
        || setweight(to_tsvector('english', left(text, 300000)), 'B')
    ) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_id_prefix ON articles (id text_pattern_ops);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE article_bands (band TEXT NOT NULL, article_pk BIGINT NOT NULL);
CREATE INDEX article_bands_band ON article_bands (band);

CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    article_pk BIGINT NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue TEXT,
    paragraph INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    tsv_text TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', left(text, 100000))) STORED,
    tsv_all TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('english', left(text, 100000)) || to_tsvector('english', left(sentence, 100000))
    ) STORED
);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE INDEX quotes_article ON quotes (article_pk);
CREATE INDEX quotes_tsv_text ON quotes USING gin (tsv_text);
CREATE INDEX quotes_tsv_all ON quotes USING gin (tsv_all);

CREATE TABLE figures (
    id BIGSERIAL PRIMARY KEY,
    article_pk BIGINT NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    unit TEXT,
    qualifier TEXT,
    topic TEXT,
    claimant TEXT,
    base_value DOUBLE PRECISION,
    base_unit TEXT,
    referent TEXT,
    paragraph INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('english', left(sentence, 100000)) || to_tsvector('english', left(surface, 2000))
    ) STORED
);
CREATE INDEX figures_topic ON figures (topic);
CREATE INDEX figures_article ON figures (article_pk);
CREATE INDEX figures_tsv ON figures USING gin (tsv);

CREATE TABLE stories (
    id BIGSERIAL PRIMARY KEY,
    first_published TEXT NOT NULL,
    last_published TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    terms TEXT NOT NULL DEFAULT '{}',
    summary TEXT,
    summary_size INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last ON stories (last_published);
CREATE TABLE story_terms (
    term TEXT NOT NULL, last_published TEXT NOT NULL, story_id BIGINT NOT NULL,
    PRIMARY KEY (term, last_published, story_id)
);
CREATE INDEX story_terms_story ON story_terms (story_id);
CREATE TABLE term_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL);

CREATE TABLE schedules (
    id BIGSERIAL PRIMARY KEY,
    place TEXT NOT NULL,
    platform TEXT NOT NULL,
    time_of_day TEXT NOT NULL,
    timezone TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX schedules_place ON schedules (platform, place, active);
-- The idempotency record: inserting the row IS the claim to post that day's digest.
CREATE TABLE deliveries (
    schedule_id BIGINT NOT NULL,
    local_date TEXT NOT NULL,
    place TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'claimed',
    token TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 1,
    claimed_at TEXT NOT NULL,
    delivered_at TEXT,
    covered_until TEXT,
    error TEXT,
    PRIMARY KEY (schedule_id, local_date)
);
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    etag TEXT,
    modified TEXT,
    added_by TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    last_polled TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    seen TEXT NOT NULL DEFAULT '[]'
);
"""

# 2: watches and alerts (issue 23; renumber at merge if another migration took 2)
MIGRATIONS: list[tuple[int, str]] = [(1, _V1), (2, WATCHES_MIGRATION)]

# The search indexes, by name: a bulk import drops and rebuilds them (far quicker than
# growing them row by row).
GIN_INDEXES = {
    "articles_tsv": "articles USING gin (tsv)",
    "quotes_tsv_text": "quotes USING gin (tsv_text)",
    "quotes_tsv_all": "quotes USING gin (tsv_all)",
    "figures_tsv": "figures USING gin (tsv)",
}


async def migrate(conn: Any) -> list[int]:
    """Apply every migration this database lacks, in order, in one transaction; returns the new ones."""
    applied: list[int] = []
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATE_LOCK)
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        have = {r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")}
        for version, sql in MIGRATIONS:
            if version in have:
                continue
            await conn.execute(sql)
            await conn.execute("INSERT INTO schema_migrations (version) VALUES ($1)", version)
            applied.append(version)
    return applied
