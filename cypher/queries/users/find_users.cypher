// Users whose id or name is $ref (a name may be shared by older users; ids never are).
MATCH (u:User)
WHERE u.id = $ref OR u.name = $ref
RETURN u.id AS id, u.name AS name, u.roles AS roles, coalesce(u.disabled, false) AS disabled,
       toString(u.created_at) AS created_at
