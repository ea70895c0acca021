-- What the analytics need from each reply beyond the support trace of 0008: the customer's question (with emails,
-- phone and card numbers already replaced by PiiRedactor), how long each agent step took, and the learned answer used.
ALTER TABLE turns
    ADD COLUMN IF NOT EXISTS question           text,
    ADD COLUMN IF NOT EXISTS router_ms          integer,
    ADD COLUMN IF NOT EXISTS search_ms          integer,
    ADD COLUMN IF NOT EXISTS escalation_ms      integer,
    ADD COLUMN IF NOT EXISTS response_ms        integer,
    ADD COLUMN IF NOT EXISTS learned_answer_id  bigint;

CREATE INDEX IF NOT EXISTS turns_learned_idx ON turns (learned_answer_id) WHERE learned_answer_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS handoffs_created_idx ON handoffs (created_at);
CREATE INDEX IF NOT EXISTS transcript_activities_recorded_idx ON transcript_activities (recorded_at);
CREATE INDEX IF NOT EXISTS learned_answers_created_idx ON learned_answers (created_at);
