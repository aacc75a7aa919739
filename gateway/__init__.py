"""Aastreli Edge Gateway: field protocols in, compiled fault model, alerts and upstream out."""

__version__ = "0.1.0"
