"""Corpus-wide decisions: one canonical name per entity, inferred publication dates."""
