-- Seeds cases into a qcredit SQLite store fast, for scripts/bench's scale and startup
-- benches. Every new case copies the store's first case (opened through the API, so every
-- column holds what the server writes) and its events; the store must already hold it.
-- The schema is the server's own (server/store/migrations.cpp): the server created it.
-- Parameter: .parameter set :total N — the number of cases the store holds afterwards.
-- The copied events keep the template's hashes: seeded cases are read, never verified.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
BEGIN;
CREATE TEMP TABLE seed_n AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                          WHERE i < :total - (SELECT count(*) FROM cases))
  SELECT i FROM n WHERE :total > (SELECT count(*) FROM cases);
CREATE TEMP TABLE seed_first AS SELECT coalesce(max(id), 0) AS id FROM cases;
INSERT INTO cases (procedure, version, uscc, region, stage, status, data, rev, stage_seq,
                   opened_by, created_at, updated_at)
  SELECT c.procedure, c.version, c.uscc, c.region, c.stage, c.status, c.data, c.rev,
         c.stage_seq, c.opened_by, c.created_at, c.updated_at
  FROM seed_n, cases c WHERE c.id = (SELECT min(id) FROM cases) ORDER BY seed_n.i;
INSERT INTO case_events (case_id, seq, at, actor, action, from_stage, to_stage, comment,
                         payload, prev_hash, hash)
  SELECT c.id, e.seq, e.at, e.actor, e.action, e.from_stage, e.to_stage, e.comment,
         e.payload, e.prev_hash, e.hash
  FROM cases c, case_events e
  WHERE c.id > (SELECT id FROM seed_first) AND e.case_id = (SELECT min(id) FROM cases);
COMMIT;
SELECT count(*) FROM cases;
