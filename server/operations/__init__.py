"""Operations tooling: the outbox's dead letters and re-drives (admin API and CLI)."""
