"""arq workers: thin jobs that call domain services. Jobs take ids, never ORM objects."""
