-- Per-term postings for the full-text side of hybrid search: for each lexeme of each chunk, how often it occurs in the
-- title (weight A), the headings (B) and the body (C, D), and how many distinct lexemes the chunk has (its BM25 length).
-- Search finds its candidates and computes BM25 from these alone (index-only scans of the primary key), instead of
-- reading and unnesting each candidate's whole tsvector and pre-ranking with ts_rank. Kept by statement-level triggers
-- like kb_terms (0011): chunk text is never updated in place, so inserts, deletes and truncates are all there is.
-- No foreign key to kb_chunks on purpose: a cascade would fire a row trigger per posting; the delete trigger removes a
-- deleted chunk's postings by primary key instead.

CREATE TABLE kb_postings (
    lexeme       text NOT NULL,
    chunk_id     bigint NOT NULL,
    title_tf     smallint NOT NULL,
    heading_tf   smallint NOT NULL,
    body_tf      smallint NOT NULL,
    chunk_terms  smallint NOT NULL,
    PRIMARY KEY (lexeme, chunk_id) INCLUDE (title_tf, heading_tf, body_tf, chunk_terms)
);

-- A chunk's postings: one row per lexeme of its tsvector. A lexeme without positions (to_tsvector never makes one)
-- counts once in the body.
CREATE FUNCTION kb_postings_of(tsv tsvector)
RETURNS TABLE (lexeme text, title_tf smallint, heading_tf smallint, body_tf smallint, chunk_terms smallint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT u.lexeme, w.a, w.b, (COALESCE(cardinality(u.weights), 1) - w.a - w.b)::smallint, length(tsv)::smallint
    FROM unnest(tsv) AS u
    CROSS JOIN LATERAL (SELECT COALESCE(cardinality(array_positions(u.weights, 'A')), 0)::smallint AS a,
                               COALESCE(cardinality(array_positions(u.weights, 'B')), 0)::smallint AS b) w
$$;

INSERT INTO kb_postings (lexeme, chunk_id, title_tf, heading_tf, body_tf, chunk_terms)
SELECT p.lexeme, c.id, p.title_tf, p.heading_tf, p.body_tf, p.chunk_terms
FROM kb_chunks c, kb_postings_of(c.tsv) p
ORDER BY p.lexeme, c.id;

CREATE FUNCTION kb_postings_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In key order, so a bulk COPY fills the index page after page rather than all over it.
    INSERT INTO kb_postings (lexeme, chunk_id, title_tf, heading_tf, body_tf, chunk_terms)
    SELECT p.lexeme, c.id, p.title_tf, p.heading_tf, p.body_tf, p.chunk_terms
    FROM inserted_chunks c, kb_postings_of(c.tsv) p
    ORDER BY p.lexeme, c.id;
    RETURN NULL;
END $$;

CREATE FUNCTION kb_postings_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM kb_postings p
    USING (SELECT c.id, u.lexeme FROM deleted_chunks c, unnest(c.tsv) AS u) gone
    WHERE p.lexeme = gone.lexeme AND p.chunk_id = gone.id;
    RETURN NULL;
END $$;

CREATE FUNCTION kb_postings_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE kb_postings;
    RETURN NULL;
END $$;

CREATE TRIGGER kb_chunks_postings_inserted AFTER INSERT ON kb_chunks
    REFERENCING NEW TABLE AS inserted_chunks FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_inserted();
CREATE TRIGGER kb_chunks_postings_deleted AFTER DELETE ON kb_chunks
    REFERENCING OLD TABLE AS deleted_chunks FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_deleted();
CREATE TRIGGER kb_chunks_postings_truncated AFTER TRUNCATE ON kb_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_clear();
