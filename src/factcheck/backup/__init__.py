"""Backup and restore of the whole graph as JSON lines, with a canonical graph hash."""

from factcheck.backup.export import ExportSummary, export_graph, graph_hash
from factcheck.backup.hashing import GraphHasher
from factcheck.backup.restore import BackupRefused, ImportSummary, import_graph

__all__ = [
    "BackupRefused",
    "ExportSummary",
    "GraphHasher",
    "ImportSummary",
    "export_graph",
    "graph_hash",
    "import_graph",
]
