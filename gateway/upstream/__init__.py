"""Upstream to the cloud: MQTT forwarding through a durable SQLite outbox that loses nothing."""
