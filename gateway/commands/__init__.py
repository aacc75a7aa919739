"""Commands from the cloud over the upstream MQTT link (docs/commands.md)."""
