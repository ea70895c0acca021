-- Where the knowledge base leads a learned question: the documents (by source, which survives re-ingestion) its own
-- search and its approved answer's search rank highest, with unit-length weights by rank. A customer whose question
-- leads to the same documents is likely asking the same thing in other words, so that agreement counts towards the
-- match (QuestionMatcher) besides the words and embeddings both questions share. NULL: not anchored yet (rows learned
-- before this migration, or a knowledge base that was empty); the store anchors them on first use.
ALTER TABLE learned_answers
    ADD COLUMN anchor_sources text[],
    ADD COLUMN anchor_weights real[];

CREATE INDEX learned_answers_anchor_sources_idx ON learned_answers USING gin (anchor_sources);
