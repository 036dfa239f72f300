"""The lowest layer: the table schema, the Tables container, input errors and the spaCy pipeline."""
