"""The lowest layer: the table schema, the Tables container, input errors and the spaCy pipeline."""

# here rather than in the package's __init__, so that the stages that stamp their output with it
# (the Parquet manifest, the HTML report) need not import the package above them
VERSION = "0.1.0"
