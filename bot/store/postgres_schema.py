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

# Issue 20 (ingest): which dates the source gave, which extractor version made each
# article's quotes and figures (for `briefbot reindex`), and search without boilerplate
# (articles stored before keep theirs searchable: this backend kept no boilerplate flags). Old stores wrote the indexing time
# as the date of undated articles, a moment before ingested_at: those are marked unknown.
_V2_INGEST_INTEGRITY = """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_known INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS quotes_version TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS figures_version TEXT NOT NULL DEFAULT '';
UPDATE articles SET published_known = 0
WHERE CASE WHEN published ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'
            AND ingested_at ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'
      THEN abs(extract(epoch FROM (published::timestamptz - ingested_at::timestamptz))) <= 2
      ELSE false END;
-- What search indexes: the text without its boilerplate sentences (blanked at ingest).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_end INTEGER;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_text TEXT;
ALTER TABLE articles DROP COLUMN tsv;
ALTER TABLE articles ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', left(title, 2000)), 'A')
    || setweight(to_tsvector('english', left(coalesce(search_text, left(text, search_end), text), 300000)), 'B')
) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
"""

# Issue 20 (digests): resume a multi-part digest after the parts already posted, with the
# digest as first built; cover articles by what was indexed (articles.pk), not by date alone.
# Self-contained (IF NOT EXISTS): renumber freely when merging beside other migrations.
_V_DIGEST_PARTS = """
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS parts_posted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS reply TEXT;
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS indexed_through BIGINT;
"""

# Migration 4, "search candidates": /search ranks the newest SEARCH_CANDIDATES matches.
# Two ways to find them, chosen by the caller from what the words are, because the planner
# cannot tell them apart (it does not count the cost of reading each article's search
# vector out of TOAST, and a prepared statement's generic plan does not know the words):
# - briefbot_newest_matches: through the GIN index, then the newest by pk. Its cost grows
#   with the number of matches (no vector is read): right for all but the commonest words,
#   where a walk from the newest article would read nearly every vector before finding
#   enough.
# - briefbot_newest_matches_common: the walk from the newest article, testing each vector;
#   for words in most articles ("said", "year") it stops after little more than n.
# The SET clauses hold inside each function only (and keep it from being inlined). A query
# of stop words only ("the") is empty in the 'english' configuration: numnode(q) = 0 ends
# either function at once instead of walking every article for nothing.
_V2_SEARCH_CANDIDATES = """
CREATE OR REPLACE FUNCTION briefbot_newest_matches(q tsquery, n integer)
RETURNS TABLE (pk bigint, tsv tsvector)
LANGUAGE sql STABLE
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT a.pk, a.tsv FROM articles a WHERE numnode(q) > 0 AND a.tsv @@ q
    ORDER BY a.pk DESC LIMIT n
$$;

CREATE OR REPLACE FUNCTION briefbot_newest_matches_common(q tsquery, n integer)
RETURNS TABLE (pk bigint, tsv tsvector)
LANGUAGE sql STABLE
SET enable_seqscan = off
SET enable_bitmapscan = off
AS $$
    SELECT a.pk, a.tsv FROM articles a WHERE numnode(q) > 0 AND a.tsv @@ q
    ORDER BY a.pk DESC LIMIT n
$$;
"""

