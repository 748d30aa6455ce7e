"""The review workflow: the state table (`table`), its service, the transition endpoint and docs."""
