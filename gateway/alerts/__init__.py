"""Alerts: rules over predictions, the seed's templates, durable delivery through Apprise."""