# Migration 6, "search path by frequency": how /search finds the newest n matches is chosen
# by how many articles the planner expects to match (its estimate from ANALYZE's most
# common lexemes, one EXPLAIN), not by whether the words are clustering stop words ("really"
# is one, in 5% of articles, where a walk from the newest reads ~20 vectors per match).
# - over half the articles ("said"): migration 4's walk from the newest article;
# - more than 2n: the GIN bitmap ANDed with the newest articles expected to hold ~2n matches
#   (a pk range), so only those rows are fetched, then older matches if too few were there.
#   Measured at 97k articles on "players" (19k matches): 5 ms, against 61 ms fetching every
#   match and 28 ms walking;
# - else every match through the GIN index (migration 4).
# Index scans are off for the windowed query only: the planner would walk the pk index
# (reading each article's vector) under ORDER BY pk LIMIT. VOLATILE because it runs EXPLAIN.
# Self-contained: renumber freely.
_V_SEARCH_PATH_BY_FREQUENCY = """
CREATE OR REPLACE FUNCTION briefbot_newest_matches_auto(q tsquery, n integer)
RETURNS TABLE (pk bigint, tsv tsvector)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    total float8;
    found float8;
    plan json;
    top bigint;
    since bigint;
    got bigint;
    was text;
BEGIN
    IF numnode(q) = 0 THEN
        RETURN;
    END IF;
    SELECT greatest(c.reltuples, 1) INTO total FROM pg_class c WHERE c.oid = 'articles'::regclass;
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE tsv @@ %L::tsquery', q)
        INTO plan;
    found := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    IF found > total / 2 THEN
        RETURN QUERY SELECT * FROM briefbot_newest_matches_common(q, n);
        RETURN;
    END IF;
    IF found <= 2 * n THEN
        RETURN QUERY SELECT * FROM briefbot_newest_matches(q, n);
        RETURN;
    END IF;
    SELECT max(a.pk) INTO top FROM articles a;
    since := top - ceil(2 * n * total / found)::bigint;
    was := current_setting('enable_indexscan');
    PERFORM set_config('enable_indexscan', 'off', true);
    RETURN QUERY EXECUTE format(
        'SELECT a.pk, a.tsv FROM articles a WHERE a.tsv @@ %L::tsquery AND a.pk > %s '
        'ORDER BY a.pk DESC LIMIT %s', q, since, n);
    GET DIAGNOSTICS got = ROW_COUNT;
    IF got < n THEN
        RETURN QUERY EXECUTE format(
            'SELECT a.pk, a.tsv FROM articles a WHERE a.tsv @@ %L::tsquery AND a.pk <= %s '
            'ORDER BY a.pk DESC LIMIT %s', q, since, n - got);
    END IF;
    PERFORM set_config('enable_indexscan', was, true);
END
$$;
"""

# Migration 7, "surface words": the check that a /search hit or a /brief topic article holds
# the query words themselves (fts.surface_patterns: '%federer%', plain a-z, 3+ letters) read
# the article's whole text, compressed in TOAST, up to three times (title ILIKE, text LIKE,
# text ILIKE): 95 of 109 ms of a /brief on "film" over nine months at 97k articles. Such a
# pattern can only fall inside one run of ASCII letters, so the same answer comes from the
# article's distinct runs of 3+ letters, ASCII-folded as ILIKE "C" folds, one plain LIKE on
# a column ~60% of the text's size, read without decompressing. Kept in the row (STORAGE
# MAIN: the text and search vector go out to TOAST first), else it too is fetched from TOAST:
# at 97k articles the "film" check took 70 ms out of line, 5 ms in the row (heap 118 -> 214
# MB). Generated, so ingest and import are unchanged. Rewrites the table once (4 min at 97k
# articles on a loaded 2-core machine).
# Also: ANALYZE keeps 3x more of the search vectors' most common words (statistics 300; it
# samples 90,000 articles, 4 s at 97k). /search picks its path by the planner's estimate of
# the matches (migration 6); with the default 100 a word in 4% of the archive ("learn", 4,131
# articles) fell outside the ~1,000 words kept, was estimated at 486 and had every match
# fetched, and words near that cut moved in and out between ANALYZE runs (run-to-run tail).
# With 300 every word in over 0.95% of 97k articles is kept (the windowed path starts at
# 2.5%, migration 8). 1000 costs 0.5 ms more planning per statement on the search vectors
# (0.2 ms at 300).
# Self-contained: renumber freely.
_V_SURFACE_WORDS = """
CREATE OR REPLACE FUNCTION briefbot_letter_words(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(DISTINCT w, ' '), '')
    FROM regexp_split_to_table(
        translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z]+') w
    WHERE length(w) >= 3
$$;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS surface_words TEXT
    GENERATED ALWAYS AS (briefbot_letter_words(title || ' ' || text)) STORED,
    ALTER COLUMN surface_words SET STORAGE MAIN,
    ALTER COLUMN tsv SET STATISTICS 300;
ANALYZE articles;
"""

