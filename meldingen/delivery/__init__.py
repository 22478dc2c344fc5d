"""Delivery of stored meldingen to the configured targets: jobs, retries, the worker tasks and the targets."""
