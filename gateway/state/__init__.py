"""Durable state: TinyDB for small records, SQLite for history, secrets, the data-folder lock."""
