"""Models of complaints (filled in by its issue)."""
