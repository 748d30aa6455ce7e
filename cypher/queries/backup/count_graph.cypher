// How many nodes and relationships the graph holds, and how many of the nodes are data (not :Migration).
CALL () { MATCH (n) RETURN count(n) AS nodes, count(CASE WHEN NOT n:Migration THEN 1 END) AS data_nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, data_nodes, relationships
