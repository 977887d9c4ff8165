-- TripleGain decision journal, migration 0003 (PostgreSQL): the prompt each LLM decision was made from.
-- The same logical schema as sql/journal/sqlite/0003_decision_prompts.sql. Representation as in 0001.
-- Never edit this file after it has shipped: add 0004_...

-- Rendered prompts (system and user text as sent to the provider), stored once by their SHA-256: one call decides
-- every pair (three decisions) and models given the same snapshot share the text, so a decision refers to its prompt
-- instead of copying it. prompt_sha256 is the lower-case hex SHA-256 of the UTF-8 text; first_decided_at is the
-- decided_at of the first decision journalled with it.
CREATE TABLE decision_prompts (
    prompt_sha256 text        PRIMARY KEY CHECK (prompt_sha256 ~ '^[0-9a-f]{64}$'),
    prompt_text   text        NOT NULL,
    first_decided_at timestamptz NOT NULL
);

-- The decision's rendered prompt; NULL for rule-based models (they have no prompt) and for decisions journalled
-- before this migration (their prompt_name and prompt_hash still name the template).
ALTER TABLE decisions ADD COLUMN prompt_sha256 text NULL REFERENCES decision_prompts (prompt_sha256);
