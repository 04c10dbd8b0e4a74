"""Everything below the screen: files in, articles, quotations, search, comparison and coverage out.

Never imports Textual. The stages, each a folder with its entry point named in its docstring:

- `ingest`: files to clean `Article` records (text, title, outlet, date, authors).
- `quotes`: an article to its direct quotations with speakers; speakers across a corpus.
- `search`: the catalog (SQLite) and the full-text index (Whoosh), kept in step with the files.
- `compare`: two articles to an `Alignment`, sentence by sentence.
- `coverage`: a corpus to its topics, by outlet.

`corpus.open_corpus` is the one door the app and the command line use: it refreshes the index
and returns a `Corpus` that lists, searches, quotes, compares and finds coverage. Shared here
at the top: plain records (`model`), text helpers (`textclean`, `terms`, `sentences`),
and worker processes with progress (`workers`).
"""
