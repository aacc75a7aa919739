"""The web UI's blueprints, one per area.

auth, settings, dashboard, alerts, users, model, system, and the pages.
"""
