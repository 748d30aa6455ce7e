// One user, with how many other enabled admins there are (the last admin stays enabled).
MATCH (u:User {id: $id})
RETURN u.id AS id, u.name AS name, u.roles AS roles, coalesce(u.disabled, false) AS disabled,
       toString(u.created_at) AS created_at,
       COUNT { MATCH (a:User) WHERE 'admin' IN a.roles AND NOT coalesce(a.disabled, false) AND a <> u }
         AS other_admins
