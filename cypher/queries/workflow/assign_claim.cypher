// Replaces a claim's assignee with an enabled user holding one of $roles.
MATCH (c:Claim {id: $id})
MATCH (u:User {id: $assignee})
WHERE NOT coalesce(u.disabled, false) AND any(role IN u.roles WHERE role IN $roles)
CALL (c) {
  MATCH (:User)-[old:ASSIGNED]->(c)
  DELETE old
}
CREATE (u)-[:ASSIGNED {at: datetime(), by: $by}]->(c)
RETURN u.id AS assignee
