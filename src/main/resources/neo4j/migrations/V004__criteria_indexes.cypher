// Criteria are listed by how many trials state them and searched by words of their canonical text.
CREATE INDEX criterion_trial_count IF NOT EXISTS FOR (c:Criterion) ON (c.trialCount);
CREATE TEXT INDEX criterion_key_text IF NOT EXISTS FOR (c:Criterion) ON (c.key);
CREATE INDEX constraint_concept IF NOT EXISTS FOR (n:Constraint) ON (n.concept);
