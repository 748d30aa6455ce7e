// Newsroom reads: verdicts by publication time, summaries searchable, imported reviews by key.
CREATE INDEX verdict_published_at IF NOT EXISTS FOR (n:Verdict) ON (n.published_at);
CREATE FULLTEXT INDEX verdict_summary IF NOT EXISTS FOR (n:Verdict) ON EACH [n.summary];
CREATE CONSTRAINT verdict_external_key IF NOT EXISTS FOR (n:Verdict) REQUIRE n.external_key IS UNIQUE;
