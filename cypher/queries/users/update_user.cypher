// Enables or disables a user, or replaces their key hash; a null parameter leaves that field.
MATCH (u:User {id: $id})
SET u.disabled = coalesce($disabled, u.disabled),
    u.key_hash = coalesce($key_hash, u.key_hash),
    u.updated_at = datetime()
RETURN u.id AS id, u.name AS name, u.roles AS roles, coalesce(u.disabled, false) AS disabled,
       toString(u.created_at) AS created_at
