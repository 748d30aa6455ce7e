// Full-text search over claims and articles, plus the range indexes list queries sort by.
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS FOR (n:Claim) ON EACH [n.text];
CREATE FULLTEXT INDEX article_text IF NOT EXISTS FOR (n:Article) ON EACH [n.title, n.text];
CREATE INDEX claim_state IF NOT EXISTS FOR (n:Claim) ON (n.state);
CREATE INDEX article_ingested_at IF NOT EXISTS FOR (n:Article) ON (n.ingested_at);
