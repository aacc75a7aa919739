"""The admin web UI and JSON API of the Aastreli gateway (Flask, served by waitress in-process)."""