# Migration 8, "rank vector": /search ranks its SEARCH_CANDIDATES newest matches by a small
# vector kept in the row, scored where the match is found. Before, the candidate functions
# handed back each match's full search vector (a TOAST pointer) and ts_rank read every one
# out of TOAST and decompressed it: ~1,000 per search, PG's /search p50 ~2x SQLite's at 97k
# articles. rank_tsv is the title (weight A) and the searched text's first RANK_LEAD_CHARS
# cut at a word (B), built as tsv is, so it holds a prefix of tsv's words at the same
# positions; ~1.2 KB, STORAGE MAIN keeps it in the row. The functions now return (pk, score):
# ts_rank over rank_tsv with /search's weights (postgres._WEIGHTS, the same four numbers),
# computed in the scan, so no vector is carried through the sort and the function results
# (returning rank_tsv itself cost as much as the old detoasting: 21-25 ms against 14 ms for
# "analysis" on a busy machine). Matching still uses tsv and its GIN index (every word
# anywhere in the text); /search re-ranks its few best by tsv, so the hits and scores shown
# are tsv's (postgres.py). The walk from the newest article for a word in over half the
# archive tests rank_tsv first and reads tsv only when the lead lacks the word (a match in
# the lead is one in the text: /search asks for words and phrases, never NOT). New return
# type: the functions are dropped and made again. Generated, so ingest and import are
# unchanged; rewrites the articles table once (~2 min at 97k articles on a busy 2-core
# machine; heap 216 -> 357 MB). Self-contained: renumber freely.
RANK_LEAD_CHARS = 1000
_LEAD = "coalesce(search_text, left(text, search_end), text)"
_RANK_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'"  # postgres._WEIGHTS: title 4x the body
_RANK_WEIGHTS_QUOTED = _RANK_WEIGHTS.replace("'", "''")  # inside format()'s literal
_V_RANK_VECTOR = f"""
ALTER TABLE articles ADD COLUMN IF NOT EXISTS rank_tsv TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', left(title, 2000)), 'A')
    || setweight(to_tsvector('english', CASE WHEN length({_LEAD}) <= {RANK_LEAD_CHARS}
        THEN {_LEAD} ELSE regexp_replace(left({_LEAD}, {RANK_LEAD_CHARS}), '\\S+$', '') END), 'B')
) STORED,
    ALTER COLUMN rank_tsv SET STORAGE MAIN;
DROP FUNCTION IF EXISTS briefbot_newest_matches_auto(tsquery, integer);
DROP FUNCTION IF EXISTS briefbot_newest_matches(tsquery, integer);
DROP FUNCTION IF EXISTS briefbot_newest_matches_common(tsquery, integer);
CREATE FUNCTION briefbot_newest_matches(q tsquery, n integer)
RETURNS TABLE (pk bigint, score real)
LANGUAGE sql STABLE
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT a.pk, ts_rank({_RANK_WEIGHTS}, a.rank_tsv, q) FROM articles a WHERE numnode(q) > 0 AND a.tsv @@ q
    ORDER BY a.pk DESC LIMIT n
$$;
CREATE FUNCTION briefbot_newest_matches_common(q tsquery, n integer)
RETURNS TABLE (pk bigint, score real)
LANGUAGE sql STABLE
SET enable_seqscan = off
SET enable_bitmapscan = off
AS $$
    SELECT a.pk, ts_rank({_RANK_WEIGHTS}, a.rank_tsv, q) FROM articles a
    WHERE numnode(q) > 0 AND (a.rank_tsv @@ q OR a.tsv @@ q)
    ORDER BY a.pk DESC LIMIT n
$$;
CREATE FUNCTION briefbot_newest_matches_auto(q tsquery, n integer)
RETURNS TABLE (pk bigint, score real)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    total float8;
    found float8;
    plan json;
    top bigint;
    span bigint;
    got bigint;
    step bigint;
    was text;
BEGIN
    IF numnode(q) = 0 THEN
        RETURN;
    END IF;
    SELECT greatest(c.reltuples, 1) INTO total FROM pg_class c WHERE c.oid = 'articles'::regclass;
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE tsv @@ %L::tsquery', q)
        INTO plan;
    found := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    IF found > total / 2 THEN
        RETURN QUERY SELECT * FROM briefbot_newest_matches_common(q, n);
        RETURN;
    END IF;
    -- up to 2.5n expected matches, reading them all beats the windows (whose pk bitmaps
    -- and a second window when the estimate ran high cost 8-16 ms against 3-6 ms at
    -- 2,000-2,300 expected matches, 97k articles; the two meet near 2.7n)
    IF found <= 2.5 * n THEN
        RETURN QUERY SELECT * FROM briefbot_newest_matches(q, n);
        RETURN;
    END IF;
    -- the newest articles expected to hold 1.25n matches, then windows twice as wide
    -- before them until n are found (the estimate is a sample's; at 2n every search read
    -- twice the rows it ranks)
    SELECT max(a.pk) INTO top FROM articles a;
    span := ceil(1.25 * n * total / found)::bigint;
    was := current_setting('enable_indexscan');
    PERFORM set_config('enable_indexscan', 'off', true);
    got := 0;
    LOOP
        RETURN QUERY EXECUTE format(
            'SELECT a.pk, ts_rank({_RANK_WEIGHTS_QUOTED}, a.rank_tsv, %L::tsquery) FROM articles a '
            'WHERE a.tsv @@ %L::tsquery AND a.pk > %s AND a.pk <= %s ORDER BY a.pk DESC LIMIT %s',
            q, q, top - span, top, n - got);
        GET DIAGNOSTICS step = ROW_COUNT;
        got := got + step;
        EXIT WHEN got >= n OR top - span <= 0;
        top := top - span;
        span := span * 2;
    END LOOP;
    PERFORM set_config('enable_indexscan', was, true);
END
$$;
"""


