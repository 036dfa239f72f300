"""Running the stages: the per-article parse, streaming to Parquet, Dask."""
