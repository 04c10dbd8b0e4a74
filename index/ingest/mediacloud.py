"""Stories in CSV: Media Cloud's story lists, or any table with a title or text column.

Media Cloud's search tool downloads one story a row with the columns `id`, `indexed_date`,
`language`, `media_name`, `media_url`, `publish_date`, `title` and `url` (its older API gave
`stories_id` and the same names); it holds no story text, so such a row becomes an article of
its title only, and the file says so once. A `text` (or `body`, `content`) column is read when
present.
"""

from __future__ import annotations

import csv
import io
import sys

from talks_tui.index.ingest.stories import Export, Story, compact, text_paragraphs

_TEXT = ("text", "body", "content", "story_text", "full_text")
_TITLE = ("title", "headline")
_OUTLET = ("media_name", "outlet", "source", "publisher", "site")
_DATE = ("publish_date", "date", "published", "publishedat")
_AUTHORS = ("authors", "author", "byline")
_URL = ("url", "link")


def read(text: str) -> Export:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # the file's size is bounded already
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = {(name or "").strip().lower(): name for name in (reader.fieldnames or [])}
    media_cloud = {"media_name", "publish_date", "url"} <= columns.keys()
    export = Export("Media Cloud CSV" if media_cloud else "CSV")

    def column(names: tuple[str, ...]) -> str | None:
        return next((columns[n] for n in names if n in columns), None)

    text_col, title_col = column(_TEXT), column(_TITLE)
    if text_col is None and title_col is None:
        export.problems.append(("CSV without a title or text column; not read", True))
        return export
    outlet_col, date_col, authors_col, url_col = column(_OUTLET), column(_DATE), column(_AUTHORS), column(_URL)
    titles_only = 0
    try:
        for n, row in enumerate(reader, 2):  # row 1 is the header
            where = f"row {n}"
            value = {k: (row.get(c) or "").strip() if c else "" for k, c in
                     (("text", text_col), ("title", title_col), ("outlet", outlet_col), ("date", date_col),
                      ("authors", authors_col), ("url", url_col))}  # fmt: skip
            blocks = text_paragraphs(value["text"]) if value["text"] else ()
            if not blocks and value["title"]:
                blocks, titles_only = (value["title"],), titles_only + 1
            if not blocks:
                export.problems.append((f"{where}: no title and no text; left out", True))
                continue
            meta = {k: value[k] for k in ("title", "outlet", "date", "authors", "url")}
            export.stories.append(Story(blocks, compact(meta), where))
    except csv.Error as e:
        export.problems.append((f"line {reader.line_num}: not valid CSV ({e}); the rest is not read", True))
    if titles_only:
        export.problems.append((f"{titles_only} rows have no story text (only their title is read)", False))
    return export
