-- Ratings and comments on the bot's answers, tied to the exact answer activity.
CREATE TABLE feedback (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id   text NOT NULL,
    answer_activity_id text,
    user_id           text,
    rating            smallint CHECK (rating IN (-1, 1)),
    comment           text,
    question          text,
    chunk_ids         bigint[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_conversation_idx ON feedback (conversation_id);
CREATE INDEX feedback_created_idx ON feedback (created_at);
