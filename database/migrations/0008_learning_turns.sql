-- Learning from people (corrections, negative feedback) and one record per bot reply.

-- Answers agents approved for a customer question (POST /api/feedback/corrections). A new question is compared with
-- each learned question and its answer (QuestionMatcher): the embeddings of both, and the content words of the
-- question (question_words) and of both (words, and their stems in terms for a GIN-indexed "shares a word" filter). The embedder is recorded with the
-- vectors: rows embedded by another embedder are re-embedded before they are compared. The table stays small
-- (hundreds to a few thousand rows), so it is scanned exactly rather than through an ANN index.
CREATE TABLE learned_answers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question          text NOT NULL,
    question_key      text NOT NULL,
    answer            text NOT NULL,
    route             text,
    question_words    text[] NOT NULL DEFAULT '{}',
    words             text[] NOT NULL DEFAULT '{}',
    terms             text[] NOT NULL DEFAULT '{}',
    embedding         vector NOT NULL,
    answer_embedding  vector NOT NULL,
    embedder          text NOT NULL,
    activity_id       text,
    conversation_id   text,
    user_id           text,
    agent_id          text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- One learned answer per (normalised) question: a second correction of the same question replaces the answer.
CREATE UNIQUE INDEX learned_answers_question_idx ON learned_answers (question_key);
CREATE INDEX learned_answers_terms_idx ON learned_answers USING gin (terms);
CREATE INDEX learned_answers_user_idx ON learned_answers (user_id) WHERE user_id IS NOT NULL;

-- A thumbs-down on an answer, per chunk the answer came from, with the question's embedding: a chunk that several
-- conversations rated down for similar questions is demoted for questions like those (see ChunkDemotionSql).
CREATE TABLE chunk_demotions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chunk_id            bigint NOT NULL REFERENCES kb_chunks (id) ON DELETE CASCADE,
    question            text NOT NULL,
    question_embedding  vector NOT NULL,
    embedder            text NOT NULL,
    feedback_id         bigint REFERENCES feedback (id) ON DELETE CASCADE,
    conversation_id     text NOT NULL,
    user_id             text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chunk_demotions_chunk_idx ON chunk_demotions (chunk_id);
CREATE INDEX chunk_demotions_user_idx ON chunk_demotions (user_id) WHERE user_id IS NOT NULL;

-- What the agents decided for each reply (the supportTrace), stored whether or not it is exposed to the channel.
CREATE TABLE turns (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id    text NOT NULL,
    channel_id         text,
    user_id            text,
    reply_activity_id  text,
    route              text,
    confidence         double precision NOT NULL DEFAULT 0,
    intent             text,
    escalated          boolean NOT NULL DEFAULT false,
    reasons            text[] NOT NULL DEFAULT '{}',
    answer_source      text NOT NULL,
    source_ids         bigint[] NOT NULL DEFAULT '{}',
    latency_ms         integer NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX turns_conversation_idx ON turns (conversation_id, id);
CREATE INDEX turns_reply_idx ON turns (reply_activity_id) WHERE reply_activity_id IS NOT NULL;
CREATE INDEX turns_user_idx ON turns (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX turns_created_idx ON turns (created_at);

-- Privacy erasure finds a person's feedback by user.
CREATE INDEX IF NOT EXISTS feedback_user_idx ON feedback (user_id) WHERE user_id IS NOT NULL;
