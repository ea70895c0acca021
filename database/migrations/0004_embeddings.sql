-- Which embedder produced the vectors in kb_chunks.embedding (one row). The HNSW index is created by the host for
-- that embedder's dimension (an expression index on embedding::vector(D)), since a migration cannot know it.
CREATE TABLE kb_embedder (
    id          int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    name        text NOT NULL,
    dimensions  int NOT NULL CHECK (dimensions > 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_chunks_category_idx ON kb_chunks (category);
