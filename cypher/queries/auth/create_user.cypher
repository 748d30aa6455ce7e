// Creates a user holding a key hash.
CREATE (u:User {
  id: $id, name: $name, roles: $roles, key_hash: $key_hash,
  disabled: false, created_at: datetime()
})
RETURN u.id AS id, u.name AS name, u.roles AS roles, u.disabled AS disabled,
       toString(u.created_at) AS created_at
