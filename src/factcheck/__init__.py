"""factcheck: a fact-check workflow service backed by a Neo4j graph."""

__all__ = ["__version__"]

__version__ = "0.1.0"
