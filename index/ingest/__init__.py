"""Ingest: files in, clean articles out.

Takes paths (files or folders; text, HTML, Markdown, JSON Lines) and gives `model.Article`
records: the story's paragraphs without page furniture, and title, outlet, date and authors.
Entry point: `load.discover_files` (which files a corpus is made of) and `load.load_file` (one
file's articles and problems). `readers` decodes bytes by format, `boilerplate` tells story from
furniture, `metadata` reads title, date and authors, `outlets` names the outlet, `frontmatter`
reads declared fields.
"""
