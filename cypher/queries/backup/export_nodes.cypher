// Every :Migration node ($migrations = true) or every other node, with element id, labels, properties.
MATCH (n)
WHERE n:Migration = $migrations
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
