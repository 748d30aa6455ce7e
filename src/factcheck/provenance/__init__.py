"""DERIVED_FROM links between evidence and documents: the one place evidence chains are written."""
