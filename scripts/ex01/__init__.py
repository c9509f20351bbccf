"""Tooling for the EX01 report site: the original's parts, answer page metadata, fidelity checks."""
