// Suggested lineage links from new claims: $same (SAME_AS) and $similar (SIMILAR_TO), rows {from, to, score}.
CALL () {
  UNWIND $same AS row
  MATCH (n:Claim {id: row.from}), (o:Claim {id: row.to})
  CREATE (n)-[:SAME_AS {score: row.score, created_at: datetime(), suggested_by: $user}]->(o)
}
CALL () {
  UNWIND $similar AS row
  MATCH (n:Claim {id: row.from}), (o:Claim {id: row.to})
  CREATE (n)-[:SIMILAR_TO {score: row.score, created_at: datetime(), suggested_by: $user}]->(o)
}
RETURN size($same) + size($similar) AS links
