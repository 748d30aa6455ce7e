"""Claims: reads, search, and claims added by hand."""
