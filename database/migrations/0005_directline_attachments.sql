-- Direct Line: files uploaded with POST /v3/directline/conversations/{id}/upload, and idle conversation expiry.

-- One row per uploaded file. The id is random (unguessable); it is the only thing in the URL the file is served at,
-- so a browser can show an image without sending a token. Rows are kept after expires_at for analytics; the file is
-- no longer served then.
CREATE TABLE directline_attachments (
    id               text PRIMARY KEY,
    conversation_id  text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    activity_id      text,
    user_id          text,
    name             text,
    content_type     text NOT NULL,
    size_bytes       bigint NOT NULL CHECK (size_bytes >= 0),
    sha256           bytea NOT NULL,
    content          bytea NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL
);
CREATE INDEX directline_attachments_conversation_idx ON directline_attachments (conversation_id);

-- A Direct Line conversation idle for longer than DirectLine:ConversationIdleTimeout is marked expired: the API
-- answers 404 for it, its sockets are closed, and its transcript stays for analytics.
ALTER TABLE conversations ADD COLUMN expired_at timestamptz;
CREATE INDEX conversations_idle_idx ON conversations (channel_id, last_activity_at) WHERE expired_at IS NULL;
