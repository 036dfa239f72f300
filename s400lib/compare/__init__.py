"""Across articles: alignment, contradictions, the timeline."""
