// The text of an article, to cut a claim span from.
MATCH (a:Article {id: $id})
RETURN a.text AS text, a.language AS language
