// Full-text search over the text people search trials by.
CREATE FULLTEXT INDEX trial_text IF NOT EXISTS
FOR (t:Trial) ON EACH [t.briefTitle, t.officialTitle, t.acronym, t.briefSummary, t.keywordText];
