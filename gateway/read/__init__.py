"""Read models: every read of the gateway's state the web UI makes, as frozen typed records.

One module per area (assets, alerts, readings, users, settings, and the small tables
beside them); each holds its frozen records, the queries that build them, and the few
typed commands that change the area. The web UI reaches them through gateway.facade
and names no table (tests/test_import_cycles.py).
"""
