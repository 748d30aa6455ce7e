// Moves a claim to its next state only from the state and version the caller saw.
MATCH (c:Claim {id: $id})
WHERE c.state = $from_state AND c.version = $version
SET c.state = $to_state, c.version = c.version + 1, c.updated_at = datetime()
RETURN c.version AS version
