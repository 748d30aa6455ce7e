// Finds each actor by its key or any alias already known, else creates it; returns key -> id.
UNWIND $actors AS row
OPTIONAL MATCH (known:ActorAlias) WHERE known.key IN row.alias_keys
WITH row, min(known.actor_key) AS known_key
MERGE (a:Actor {key: coalesce(known_key, row.key)})
  ON CREATE SET a.id = row.id, a.name = row.name, a.kind = row.kind, a.title = row.title,
                a.aliases = row.aliases, a.created_at = datetime()
  ON MATCH SET a.aliases = a.aliases + [x IN row.aliases WHERE NOT x IN a.aliases],
               a.title = coalesce(a.title, row.title)
WITH row, a
CALL (row, a) {
  UNWIND row.alias_keys AS alias_key
  MERGE (alias:ActorAlias {key: alias_key})
    ON CREATE SET alias.actor_key = a.key
}
RETURN row.key AS key, a.id AS id
