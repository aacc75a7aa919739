"""Sparkplug B upstream: the gateway as a Sparkplug edge node (``upstream.format: sparkplug_b``).

Nothing here is imported unless that format is configured: protobuf stays out of the
JSON gateway's memory.
"""
