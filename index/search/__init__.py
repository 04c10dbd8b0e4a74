"""Search: the catalog and the full-text index of a corpus.

Takes articles (from ingest) and gives ranked hits with snippets and per-outlet counts.
Entry point: `refresh.refresh` (bring the catalog and index in step with the files, re-reading
only what changed) and `store.Store` (queries). `catalog` is the SQLite store of articles and
quotations, `querytext` checks and rewrites query text, `quotefields` answers `speaker:`,
`role:` and `quote:` from the quotations, `snippets` makes highlighted windows.
"""
