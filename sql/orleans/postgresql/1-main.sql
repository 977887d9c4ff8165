-- TripleGain: Orleans ADO.NET query table (PostgreSQL).
-- Contract: Microsoft.Orleans.{Clustering,Persistence,Reminders}.AdoNet 10.4.2 read their SQL from this table
-- ("SELECT QueryKey, QueryText FROM OrleansQuery") and address results by column name.
-- Written for TripleGain after that contract; applied by the silo at every start-up (idempotent: objects are created
-- when missing, query rows are upserted). Apply order: 1-main, 2-clustering, 3-persistence, 4-reminders.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
