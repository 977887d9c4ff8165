-- TripleGain decision journal, migration 0001 (SQLite).
-- The same logical schema as sql/journal/postgresql/0001_initial.sql: same tables, columns, keys and checks.
-- Representation (STRICT tables: a column only ever holds its declared type; a number written into a TEXT column
-- is stored as its text, which the format CHECKs below then judge):
--   money and quantities: TEXT holding the invariant-culture decimal ("1234.5600", "-0.01"; digits, '.', '-'
--     only, never REAL, never exponents), written and read by the journal with decimal.ToString/Parse(Invariant),
--     so values round-trip exactly, scale included;
--   timestamps: TEXT "yyyy-MM-ddTHH:mm:ss.ffffffZ" (UTC, always 6 fraction digits, fixed width, so text order is
--     time order and keyset paging works on the text); days: TEXT "yyyy-MM-dd";
--   statistics (confidence, latency, return): REAL; counts and ids: INTEGER; enumerations: lower-case TEXT.
-- Applied once by JournalMigrator in one transaction. Never edit this file after it has shipped: add 0002_...

-- One row per trading cycle of one account; inserted before the cycle's side effects (idempotent cycles).
CREATE TABLE cycles (
    cycle_id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL,
    started_at TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    finished_at TEXT NULL CHECK (finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    error TEXT NULL,
    CHECK ((status = 'running') = (finished_at IS NULL))
) STRICT;
CREATE INDEX ix_cycles_account_started ON cycles (account_id, started_at DESC);

-- One row per model decision for one pair; decision_key is the caller's natural key (insert-if-absent).
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_key TEXT NOT NULL UNIQUE,
    cycle_id TEXT NULL REFERENCES cycles (cycle_id),
    account_id TEXT NOT NULL,
    model_id TEXT NOT NULL,
    pair TEXT NOT NULL,
    decided_at TEXT NOT NULL CHECK (decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    prompt_name TEXT NULL,
    prompt_hash TEXT NULL,
    raw_output TEXT NULL,
    parsed_json TEXT NULL CHECK (json_valid(parsed_json)),
    action TEXT NULL CHECK (action IN ('hold', 'buy', 'sell', 'close')),
    size_pct TEXT NULL CHECK (size_pct <> '' AND size_pct NOT GLOB '*[^0-9.-]*'),
    confidence REAL NULL,
    stop_loss TEXT NULL CHECK (stop_loss <> '' AND stop_loss NOT GLOB '*[^0-9.-]*'),
    take_profit TEXT NULL CHECK (take_profit <> '' AND take_profit NOT GLOB '*[^0-9.-]*'),
    reasoning TEXT NULL,
    parse_status TEXT NOT NULL CHECK (parse_status IN ('ok', 'failed')),
    parse_error TEXT NULL,
    latency_ms REAL NOT NULL CHECK (latency_ms >= 0),
    input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
    output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
    cost_usd TEXT NOT NULL CHECK (cost_usd <> '' AND cost_usd NOT GLOB '*[^0-9.-]*' AND CAST(cost_usd AS NUMERIC) >= 0),
    CHECK (parse_status = 'failed' OR action IS NOT NULL)
) STRICT;
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id INTEGER NOT NULL UNIQUE REFERENCES decisions (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'resized', 'rejected')),
    rule TEXT NULL,
    reason TEXT NOT NULL,
    approved_size_pct TEXT NOT NULL CHECK (approved_size_pct <> '' AND approved_size_pct NOT GLOB '*[^0-9.-]*'),
    approved_notional_usd TEXT NOT NULL CHECK (approved_notional_usd <> '' AND approved_notional_usd NOT GLOB '*[^0-9.-]*'),
    approved_volume TEXT NOT NULL CHECK (approved_volume <> '' AND approved_volume NOT GLOB '*[^0-9.-]*'),
    leverage TEXT NOT NULL CHECK (leverage <> '' AND leverage NOT GLOB '*[^0-9.-]*'),
    stop_loss TEXT NULL CHECK (stop_loss <> '' AND stop_loss NOT GLOB '*[^0-9.-]*'),
    take_profit TEXT NULL CHECK (take_profit <> '' AND take_profit NOT GLOB '*[^0-9.-]*')
) STRICT;