def _newest_matches_auto(create: str, window_matches: str) -> str:
    """The searcher migrations 9 and 10 install: the same plan (every match when few, the
    common-phrase walk, else windows of the newest pks doubling backwards), differing only
    in how a window's rows are matched (`window_matches`, PL/pgSQL that sets `matches` from
    q, lo and hi)."""
    return f"""
{create} briefbot_newest_matches_auto(q tsquery, n integer)
RETURNS TABLE (pk bigint, score real)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    total float8;
    found float8;
    plan json;
    phrase boolean;
    top bigint;
    span bigint;
    got bigint;
    step bigint;
    lo bigint;
    hi bigint;
    matches text;
    was_index text;
    was_seq text;
    was_workers text;
BEGIN
    IF numnode(q) = 0 THEN
        RETURN;
    END IF;
    SELECT greatest(c.reltuples, 1) INTO total FROM pg_class c WHERE c.oid = 'articles'::regclass;
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE tsv @@ %L::tsquery', q)
        INTO plan;
    found := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    IF found <= 2.5 * n THEN  -- reading every match beats the windows (migration 8)
        RETURN QUERY SELECT * FROM briefbot_newest_matches(q, n);
        RETURN;
    END IF;
    phrase := q::text ~ '[<!]';
    IF phrase AND found > total / 2 THEN
        RETURN QUERY SELECT * FROM briefbot_newest_matches_common(q, n);
        RETURN;
    END IF;
    SELECT max(a.pk) INTO top FROM articles a;
    span := ceil(1.25 * n * total / found)::bigint;
    was_index := current_setting('enable_indexscan');
    was_seq := current_setting('enable_seqscan');
    was_workers := current_setting('max_parallel_workers_per_gather');
    PERFORM set_config('enable_indexscan', 'off', true);
    PERFORM set_config('enable_seqscan', 'off', true);
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
    got := 0;
    LOOP
        lo := greatest(top - span + 1, 0) >> {PK_RANGE_BITS};
        hi := top >> {PK_RANGE_BITS};
{window_matches}        RETURN QUERY EXECUTE format(
            'SELECT a.pk, ts_rank({_RANK_WEIGHTS_QUOTED}, a.rank_tsv, %L::tsquery) FROM articles a '
            'WHERE %s AND a.pk + 0 > %s AND a.pk + 0 <= %s ORDER BY a.pk DESC LIMIT %s',
            q, matches, top - span, top, n - got);
        GET DIAGNOSTICS step = ROW_COUNT;
        got := got + step;
        EXIT WHEN got >= n OR top - span <= 0;
        top := top - span;
        span := span * 2;
    END LOOP;
    PERFORM set_config('enable_indexscan', was_index, true);
    PERFORM set_config('enable_seqscan', was_seq, true);
    PERFORM set_config('max_parallel_workers_per_gather', was_workers, true);
END
$$;
"""


