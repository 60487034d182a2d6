-- A cost line's running total is now summed when the cost ledger is read (CostLedgerQueries reads an engagement's
-- lines in order anyway), no longer stored. Storing it meant finding the line before each new one: H2 cannot walk
-- an index backwards, so every projected cost line scanned all earlier lines of its engagement, and a rebuild slowed
-- down with the square of an engagement's size. Plain SQL that runs unchanged on PostgreSQL and H2 2.x.

ALTER TABLE rm_cost_line DROP COLUMN running_total;
