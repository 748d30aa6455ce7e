"""Documents: snapshots of the material evidence quotes, fetched or uploaded, kept unchanged."""
