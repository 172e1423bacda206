"""Models of enterprises (filled in by its issue)."""
