// Restores a batch of relationships between nodes already restored (by their new element ids).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
