// Claim matching: the claim text and its review's headline as separate, stemmed full-text fields.
CREATE FULLTEXT INDEX claim_match IF NOT EXISTS FOR (n:Claim) ON EACH [n.text, n.headline]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
