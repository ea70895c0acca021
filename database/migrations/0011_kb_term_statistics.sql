-- Term statistics for BM25 ranking of the full-text side of hybrid search: in how many chunks each lexeme occurs,
-- and the number of chunks and lexemes overall (for the average chunk length). Kept current by statement-level
-- triggers with transition tables, so a bulk COPY of thousands of chunks costs one aggregate, not a row trigger each.
-- Chunk text is never updated in place (a changed document's chunks are deleted and inserted again; re-embedding only
-- touches the embedding), so there is no UPDATE trigger.

CREATE TABLE kb_terms (
    lexeme  text PRIMARY KEY,
    chunks  integer NOT NULL CHECK (chunks > 0)
);

CREATE TABLE kb_term_totals (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    chunks     bigint NOT NULL DEFAULT 0,
    lexemes    bigint NOT NULL DEFAULT 0
);

INSERT INTO kb_term_totals (chunks, lexemes)
SELECT count(*), COALESCE(sum(length(tsv)), 0) FROM kb_chunks;

INSERT INTO kb_terms (lexeme, chunks)
SELECT word, ndoc FROM ts_stat('SELECT tsv FROM kb_chunks');

CREATE FUNCTION kb_terms_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kb_terms (lexeme, chunks)
    SELECT u.lexeme, count(*) FROM inserted_chunks c, unnest(c.tsv) AS u GROUP BY u.lexeme ORDER BY u.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET chunks = kb_terms.chunks + EXCLUDED.chunks;
    UPDATE kb_term_totals
    SET chunks = kb_term_totals.chunks + s.chunks, lexemes = kb_term_totals.lexemes + s.lexemes
    FROM (SELECT count(*) AS chunks, COALESCE(sum(length(tsv)), 0) AS lexemes FROM inserted_chunks) s;
    RETURN NULL;
END $$;

CREATE FUNCTION kb_terms_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One statement, so both parts see the counts as they were: lexemes no chunk uses any more are removed, the rest
    -- counted down (the two sets are disjoint).
    WITH gone AS (
        SELECT u.lexeme, count(*) AS chunks FROM deleted_chunks c, unnest(c.tsv) AS u GROUP BY u.lexeme),
    unused AS (
        DELETE FROM kb_terms t USING gone WHERE t.lexeme = gone.lexeme AND t.chunks <= gone.chunks)
    UPDATE kb_terms t SET chunks = t.chunks - gone.chunks
    FROM gone WHERE t.lexeme = gone.lexeme AND t.chunks > gone.chunks;
    UPDATE kb_term_totals
    SET chunks = GREATEST(kb_term_totals.chunks - s.chunks, 0), lexemes = GREATEST(kb_term_totals.lexemes - s.lexemes, 0)
    FROM (SELECT count(*) AS chunks, COALESCE(sum(length(tsv)), 0) AS lexemes FROM deleted_chunks) s;
    RETURN NULL;
END $$;

CREATE FUNCTION kb_terms_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM kb_terms;
    UPDATE kb_term_totals SET chunks = 0, lexemes = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER kb_chunks_terms_inserted AFTER INSERT ON kb_chunks
    REFERENCING NEW TABLE AS inserted_chunks FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_count_inserted();
CREATE TRIGGER kb_chunks_terms_deleted AFTER DELETE ON kb_chunks
    REFERENCING OLD TABLE AS deleted_chunks FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_count_deleted();
CREATE TRIGGER kb_chunks_terms_truncated AFTER TRUNCATE ON kb_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_clear();

-- Chunks still waiting for a vector (an interrupted load, a failed re-embed): /readyz reports how many, cheaply.
CREATE INDEX kb_chunks_unembedded_idx ON kb_chunks (id) WHERE embedding IS NULL;
