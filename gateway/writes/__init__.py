"""Guarded writes to devices: one service in front of every source (docs/writes.md)."""
