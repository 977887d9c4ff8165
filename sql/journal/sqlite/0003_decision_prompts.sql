-- TripleGain decision journal, migration 0003 (SQLite): the prompt each LLM decision was made from.
-- The same logical schema as sql/journal/postgresql/0003_decision_prompts.sql. Representation as in 0001.
-- Never edit this file after it has shipped: add 0004_...

-- Rendered prompts (system and user text as sent to the provider), stored once by their SHA-256: one call decides
-- every pair (three decisions) and models given the same snapshot share the text, so a decision refers to its prompt
-- instead of copying it. prompt_sha256 is the lower-case hex SHA-256 of the UTF-8 text; first_decided_at is the
-- decided_at of the first decision journalled with it.
CREATE TABLE decision_prompts (
    prompt_sha256 TEXT PRIMARY KEY CHECK (length(prompt_sha256) = 64 AND prompt_sha256 NOT GLOB '*[^0-9a-f]*'),
    prompt_text TEXT NOT NULL,
    first_decided_at TEXT NOT NULL CHECK (first_decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
) STRICT;

-- The decision's rendered prompt; NULL for rule-based models (they have no prompt) and for decisions journalled
-- before this migration (their prompt_name and prompt_hash still name the template).
ALTER TABLE decisions ADD COLUMN prompt_sha256 TEXT NULL REFERENCES decision_prompts (prompt_sha256);
