"""Search: the catalog and the full-text index of a corpus.

Takes articles (from ingest) and gives ranked hits with snippets and per-outlet counts.
Entry point: `refresh.refresh` (bring the catalog and index in step with the files, re-reading
only what changed) and a search backend (`backend.SearchBackend`, the seam the corpus talks to;
`embedded.EmbeddedBackend` is the default). `catalog` is the SQLite store of files, articles and
quotations, `documents` an article analysed for indexing, `store` the Whoosh index and its numpy
matching engine, `quoteindex` the quotations by speaker, role and words (FTS5) that answer
`speaker:`, `role:` and `quote:`, `querytext` checks and rewrites query text, `snippets` makes
highlighted windows.
"""
