-- TripleGain decision journal, migration 0001 (PostgreSQL).
-- The same logical schema as sql/journal/sqlite/0001_initial.sql: same tables, columns, keys and checks.
-- Representation: money and quantities are NUMERIC (exact, scale kept); statistics are double precision;
-- timestamps are timestamptz (UTC, microseconds); days are date; enumerations are lower-case text with a CHECK;
-- JSON is `json` (validated, text kept byte for byte). Applied once by JournalMigrator in one transaction.
-- Never edit this file after it has shipped: add 0002_... instead (the migrator checks the checksum).

-- One row per trading cycle of one account; inserted before the cycle's side effects (idempotent cycles).
CREATE TABLE cycles (
    cycle_id     text        NOT NULL PRIMARY KEY,
    account_id   text        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NULL,
    status       text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    error        text        NULL,
    CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX ix_cycles_account_started ON cycles (account_id, started_at DESC);

-- One row per model decision for one pair; decision_key is the caller's natural key (insert-if-absent).
CREATE TABLE decisions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_key   text             NOT NULL UNIQUE,
    cycle_id       text             NULL REFERENCES cycles (cycle_id),
    account_id     text             NOT NULL,
    model_id       text             NOT NULL,
    pair           text             NOT NULL,
    decided_at     timestamptz      NOT NULL,
    prompt_name    text             NULL,
    prompt_hash    text             NULL,
    raw_output     text             NULL,
    parsed_json    json             NULL,
    action         text             NULL CHECK (action IN ('hold', 'buy', 'sell', 'close')),
    size_pct       numeric          NULL,
    confidence     double precision NULL,
    stop_loss      numeric          NULL,
    take_profit    numeric          NULL,
    reasoning      text             NULL,
    parse_status   text             NOT NULL CHECK (parse_status IN ('ok', 'failed')),
    parse_error    text             NULL,
    latency_ms     double precision NOT NULL CHECK (latency_ms >= 0),
    input_tokens   bigint           NOT NULL CHECK (input_tokens >= 0),
    output_tokens  bigint           NOT NULL CHECK (output_tokens >= 0),
    cost_usd       numeric          NOT NULL CHECK (cost_usd >= 0),
    CHECK (parse_status = 'failed' OR action IS NOT NULL)
);
-- The UI pages decisions newest first (keyset on decided_at, id), optionally filtered by one column.
CREATE INDEX ix_decisions_decided_at   ON decisions (decided_at DESC, id DESC);
CREATE INDEX ix_decisions_model        ON decisions (model_id, decided_at DESC, id DESC);
CREATE INDEX ix_decisions_pair         ON decisions (pair, decided_at DESC, id DESC);
CREATE INDEX ix_decisions_action       ON decisions (action, decided_at DESC, id DESC);
CREATE INDEX ix_decisions_parse_status ON decisions (parse_status, decided_at DESC, id DESC);
CREATE INDEX ix_decisions_account      ON decisions (account_id, decided_at DESC, id DESC);
CREATE INDEX ix_decisions_cycle        ON decisions (cycle_id);

-- The RiskAgent's answer to a decision: at most one per decision.
CREATE TABLE risk_verdicts (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id            bigint  NOT NULL UNIQUE REFERENCES decisions (id),
    outcome                text    NOT NULL CHECK (outcome IN ('approved', 'resized', 'rejected')),
    rule                   text    NULL,
    reason                 text    NOT NULL,
    approved_size_pct      numeric NOT NULL,
    approved_notional_usd  numeric NOT NULL,
    approved_volume        numeric NOT NULL,
    leverage               numeric NOT NULL,
    stop_loss              numeric NULL,
    take_profit            numeric NULL
);

