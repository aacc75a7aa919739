"""Helpers shared by the tests: free ports, real brokers and servers started per test."""
