"""trafilatura's XML output: `<doc sitename= title= author= date= url= hostname= …>` holding the
text in `<main>` (paragraphs `<p>`, headings `<head>`, lists, quotes) and reader comments in
`<comments>`, which are not the story. Several `<doc>` elements in one file are several stories.

Parsed without resolving entities or fetching anything, so an entity bomb or an external
entity in a hostile file stays inert text.
"""

from __future__ import annotations

from talks_tui.index.ingest.stories import Export, Story, blocks_of, compact

_BLOCKS = ("p", "head", "item", "quote", "cell", "code")


def read(data: bytes) -> Export:
    from lxml import etree  # installed with trafilatura

    export = Export("trafilatura XML")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        export.problems.append((f"not valid XML ({e}); not read", True))
        return export
    if root is None:
        export.problems.append(("not valid XML; not read", True))
        return export
    docs = [root] if root.tag == "doc" else root.findall(".//doc")
    if not docs:
        export.problems.append(("XML that is not trafilatura's output (no <doc> element); not read", True))
        return export
    for n, doc in enumerate(docs, 1):
        where = f"document {n}"
        main = doc.find("main")
        if main is None:
            main = doc
        # The innermost blocks only: a <quote> holding <p>s is those paragraphs, once.
        texts = [" ".join(el.itertext()) for el in main.iter(*_BLOCKS) if not any(el.iterdescendants(*_BLOCKS))]
        blocks = blocks_of(texts) or blocks_of(["".join(main.itertext())])
        if not blocks:
            export.problems.append((f"{where}: no text; left out", True))
            continue
        meta = {
            "title": doc.get("title"),
            "outlet": doc.get("sitename"),
            "date": doc.get("date"),
            "authors": (doc.get("author") or "").replace(";", ",") or None,
            "url": doc.get("url") or doc.get("source"),
        }
        export.stories.append(Story(blocks, compact(meta), where))
    return export