-- Orders; client_order_id is the idempotency key checked before execution (never twice).
CREATE TABLE orders (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_order_id    text        NOT NULL UNIQUE,
    decision_id        bigint      NULL REFERENCES decisions (id),
    account_id         text        NOT NULL,
    pair               text        NOT NULL,
    side               text        NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type         text        NOT NULL CHECK (order_type IN ('market', 'limit', 'stop_loss', 'take_profit')),
    volume             numeric     NOT NULL CHECK (volume > 0),
    price              numeric     NULL CHECK (price > 0),
    leverage           numeric     NOT NULL CHECK (leverage >= 1),
    status             text        NOT NULL CHECK (status IN ('pending', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')),
    exchange_order_id  text        NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX ix_orders_decision ON orders (decision_id);
CREATE INDEX ix_orders_account_created ON orders (account_id, created_at DESC);

-- Executions of an order; exchange_fill_id makes recording a fill idempotent.
CREATE TABLE fills (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exchange_fill_id  text        NOT NULL UNIQUE,
    client_order_id   text        NOT NULL REFERENCES orders (client_order_id),
    price             numeric     NOT NULL CHECK (price > 0),
    volume            numeric     NOT NULL CHECK (volume > 0),
    fee               numeric     NOT NULL CHECK (fee >= 0),
    fee_asset         text        NOT NULL,
    liquidity         text        NOT NULL CHECK (liquidity IN ('maker', 'taker')),
    filled_at         timestamptz NOT NULL
);
CREATE INDEX ix_fills_order ON fills (client_order_id, filled_at);

-- Account equity over time (the equity curve); balances_json is {"USDT": 1000.50, "BTC": 0.01, ...}.
CREATE TABLE equity_snapshots (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     text        NOT NULL,
    taken_at       timestamptz NOT NULL,
    equity         numeric     NOT NULL,
    balances_json  json        NOT NULL,
    drawdown       numeric     NOT NULL,
    UNIQUE (account_id, taken_at)
);

-- One row per model, account and UTC day; upserted as the day goes on.
CREATE TABLE daily_model_performance (
    model_id         text             NOT NULL,
    account_id       text             NOT NULL,
    day              date             NOT NULL,
    return_pct       double precision NOT NULL,
    equity           numeric          NOT NULL,
    trades           bigint           NOT NULL CHECK (trades >= 0),
    wins             bigint           NOT NULL CHECK (wins >= 0),
    losses           bigint           NOT NULL CHECK (losses >= 0),
    latency_p50_ms   double precision NOT NULL,
    latency_p95_ms   double precision NOT NULL,
    parse_successes  bigint           NOT NULL CHECK (parse_successes >= 0),
    parse_failures   bigint           NOT NULL CHECK (parse_failures >= 0),
    input_tokens     bigint           NOT NULL CHECK (input_tokens >= 0),
    output_tokens    bigint           NOT NULL CHECK (output_tokens >= 0),
    cost_usd         numeric          NOT NULL CHECK (cost_usd >= 0),
    PRIMARY KEY (model_id, account_id, day)
);
CREATE INDEX ix_daily_model_performance_account ON daily_model_performance (account_id, day);

-- Trades waiting for a person; client_order_id is the order the approval is for (one approval per order).
CREATE TABLE approvals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_order_id  text        NOT NULL UNIQUE,
    account_id       text        NOT NULL,
    decision_id      bigint      NULL REFERENCES decisions (id),
    status           text        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    requested_at     timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    decided_at       timestamptz NULL,
    decided_by       text        NULL,
    comment          text        NULL,
    CHECK (expires_at > requested_at),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (status NOT IN ('approved', 'rejected') OR decided_by IS NOT NULL)
);
CREATE INDEX ix_approvals_status_expires ON approvals (status, expires_at);
CREATE INDEX ix_approvals_account_status ON approvals (account_id, status, requested_at);

-- Stage and phase changes of an account, with who and why.
CREATE TABLE stage_transitions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  text        NOT NULL,
    from_stage  text        NULL,
    to_stage    text        NOT NULL,
    phase       bigint      NOT NULL CHECK (phase BETWEEN 1 AND 4),
    reason      text        NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX ix_stage_transitions_account ON stage_transitions (account_id, changed_at, id);

-- Emergency stops and resumes of an account, with who and why.
CREATE TABLE emergency_stops (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('stopped', 'resumed')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    reason      text        NOT NULL
);
CREATE INDEX ix_emergency_stops_account ON emergency_stops (account_id, changed_at, id);
