// Ties people to the group or state they belong to.
UNWIND $affiliations AS row
MATCH (member:Actor {id: row.member_id}), (group:Actor {id: row.group_id})
MERGE (member)-[:AFFILIATED_WITH]->(group)
