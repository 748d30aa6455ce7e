"""Articles: ingestion from text, HTML or URLs, and reads."""
