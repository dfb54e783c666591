"""Generator for the INF Treaty explainer: cited YAML in, MkDocs pages out.

The pipeline runs in one direction: load → check → cite → render → write.
Everything but `write` and `cli` is pure: strings and records in, values out.
"""
