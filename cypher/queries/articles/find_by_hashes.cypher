// Articles already ingested with these normalised-text hashes.
UNWIND $hashes AS hash
MATCH (a:Article {sha256: hash})
RETURN hash, a.id AS id
