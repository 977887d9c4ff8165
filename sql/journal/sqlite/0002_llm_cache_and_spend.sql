-- TripleGain decision journal, migration 0002 (SQLite): LLM answer cache and daily LLM spend.
-- The same logical schema as sql/journal/postgresql/0002_llm_cache_and_spend.sql. Representation as in 0001.
-- Never edit this file after it has shipped: add 0003_...

-- LLM answers by model and rendered prompt, so that a backtest rerun reads them instead of calling the provider
-- (it costs nothing and gives the same decisions). prompt_hash is the lower-case hex SHA-256 of the rendered system
-- and user prompt; provider_model is the provider's model name that answered (a changed name replaces the answer);
-- decision_time is the market time the prompt was for (a backtest's estimate counts the answers it already has).
CREATE TABLE llm_decision_cache (
    model_id TEXT NOT NULL,
    prompt_hash TEXT NOT NULL CHECK (length(prompt_hash) = 64 AND prompt_hash NOT GLOB '*[^0-9a-f]*'),
    decision_time TEXT NOT NULL CHECK (decision_time GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    provider_model TEXT NOT NULL,
    prompt_name TEXT NOT NULL,
    template_hash TEXT NOT NULL,
    raw_output TEXT NOT NULL,
    input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
    output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
    cost_usd TEXT NOT NULL CHECK (cost_usd <> '' AND cost_usd NOT GLOB '*[^0-9.-]*' AND CAST(cost_usd AS NUMERIC) >= 0),
    latency_ms REAL NOT NULL CHECK (latency_ms >= 0),
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    PRIMARY KEY (model_id, prompt_hash)
) STRICT;
CREATE INDEX ix_llm_decision_cache_model_time ON llm_decision_cache (model_id, decision_time);

-- What each LLM model spent on each UTC day, so that its daily budget survives a restart. Written with the running
-- totals of the day (calls only grow: an older total never overwrites a newer one).
CREATE TABLE llm_daily_spend (
    model_id TEXT NOT NULL,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    cost_usd TEXT NOT NULL CHECK (cost_usd <> '' AND cost_usd NOT GLOB '*[^0-9.-]*' AND CAST(cost_usd AS NUMERIC) >= 0),
    calls INTEGER NOT NULL CHECK (calls >= 0),
    input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
    output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
    updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    PRIMARY KEY (model_id, day)
) STRICT;
CREATE INDEX ix_llm_daily_spend_day ON llm_daily_spend (day);
