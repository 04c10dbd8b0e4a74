"""Stories in JSON: NewsAPI and Event Registry responses, trafilatura's JSON output, or a plain
list of records with the keys of JSON Lines (title, body, outlet, date, authors, url, id).

Key names, as each service documents them:
- NewsAPI (`/v2/everything`, `/v2/top-headlines`): {"status", "totalResults", "articles": [{
  "source": {"id", "name"}, "author", "title", "description", "url", "urlToImage",
  "publishedAt", "content"}]}; `content` is cut to some 200 characters and ends "[+N chars]".
- Event Registry (`getArticles`): {"articles": {"results": [{"uri", "lang", "date", "time",
  "dateTime", "url", "title", "body", "source": {"uri", "title"}, "authors": [{"name", …}],
  …}], "totalResults", "page", "pages"}}.
- trafilatura (`--json`, or `bare_extraction` saved): {"title", "author", "hostname", "date",
  "source" (the page's URL), "source-hostname" (the site's name), "excerpt", "text", …}.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from talks_tui.index.ingest.stories import Export, Story, compact, text_paragraphs

_NEWSAPI_CUT_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def read(text: str) -> Export:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        return Export("JSON", problems=[(f"not valid JSON ({e.msg} at line {e.lineno}); not read", True)])
    except RecursionError:
        return Export("JSON", problems=[("JSON nested too deeply to read; not read", True)])
    records, kind = _records(data)
    export = Export(kind)
    if records is None:
        export.problems.append(("JSON of a layout talks-tui does not know (no list of stories); not read", True))
        return export
    cut = 0
    for n, record in enumerate(records, 1):
        where = f"record {n}"
        if not isinstance(record, Mapping):
            export.problems.append((f"{where}: expected an object, found {type(record).__name__}; left out", True))
            continue
        meta, body, was_cut = record_story(record)
        cut += was_cut
        blocks = text_paragraphs(body) if body else ()
        if not blocks:
            export.problems.append((f"{where}: no text; left out", True))
            continue
        export.stories.append(Story(blocks, meta, where))
    if cut:
        export.problems.append((f"NewsAPI gives only the start of each story: {cut} of them are cut short", False))
    return export


def _records(data: object) -> tuple[list | None, str]:
    if isinstance(data, list):
        return data, "JSON"
    if not isinstance(data, Mapping):
        return None, "JSON"
    articles = data.get("articles")
    if isinstance(articles, Mapping) and isinstance(articles.get("results"), list):
        return articles["results"], "Event Registry JSON"
    if isinstance(articles, list):
        return articles, "NewsAPI JSON" if "totalResults" in data or "status" in data else "JSON"
    for key in ("results", "stories", "data", "items"):
        if isinstance(data.get(key), list):
            return data[key], "JSON"
    if any(isinstance(data.get(k), str) for k in ("text", "body", "content")):
        return [data], "trafilatura JSON" if "source-hostname" in data or "fingerprint" in data else "JSON"
    return None, "JSON"


def record_story(record: Mapping) -> tuple[dict[str, object], str | None, bool]:
    """A record's metadata (front matter's keys), its text, and whether the text was cut short.
    Reads the key names of NewsAPI, Event Registry and trafilatura, then the plain ones."""
    source = record.get("source")
    if isinstance(source, Mapping):  # NewsAPI {"id", "name"}, Event Registry {"uri", "title"}
        outlet = source.get("name") or source.get("title")
    elif "source-hostname" in record or "fingerprint" in record:  # trafilatura: source is the URL
        outlet = record.get("source-hostname")
    else:
        outlet = record.get("outlet") or record.get("publisher") or source or record.get("site")
    authors = record.get("authors", record.get("author"))
    if isinstance(authors, list) and all(isinstance(a, Mapping) for a in authors):
        authors = [str(a.get("name")) for a in authors if a.get("name") and not a.get("isAgency")]
    url = record.get("url") or record.get("link")
    if url is None and "source-hostname" in record:
        url = record.get("source")
    date = next((record[k] for k in ("date", "publishedAt", "dateTimePub", "dateTime", "published", "publish_date")
                 if record.get(k)), None)  # fmt: skip
    body, cut = _body(record)
    meta = {
        "title": record.get("title") or record.get("headline"),
        "outlet": outlet if isinstance(outlet, str) else None,
        "date": date,
        "authors": authors,
        "url": url if isinstance(url, str) else None,
        "id": record.get("id") if isinstance(record.get("id"), (str, int)) else None,
    }
    return compact(meta), body, cut


def _body(record: Mapping) -> tuple[str | None, bool]:
    for key in ("body", "text", "content"):
        value = record.get(key)
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            value = "\n\n".join(value)
        if isinstance(value, str) and value.strip():
            if key == "content" and _NEWSAPI_CUT_RE.search(value):  # NewsAPI's shortened text
                value = _NEWSAPI_CUT_RE.sub("", value)
                description = record.get("description")
                if isinstance(description, str) and description.strip() and description.strip() not in value:
                    value = f"{description.strip()}\n\n{value}"
                return value, True
            return value, False
    return None, False
