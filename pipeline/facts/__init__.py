"""Facts: every MONEY, PERCENT and COUNT with its subject, metric and period."""

from pipeline.facts.build import build_facts

__all__ = ["build_facts"]
