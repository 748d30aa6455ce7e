// Creates one claim added by hand, in an article or stated by an actor.
CREATE (c:Claim {
  id: $claim.id, text: $claim.text, kind: $claim.kind, checkworthiness: $claim.checkworthiness,
  reasons: $claim.reasons, state: $initial_claim, version: 1, language: $claim.language,
  extractor: 'manual', created_by: $user, created_at: datetime()
})
WITH c
CALL (c) {
  MATCH (a:Article {id: $claim.article_id})
  CREATE (c)-[:APPEARS_IN {start: $claim.start, `end`: $claim.end}]->(a)
}
CALL (c) {
  MATCH (actor:Actor {id: $claim.claimant_id})
  CREATE (c)-[:STATED_BY]->(actor)
}
RETURN c.id AS id
