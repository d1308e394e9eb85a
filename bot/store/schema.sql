-- briefbot store, schema version 4 (see MIGRATIONS in sqlite_migrations.py). Every statement is idempotent.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL UNIQUE,
    minhash BLOB,
    story_id INTEGER,
    ingested_at TEXT NOT NULL,
    -- 0: the source gave no date; published then holds the indexing time, for order only
    published_known INTEGER NOT NULL DEFAULT 1,
    -- the extractor version that made the article's quotes / figures ('' = not extracted)
    quotes_version TEXT NOT NULL DEFAULT '',
    figures_version TEXT NOT NULL DEFAULT '',
    -- what search sees: text[:search_end] when the boilerplate is one closing block (the
    -- usual case: no copy), else search_text, the text with its boilerplate blanked
    search_end INTEGER,
    search_text TEXT
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);

-- What /search indexes: the article without its boilerplate (licence notices, credits), so
-- boilerplate that summaries leave out cannot be found either. Index and snippets read it.
CREATE VIEW IF NOT EXISTS article_search AS
    SELECT rowid, title, coalesce(search_text, substr(text, 1, search_end), text) AS text
    FROM articles;
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, content = 'article_search', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Paragraphs and sentences as character offsets into articles.text (no copy of the text).
-- Boilerplate sentences (credits, licence notices, "More coverage ...") are kept with a flag,
-- so offsets stay complete, and left out of sentence_texts.
CREATE TABLE IF NOT EXISTS paragraphs (
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_rowid, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences (article_rowid);
-- Story sentences' text, cut from the article by offsets (SQLite's substr counts characters,
-- as Python's offsets do). Schema 2 also kept a sentences_fts index over this view; nothing
-- searched it, and it doubled the full-text work of every ingest, so schema 3 drops it.
CREATE VIEW IF NOT EXISTS sentence_texts AS
    SELECT s.id AS rowid, substr(a.text, s.start + 1, s."end" - s.start) AS text
    FROM sentences s JOIN articles a ON a.rowid = s.article_rowid WHERE s.boilerplate = 0;

-- Near-duplicate (wire copy) lookup: one row per MinHash band.
CREATE TABLE IF NOT EXISTS article_bands (band TEXT NOT NULL, article_rowid INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS article_bands_band ON article_bands (band);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue TEXT,
    paragraph INTEGER NOT NULL,
    sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_key);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_rowid);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (
    text, sentence, speaker, content = 'quotes', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT,
    qualifier TEXT,
    topic TEXT,
    claimant TEXT,
    base_value REAL,
    base_unit TEXT,
    referent TEXT,
    paragraph INTEGER NOT NULL,
    sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_topic ON figures (topic);
CREATE INDEX IF NOT EXISTS figures_article ON figures (article_rowid);
CREATE VIRTUAL TABLE IF NOT EXISTS figures_fts USING fts5 (
    sentence, surface, content = 'figures', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Stories: clusters of articles about one event, maintained incrementally at ingest.
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    first_published TEXT NOT NULL,
    last_published TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    terms TEXT NOT NULL DEFAULT '{}',
    summary TEXT,
    summary_size INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS stories_last ON stories (last_published);
-- A story's strongest terms keyed by its last date, so ingest scans only recent stories.
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT NOT NULL, last_published TEXT NOT NULL, story_id INTEGER NOT NULL,
    PRIMARY KEY (term, last_published, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_terms_story ON story_terms (story_id);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

-- Digests: schedules per channel, and one delivery record per schedule and local date.
CREATE TABLE IF NOT EXISTS schedules (
    id INTEGER PRIMARY KEY,
    place TEXT NOT NULL,
    platform TEXT NOT NULL,
    time_of_day TEXT NOT NULL,
    timezone TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS schedules_place ON schedules (platform, place, active);
-- The idempotency record: inserting the row IS the claim to post that day's digest.
-- status: claimed (posting), delivered, failed (known not posted; may be re-claimed).
CREATE TABLE IF NOT EXISTS deliveries (
    schedule_id INTEGER NOT NULL,
    local_date TEXT NOT NULL,
    place TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'claimed',
    token TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 1,
    claimed_at TEXT NOT NULL,
    delivered_at TEXT,
    covered_until TEXT,
    error TEXT,
    parts_posted INTEGER NOT NULL DEFAULT 0, -- messages already out: a retry resumes after them
    reply TEXT, -- the digest as first built (Reply JSON): a retry posts the same parts
    indexed_through INTEGER, -- the newest articles.rowid the digest covered
    PRIMARY KEY (schedule_id, local_date)
);
CREATE TABLE IF NOT EXISTS feeds (
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

-- Watches (issue 23): alerts to a channel when new articles quote a person, add to a story
-- or give figures on a topic. since_pk: only articles indexed after the watch count.
CREATE TABLE IF NOT EXISTS watches (
    id INTEGER PRIMARY KEY,
    place TEXT NOT NULL,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    since_pk INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS watches_place ON watches (platform, place, active);
CREATE TABLE IF NOT EXISTS alert_quiet (
    platform TEXT NOT NULL, place TEXT NOT NULL,
    start TEXT NOT NULL, "end" TEXT NOT NULL, timezone TEXT NOT NULL,
    PRIMARY KEY (platform, place)
);
-- One row per channel and update: inserting it queues the alert, so it is queued once.
-- status: pending, claimed (posting), posted, failed (gave up). message groups the rows one post carried.
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    watch_id INTEGER NOT NULL,
    update_key TEXT NOT NULL,
    platform TEXT NOT NULL,
    place TEXT NOT NULL,
    story_id INTEGER,
    article_pk INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    token TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    claimed_at TEXT,
    posted_at TEXT,
    message TEXT,
    error TEXT,
    UNIQUE (platform, place, update_key)
);
CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status, platform, place);
CREATE INDEX IF NOT EXISTS alerts_posted ON alerts (platform, place, posted_at);
CREATE TABLE IF NOT EXISTS alert_threads (
    platform TEXT NOT NULL, place TEXT NOT NULL, story_id INTEGER NOT NULL, thread TEXT NOT NULL,
    PRIMARY KEY (platform, place, story_id)
);
CREATE TABLE IF NOT EXISTS alert_cursor (name TEXT PRIMARY KEY, pk INTEGER NOT NULL);
