"""The factcheck benchmark runner: the service against the raw Neo4j driver. Run `python -m bench`."""
