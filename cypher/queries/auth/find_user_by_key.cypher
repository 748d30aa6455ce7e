// The enabled user holding an API key hash; no row when none does.
MATCH (u:User {key_hash: $key_hash})
WHERE NOT coalesce(u.disabled, false)
RETURN u.id AS id, u.name AS name, u.roles AS roles
