-- The agent hub: people who take handed-off conversations, the handoff lifecycle, and satisfaction ratings.

-- Human agents and admins who sign in to the hub. Passwords are ASP.NET Core Identity PasswordHasher hashes.
CREATE TABLE agents (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{1,64}$'),
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('admin', 'agent')),
    groups         text[] NOT NULL DEFAULT '{}',
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- The lifecycle: queued -> assigned -> resolved, or released (back to the bot) with why in outcome. A handoff is
-- routed to an agent group (the route by default) and may be asked for a named agent (a transfer).
ALTER TABLE handoffs DROP CONSTRAINT handoffs_state_check;
ALTER TABLE handoffs ADD CONSTRAINT handoffs_state_check CHECK (state IN ('queued', 'assigned', 'resolved', 'released'));
ALTER TABLE handoffs
    ADD COLUMN outcome              text CHECK (outcome IN ('resolved', 'released', 'timed_out', 'customer_left')),
    ADD COLUMN agent_group          text,
    ADD COLUMN requested_agent      text,
    ADD COLUMN user_name            text,
    ADD COLUMN assigned_at          timestamptz,
    ADD COLUMN closed_at            timestamptz,
    ADD COLUMN notes                text NOT NULL DEFAULT '',
    ADD COLUMN customer_message     text,
    ADD COLUMN customer_message_at  timestamptz;
ALTER TABLE handoffs ADD CONSTRAINT handoffs_assignee_check CHECK (state IN ('resolved', 'released') OR (state = 'assigned') = (assigned_to IS NOT NULL));
UPDATE handoffs SET agent_group = coalesce(route, 'general');
UPDATE handoffs SET outcome = 'resolved', closed_at = updated_at WHERE state = 'resolved';

-- One open handoff per conversation: the bot cannot queue a second one, and a take is UPDATE ... WHERE state = 'queued'.
CREATE UNIQUE INDEX handoffs_one_open_idx ON handoffs (conversation_id) WHERE state IN ('queued', 'assigned');
CREATE INDEX handoffs_open_group_idx ON handoffs (agent_group, created_at) WHERE state IN ('queued', 'assigned');

-- Every change of a handoff, time-stamped, with who made it ('bot', 'hub' for the time-out, an agent's username).
CREATE TABLE handoff_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handoff_id  bigint NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
    state       text NOT NULL,
    outcome     text,
    actor       text NOT NULL,
    detail      text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handoff_events_handoff_idx ON handoff_events (handoff_id, id);
INSERT INTO handoff_events (handoff_id, state, actor, at) SELECT id, 'queued', 'bot', created_at FROM handoffs;

-- The satisfaction card the customer gets when a person resolves the conversation: 1 to 5, against the handoff.
ALTER TABLE feedback
    ADD COLUMN handoff_id    bigint REFERENCES handoffs (id) ON DELETE SET NULL,
    ADD COLUMN satisfaction  smallint CHECK (satisfaction BETWEEN 1 AND 5);
CREATE INDEX feedback_handoff_idx ON feedback (handoff_id) WHERE handoff_id IS NOT NULL;
