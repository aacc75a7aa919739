"""Sinks: where scored readings go (history, alerts, upstream), each behind its own queue."""
