-- Bot state (conversation and user state) and the transcript of every conversation.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE bot_state (
    key         text PRIMARY KEY,
    document    jsonb NOT NULL,
    etag        text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
    id                text PRIMARY KEY,
    channel_id        text NOT NULL,
    user_id           text,
    service_url       text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_activity_at  timestamptz NOT NULL DEFAULT now(),
    next_seq          bigint NOT NULL DEFAULT 0
);
CREATE INDEX conversations_user_idx ON conversations (user_id, last_activity_at DESC);

-- One row per activity in conversation order; seq is the Direct Line watermark.
CREATE TABLE transcript_activities (
    conversation_id  text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq              bigint NOT NULL,
    activity_id      text NOT NULL,
    type             text NOT NULL,
    from_id          text,
    from_role        text,
    recorded_at      timestamptz NOT NULL,
    activity         jsonb NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX transcript_activities_activity_idx ON transcript_activities (conversation_id, activity_id);
CREATE INDEX transcript_activities_from_idx ON transcript_activities (from_id);
