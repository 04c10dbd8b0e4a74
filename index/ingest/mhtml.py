"""MHTML (.mhtml, .mht): a web page saved with its images in one MIME message, as browsers'
"Save as single file" write it. The page is the first text/html part; its address is in the
`Snapshot-Content-Location` header (Chrome) or the part's `Content-Location`.
"""

from __future__ import annotations

import email
import email.policy

from talks_tui.index.ingest.safe_read import Unreadable


def page(data: bytes) -> tuple[str, str | None]:
    """The saved page's HTML and its URL."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    url = message.get("Snapshot-Content-Location")
    for part in message.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            try:
                html = part.get_content()
            except (LookupError, ValueError):  # an unknown charset: the bytes as UTF-8, leniently
                html = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
            return str(html), str(url or part.get("Content-Location") or "") or None
    raise Unreadable("an MHTML file without an HTML page in it")