-- Orders; client_order_id is the idempotency key checked before execution (never twice).
CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT NOT NULL UNIQUE,
    decision_id INTEGER NULL REFERENCES decisions (id),
    account_id TEXT NOT NULL,
    pair TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type TEXT NOT NULL CHECK (order_type IN ('market', 'limit', 'stop_loss', 'take_profit')),
    volume TEXT NOT NULL CHECK (volume <> '' AND volume NOT GLOB '*[^0-9.-]*' AND CAST(volume AS NUMERIC) > 0),
    price TEXT NULL CHECK (price <> '' AND price NOT GLOB '*[^0-9.-]*' AND CAST(price AS NUMERIC) > 0),
    leverage TEXT NOT NULL CHECK (leverage <> '' AND leverage NOT GLOB '*[^0-9.-]*' AND CAST(leverage AS NUMERIC) >= 1),
    status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')),
    exchange_order_id TEXT NULL,
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
) STRICT;
CREATE INDEX ix_orders_decision ON orders (decision_id);
CREATE INDEX ix_orders_account_created ON orders (account_id, created_at DESC);

-- Executions of an order; exchange_fill_id makes recording a fill idempotent.
CREATE TABLE fills (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exchange_fill_id TEXT NOT NULL UNIQUE,
    client_order_id TEXT NOT NULL REFERENCES orders (client_order_id),
    price TEXT NOT NULL CHECK (price <> '' AND price NOT GLOB '*[^0-9.-]*' AND CAST(price AS NUMERIC) > 0),
    volume TEXT NOT NULL CHECK (volume <> '' AND volume NOT GLOB '*[^0-9.-]*' AND CAST(volume AS NUMERIC) > 0),
    fee TEXT NOT NULL CHECK (fee <> '' AND fee NOT GLOB '*[^0-9.-]*' AND CAST(fee AS NUMERIC) >= 0),
    fee_asset TEXT NOT NULL,
    liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
    filled_at TEXT NOT NULL CHECK (filled_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
) STRICT;
CREATE INDEX ix_fills_order ON fills (client_order_id, filled_at);

-- Account equity over time (the equity curve); balances_json is {"USDT": 1000.50, "BTC": 0.01, ...}.
CREATE TABLE equity_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    taken_at TEXT NOT NULL CHECK (taken_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    equity TEXT NOT NULL CHECK (equity <> '' AND equity NOT GLOB '*[^0-9.-]*'),
    balances_json TEXT NOT NULL CHECK (json_valid(balances_json)),
    drawdown TEXT NOT NULL CHECK (drawdown <> '' AND drawdown NOT GLOB '*[^0-9.-]*'),
    UNIQUE (account_id, taken_at)
) STRICT;

-- One row per model, account and UTC day; upserted as the day goes on.
CREATE TABLE daily_model_performance (
    model_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    return_pct REAL NOT NULL,
    equity TEXT NOT NULL CHECK (equity <> '' AND equity NOT GLOB '*[^0-9.-]*'),
    trades INTEGER NOT NULL CHECK (trades >= 0),
    wins INTEGER NOT NULL CHECK (wins >= 0),
    losses INTEGER NOT NULL CHECK (losses >= 0),
    latency_p50_ms REAL NOT NULL,
    latency_p95_ms REAL NOT NULL,
    parse_successes INTEGER NOT NULL CHECK (parse_successes >= 0),
    parse_failures INTEGER NOT NULL CHECK (parse_failures >= 0),
    input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
    output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
    cost_usd TEXT NOT NULL CHECK (cost_usd <> '' AND cost_usd NOT GLOB '*[^0-9.-]*' AND CAST(cost_usd AS NUMERIC) >= 0),
    PRIMARY KEY (model_id, account_id, day)
) STRICT;
CREATE INDEX ix_daily_model_performance_account ON daily_model_performance (account_id, day);

-- Trades waiting for a person; client_order_id is the order the approval is for (one approval per order).
CREATE TABLE approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL,
    decision_id INTEGER NULL REFERENCES decisions (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    requested_at TEXT NOT NULL CHECK (requested_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    expires_at TEXT NOT NULL CHECK (expires_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    decided_at TEXT NULL CHECK (decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    decided_by TEXT NULL,
    comment TEXT NULL,
    CHECK (expires_at > requested_at),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (status NOT IN ('approved', 'rejected') OR decided_by IS NOT NULL)
) STRICT;
CREATE INDEX ix_approvals_status_expires ON approvals (status, expires_at);
CREATE INDEX ix_approvals_account_status ON approvals (account_id, status, requested_at);

-- Stage and phase changes of an account, with who and why.
CREATE TABLE stage_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    from_stage TEXT NULL,
    to_stage TEXT NOT NULL,
    phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 4),
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL CHECK (changed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
) STRICT;
CREATE INDEX ix_stage_transitions_account ON stage_transitions (account_id, changed_at, id);

-- Emergency stops and resumes of an account, with who and why.
CREATE TABLE emergency_stops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('stopped', 'resumed')),
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL CHECK (changed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    reason TEXT NOT NULL
) STRICT;
CREATE INDEX ix_emergency_stops_account ON emergency_stops (account_id, changed_at, id);
