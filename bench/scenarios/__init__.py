"""The benchmark's scenarios: ingest, read, workflow, trace and extract."""
