-- Knowledge base: documents and their chunks, searchable by full text (and by vector once embedded).
CREATE TABLE kb_documents (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source        text NOT NULL UNIQUE,
    title         text NOT NULL,
    url           text,
    category      text,
    content_hash  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_chunks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint NOT NULL REFERENCES kb_documents (id) ON DELETE CASCADE,
    ordinal      int NOT NULL,
    title        text NOT NULL,
    heading      text NOT NULL DEFAULT '',
    content      text NOT NULL,
    category     text,
    embedding    vector,
    tsv          tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', title), 'A') ||
                     setweight(to_tsvector('english', heading), 'B') ||
                     setweight(to_tsvector('english', content), 'C')) STORED,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX kb_chunks_tsv_idx ON kb_chunks USING gin (tsv);
