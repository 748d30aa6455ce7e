// Creates the first admin from a configured key, only while no admin exists.
OPTIONAL MATCH (existing:User) WHERE 'admin' IN existing.roles
WITH count(existing) AS admins
WHERE admins = 0
MERGE (u:User {key_hash: $key_hash})
  ON CREATE SET u.id = $id, u.name = $name, u.roles = ['admin'], u.disabled = false,
                u.created_at = datetime()
RETURN u.id AS id, u.name AS name, u.roles AS roles
