"""Scoring against gold: quotes and speakers, claims and contradictions, times."""
