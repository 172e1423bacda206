"""Demo content for ``zwgk up --demo`` / ``zwgk seed --demo``: data files and the seeder.

Nothing here is imported by the API or the workers; a production deployment never loads
it, and :func:`server.demo.seed.seed_demo` refuses to run with ``env = "production"``.
"""
