-- TripleGain decision journal, migration 0002 (PostgreSQL): LLM answer cache and daily LLM spend.
-- The same logical schema as sql/journal/sqlite/0002_llm_cache_and_spend.sql. Representation as in 0001.
-- Never edit this file after it has shipped: add 0003_...

-- LLM answers by model and rendered prompt, so that a backtest rerun reads them instead of calling the provider
-- (it costs nothing and gives the same decisions). prompt_hash is the lower-case hex SHA-256 of the rendered system
-- and user prompt; provider_model is the provider's model name that answered (a changed name replaces the answer);
-- decision_time is the market time the prompt was for (a backtest's estimate counts the answers it already has).
CREATE TABLE llm_decision_cache (
    model_id        text             NOT NULL,
    prompt_hash     text             NOT NULL CHECK (prompt_hash ~ '^[0-9a-f]{64}$'),
    decision_time   timestamptz      NOT NULL,
    provider_model  text             NOT NULL,
    prompt_name     text             NOT NULL,
    template_hash   text             NOT NULL,
    raw_output      text             NOT NULL,
    input_tokens    bigint           NOT NULL CHECK (input_tokens >= 0),
    output_tokens   bigint           NOT NULL CHECK (output_tokens >= 0),
    cost_usd        numeric          NOT NULL CHECK (cost_usd >= 0),
    latency_ms      double precision NOT NULL CHECK (latency_ms >= 0),
    created_at      timestamptz      NOT NULL,
    PRIMARY KEY (model_id, prompt_hash)
);
CREATE INDEX ix_llm_decision_cache_model_time ON llm_decision_cache (model_id, decision_time);

-- What each LLM model spent on each UTC day, so that its daily budget survives a restart. Written with the running
-- totals of the day (calls only grow: an older total never overwrites a newer one).
CREATE TABLE llm_daily_spend (
    model_id       text        NOT NULL,
    day            date        NOT NULL,
    cost_usd       numeric     NOT NULL CHECK (cost_usd >= 0),
    calls          bigint      NOT NULL CHECK (calls >= 0),
    input_tokens   bigint      NOT NULL CHECK (input_tokens >= 0),
    output_tokens  bigint      NOT NULL CHECK (output_tokens >= 0),
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (model_id, day)
);
CREATE INDEX ix_llm_daily_spend_day ON llm_daily_spend (day);
