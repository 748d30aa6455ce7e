// Claims whose text is close to the given full-text query, best first.
CALL db.index.fulltext.queryNodes('claim_text', $q, {limit: $limit}) YIELD node AS c, score
RETURN c.id AS id, c.text AS text, c.state AS state, score
