"""Export: the corpus's views as files people use.

Takes what the command line and the app show (articles, search hits, quotation rows, speakers, a
comparison, a coverage matrix) and gives a `views.View`: the JSON records programs read
(`records`, a contract: fields are added, never renamed), one flat row per item for a
spreadsheet (`csvfile`: RFC 4180, formula injection escaped) and a Markdown document for people
(`markdown` tables, `compare_report` for a comparison). Quotations carry a ready citation
(`citation`) and go to qualitative-analysis tools as a REFI-QDA project (`qdpx`).
Entry point: `views` (one function per view) and `formats.render` / `formats.write_file`,
shared by `talks-tui … --format/-o` and the app.
"""
