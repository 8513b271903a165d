// Indexes no query can use, dropped because every import pays for them at commit (docs/BENCHMARKS.md, "Incremental
// import: CPU per study"). Trials are never looked up by start year, last update or age limits in Cypher: the
// stats read startYear in a projection, the list sorts by coalesce(t.lastUpdated, ''), and the age filter compares
// coalesce(t.minimumAgeYears, 0.0), none of which an index serves. Arms and outcomes are only reached from their
// trial, never by id; their ids stay unique by construction (NCT id and position).
DROP INDEX trial_start_year IF EXISTS;
DROP INDEX trial_last_updated IF EXISTS;
DROP INDEX trial_min_age IF EXISTS;
DROP INDEX trial_max_age IF EXISTS;
DROP CONSTRAINT arm_id IF EXISTS;
DROP CONSTRAINT outcome_id IF EXISTS;
