"""Reading articles: files, metadata, front matter, HTML, paragraphs."""
