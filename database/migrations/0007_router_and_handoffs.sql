-- The router's data (routes and labelled example utterances) and the handoff queue.

-- The routes a message can be sent down. Routes are data: technical, billing and general by default; an import with a
-- new route name adds it. The description is what an LLM classifier is told about the route.
CREATE TABLE router_routes (
    name         text PRIMARY KEY CHECK (name ~ '^[a-z0-9_-]{1,64}$'),
    description  text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO router_routes (name, description) VALUES
    ('technical', 'accounts and sign-in, SSO, 2FA, roles, API keys, webhooks, integrations, error codes, outages, sync, mobile apps, data import and export'),
    ('billing', 'plans and pricing, trials, upgrades and downgrades, seats, payment methods, failed payments, invoices, refunds, cancellation, tax, renewals'),
    ('general', 'contact and hours, talking to a person, complaints, status and maintenance, onboarding, features, privacy and personal data, security, orders of security keys');

-- Labelled utterances the local router learns from (nearest neighbours over the embedding, and a text classifier).
-- One row per distinct text (text_key: lower case, single spaces): importing the same text again relabels it. The
-- embedder is recorded with the vector, so rows embedded by another embedder are re-embedded before use. Small enough
-- (thousands of rows) to be read whole into memory, so there is no ANN index.
CREATE TABLE router_examples (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    text_key    text NOT NULL UNIQUE,
    route       text NOT NULL REFERENCES router_routes (name) ON UPDATE CASCADE,
    intent      text CHECK (intent IN ('question', 'greeting', 'thanks', 'asks_for_human', 'complaint', 'feedback', 'out_of_scope')),
    source      text NOT NULL,
    embedding   vector,
    embedder    text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX router_examples_route_idx ON router_examples (route);

-- A conversation handed to a person: why (every escalation signal that fired), the route, a summary, and the
-- transcript as it was at the handoff (a snapshot, plus the last transcript_activities sequence number it covers).
-- The agent hub works the queue: queued -> assigned -> resolved.
CREATE TABLE handoffs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id  text NOT NULL,
    user_id          text,
    channel_id       text,
    route            text,
    reasons          text[] NOT NULL DEFAULT '{}',
    summary          text NOT NULL DEFAULT '',
    state            text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'assigned', 'resolved')),
    transcript       jsonb NOT NULL DEFAULT '[]',
    transcript_seq   bigint,
    assigned_to      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handoffs_state_idx ON handoffs (state, created_at);
CREATE INDEX handoffs_conversation_idx ON handoffs (conversation_id, id);
CREATE INDEX handoffs_user_idx ON handoffs (user_id) WHERE user_id IS NOT NULL;
