"""Grid workers (网格化): cells, households, visits, visit tasks, coverage."""
