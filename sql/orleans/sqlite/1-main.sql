-- TripleGain: Orleans ADO.NET query table (SQLite, through Microsoft.Data.Sqlite).
-- Contract: Microsoft.Orleans.{Clustering,Persistence,Reminders}.AdoNet 10.4.2 read their SQL from this table
-- ("SELECT QueryKey, QueryText FROM OrleansQuery") and address results by column name. In 10.4.2 the SQLite
-- invariant is "System.Data.SQLite"; the providers map it to Microsoft.Data.Sqlite's SqliteFactory.
-- Written for TripleGain after that contract; applied by the silo at every start-up (idempotent: objects are created
-- when missing, query rows are upserted). Apply order: 1-main, 2-clustering, 3-persistence, 4-reminders.
-- Query texts avoid quote characters, so they need no escaping inside the string literals below.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL,
    QueryText TEXT NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
