// criteria(search:) finds criteria by the words of their key (eligibility.CriteriaSearch), through a word index
// instead of V004's trigram text index, which was the most expensive index to build and to keep up to date
// (docs/BENCHMARKS.md, "criteria(search:) from a word index"). standard-no-stop-words keeps every word a criterion
// needs ("no", "not", "or", numbers such as 18 and 0.5, units such as mg and dl); symbols (≥, %) are not words.
// A store that runs V004 and V008 in one start-up never builds the trigram index: SchemaMigrations applies all
// pending scripts before it waits for indexes.
CREATE FULLTEXT INDEX criterion_key_words IF NOT EXISTS FOR (c:Criterion) ON EACH [c.key]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
DROP INDEX criterion_key_text IF EXISTS;
