// Restores a batch of nodes with their labels and properties; maps each exported id to its new one.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.id AS old_id, elementId(n) AS new_id
