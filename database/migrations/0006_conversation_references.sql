-- Conversation references (Bot Framework ConversationReference) of every Connector conversation (Teams, Emulator,
-- Azure Bot Service channels), kept up to date from each inbound activity, so the bot can write proactively:
-- continue a conversation, or create a new one (a thread in a Teams channel for the human agents).
CREATE TABLE conversation_references (
    conversation_id  text PRIMARY KEY,
    channel_id       text NOT NULL,
    service_url      text NOT NULL,
    tenant_id        text,
    team_id          text,
    teams_channel_id text,
    user_id          text,
    bot_id           text,
    reference        jsonb NOT NULL,
    installed        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_references_team_idx ON conversation_references (channel_id, team_id);
CREATE INDEX conversation_references_tenant_idx ON conversation_references (channel_id, tenant_id, updated_at DESC);