# Migration 9, "search by pk range": a word in more than 2.5n articles ("could", "people",
# "said") is found among the newest articles through a second GIN index whose keys are the
# search vector's words, each tagged with the article's range of 1,024 pks ('94_could': the
# word "could" in an article with pk 96,256-97,279). Migration 8's window ANDed the word's
# whole GIN posting list (42,000 articles for "could" at 97k) with a pk range: GIN has no
# ordered scan, so building that bitmap took 15 of the window's 17 ms however few rows it
# kept; and the walk from the newest article (words in over half the archive) read a search
# vector out of TOAST whenever the title and lead lacked the word (3-9 ms; "m" 39 ms). Here
# only the posting lists of the ranges a window spans are read: 1,327 entries for "could",
# ~1.5 ms for its newest 1,000 matches. The query's words are tagged the same way, one OR
# branch per range (('94_said' & '94_mayor') | ('93_said' & '93_mayor')); the windows are
# migration 8's (the newest articles expected to hold 1.25n matches, then twice as wide
# before them until n are found), for words in over half the archive too, so the answer is
# the same newest n matches. A phrase query ('<->', from a token such as "foo_bar") keeps
# migration 8's ways: this index holds no positions. An expression index (nothing is stored
# in the row), without statistics (never estimated: the function forces the bitmap scan);
# 171 MB beside the 71 MB search index at 97k articles, built in ~40 s on a busy machine;
# each new article adds its ~180 words to both. Self-contained: renumber freely.
PK_RANGE_BITS = 10  # 1,024 pks per range
_V_SEARCH_BY_PK_RANGE = f"""
CREATE OR REPLACE FUNCTION briefbot_range_words(v tsvector, pk bigint) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT array_to_tsvector(array(
        SELECT (pk >> {PK_RANGE_BITS})::text || '_' || w FROM unnest(tsvector_to_array(v)) w))
$$;
CREATE OR REPLACE FUNCTION briefbot_range_query(q tsquery, lo bigint, hi bigint) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT string_agg('(' || regexp_replace(q::text, '''((?:[^'']|'''')*)''',
        '''' || r || '_\\1''', 'g') || ')', ' | ' ORDER BY r DESC)::tsquery
    FROM generate_series(lo, hi) r
$$;
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX IF NOT EXISTS articles_tsv_ranges ON articles USING gin (briefbot_range_words(tsv, pk));
ALTER INDEX articles_tsv_ranges ALTER COLUMN 1 SET STATISTICS 0;
DROP FUNCTION IF EXISTS briefbot_newest_matches_auto(tsquery, integer);
""" + _newest_matches_auto(
    "CREATE FUNCTION",
    """        IF phrase THEN
            matches := format('a.tsv @@ %L::tsquery', q);
        ELSE
            matches := format('briefbot_range_words(a.tsv, a.pk) @@ %L::tsquery',
                briefbot_range_query(q, lo, hi));
        END IF;
""",
)

