-- The raw layer: what the pipeline loads. dbt builds everything else from it.
create schema if not exists raw;

create table if not exists raw.pages (
    url           varchar primary key,   -- the URL the page was fetched from (after redirects)
    listed_url    varchar,               -- the URL a sitemap/feed/listing gave
    source        varchar not null,
    status        integer,
    content_type  varchar,
    encoding      varchar,
    fetched_at    timestamptz not null,
    html_zlib     blob not null,         -- the raw page, zlib-compressed: re-cleaning never refetches
    html_bytes    integer not null,
    crawl_file    varchar
);

create table if not exists raw.fetch_errors (
    url          varchar not null,
    source       varchar,
    status       integer,
    error        varchar not null,
    occurred_at  timestamptz not null,
    crawl_file   varchar,
    primary key (url, occurred_at)
);

create table if not exists raw.articles (
    article_id         varchar primary key,  -- sha1 of the first canonical URL the story was seen at
    canonical_url      varchar not null,
    title              varchar,
    published_at       date,
    site_name          varchar,
    language           varchar,
    text               varchar not null,
    text_sha256        varchar not null,
    fingerprints       bigint[] not null,   -- hashes of its sentences, to recognise syndicated copies
    relevant           boolean not null,
    cleaned_at         timestamptz not null,
    extractor_version  varchar,             -- null until extracted
    extracted_at       timestamptz
);

create table if not exists raw.article_urls (
    url         varchar primary key,         -- a page URL (raw.pages.url)
    article_id  varchar not null,
    canonical_url varchar not null,
    source      varchar,
    is_copy     boolean not null,            -- true when matched to an existing article as a syndicated copy
    linked_at   timestamptz not null         -- when the URL was attached to the article (incremental models)
);

create table if not exists raw.rejected_pages (
    url          varchar primary key,
    stage        varchar not null,
    reason       varchar not null,
    rejected_at  timestamptz not null
);

create table if not exists raw.facts (
    fact_id       varchar primary key,
    article_id    varchar not null,
    region_code   varchar not null,
    region_name   varchar not null,
    metric        varchar not null,
    kind          varchar not null,
    segment       varchar,
    value         double not null,
    qualifier     varchar not null,
    as_of         varchar,
    evidence      varchar not null,
    evidence_start integer not null,
    evidence_end   integer not null,
    extractor_version varchar not null,
    -- The columns below came later: warehouse/db.py adds them to older files in the same order with the
    -- same defaults (DuckDB cannot add a NOT NULL column to an existing table, so none is declared here).
    fact_key      varchar,                -- warehouse/keys.py: stable across re-extraction; corrections use it
    confidence    varchar default 'high', -- high: reaches the marts; review: the analysts' review queue
    decided_by    varchar[] default [],   -- the cues that decided the fact ("metric:cakupan")
    review_reason varchar,                -- why a review fact is uncertain
    score         double,                 -- the decider's calibrated probability that the fact is right
    threshold     double,                 -- the score a fact of its metric needs to reach the marts
    reasons       varchar[] default [],   -- the features that pushed the score most ("+cue=metric:cakupan")
    features      varchar[] default []    -- every feature of the candidate: what an analyst's decision teaches
);

create table if not exists raw.mou_mentions (
    mention_id    varchar primary key,
    article_id    varchar not null,
    region_code   varchar not null,
    region_name   varchar not null,
    partner       varchar not null,
    signed_on     varchar,
    kind          varchar not null,
    evidence      varchar not null,
    evidence_start integer not null,
    evidence_end   integer not null,
    extractor_version varchar not null,
    mention_key   varchar,                -- as fact_key, for the analysts' corrections of MoUs
    confidence    varchar default 'high',
    decided_by    varchar[] default [],
    review_reason varchar,
    score         double,
    threshold     double,
    reasons       varchar[] default [],
    features      varchar[] default []
);

create table if not exists raw.regions (
    region_code    varchar primary key,
    region_name    varchar not null,
    region_type    varchar not null,
    bare_name      varchar not null,
    province_code  varchar,
    province_name  varchar,
    aliases        varchar[]
);

-- Backfill from web archives: one row per archive file merged, and every record that could not be read.
create table if not exists raw.archive_files (
    archive         varchar primary key,  -- the WARC file's path or URL
    file_name       varchar not null,
    output_path     varchar not null,     -- the per-file Parquet output it was merged from
    output_id       varchar not null,     -- which write of that output (a re-run writes a new one)
    worker          varchar,              -- where it was read (a Dask worker's address, or host:pid)
    records         integer not null,     -- HTTP responses read
    compressed_bytes bigint not null,
    prefiltered_out integer not null,     -- dropped by the byte prefilter, never parsed
    pages           integer not null,     -- passed the prefilter, stored in raw.pages
    relevant        integer not null,
    skipped         integer not null,     -- unreadable, too large or not HTML (raw.archive_skips)
    seconds         double not null,
    processed_at    timestamptz not null,
    loaded_at       timestamptz not null,
    -- added later (warehouse/db.py adds them to older files): how the last attempt at the file ended
    status          varchar default 'read',  -- read, or failed (a refused address, a 404, an unreadable file)
    reason          varchar                  -- why it failed; a re-run with --retry-failed takes these again
);

create table if not exists raw.archive_skips (
    archive      varchar not null,
    record_offset bigint not null,        -- where the record's gzip member starts in the file
    url          varchar,
    reason       varchar not null,
    recorded_at  timestamptz not null,
    primary key (archive, record_offset)
);
