"""Hostile and broken input: fixtures and a helper that runs the real CLI on a copy of the project."""
