"""Models of grid (filled in by its issue)."""
