"""Alert channels: one module per target type, imported when a delivery first needs it."""