# Migration 10, "windows per range": a query of several words each in more than 2.5n
# articles ("team criticism", "plan officials") is matched in a window one range at a time,
# each range its own small GIN scan ORed in SQL (a BitmapOr), not migration 9's one tsquery
# that ORs every range's AND (('94_team' & '94_critic') | ('93_team' & '93_critic') | ...).
# GIN evaluates a query at every posting of every word it holds: with each word in thousands
# of articles across 39 ranges it tested 10,000 postings against 78 words, and the top-level
# OR left it no word it could skip by (13-19 ms for "team criticism" on a loaded machine);
# per range, the AND skips along the rarer word's postings (the bitmap index part of "team
# criticism" 4-6 ms; the whole function 8.3 -> 6.7 ms of server CPU, "plan officials" 6.0 ->
# 3.7-5.0, at 97k articles). One word keeps migration 9's single tsquery (one posting list
# per range, nothing to AND), a phrase its own way. A window over more than MAX_RANGE_SCANS
# ranges (only in an archive far larger than the 97k measured: there the widest is ~47) is
# matched through the search index, as a phrase is: a guard on the statement's size (one
# clause per range, ~0.06 ms a scan), not a measured crossover. Same windows, so the same
# newest n matches. Only the function changes: nothing is rewritten or re-indexed.
# Self-contained: renumber freely.
MAX_RANGE_SCANS = 64
_V_WINDOWS_PER_RANGE = _newest_matches_auto(
    "CREATE OR REPLACE FUNCTION",
    f"""        IF phrase OR (numnode(q) > 1 AND hi - lo >= {MAX_RANGE_SCANS}) THEN
            matches := format('a.tsv @@ %L::tsquery', q);
        ELSIF numnode(q) = 1 THEN
            matches := format('briefbot_range_words(a.tsv, a.pk) @@ %L::tsquery',
                briefbot_range_query(q, lo, hi));
        ELSE
            SELECT '(' || string_agg(format('briefbot_range_words(a.tsv, a.pk) @@ %L::tsquery',
                briefbot_range_query(q, r, r)), ' OR ' ORDER BY r DESC) || ')'
                INTO matches FROM generate_series(lo, hi) r;
        END IF;
""",
)

MIGRATIONS: list[tuple[int, str]] = [
    (1, _V1),
    (2, _V2_INGEST_INTEGRITY),
    (3, _V_DIGEST_PARTS),
    (4, _V2_SEARCH_CANDIDATES),
    (5, WATCHES_MIGRATION),  # watches and alerts (issue 23)
    (6, _V_SEARCH_PATH_BY_FREQUENCY),
    (7, _V_SURFACE_WORDS),
    (8, _V_RANK_VECTOR),
    (9, _V_SEARCH_BY_PK_RANGE),
    (10, _V_WINDOWS_PER_RANGE),
]

# The search indexes, by name: a bulk import drops and rebuilds them (far quicker than
# growing them row by row).
GIN_INDEXES = {
    "articles_tsv": "articles USING gin (tsv)",
    "quotes_tsv_text": "quotes USING gin (tsv_text)",
    "quotes_tsv_all": "quotes USING gin (tsv_all)",
    "figures_tsv": "figures USING gin (tsv)",
    "articles_tsv_ranges": "articles USING gin (briefbot_range_words(tsv, pk))",  # migration 9
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
