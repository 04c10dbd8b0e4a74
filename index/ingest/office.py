"""The text of word-processor files: .docx through python-docx, .rtf through striprtf.

Both come back as lines (one per paragraph, blank between), so a Nexis Uni or Factiva export
saved in either is split into its stories like the same export in plain text.
"""

from __future__ import annotations

import io
import zipfile

from talks_tui.index.ingest.safe_read import MB, Unreadable

MAX_UNPACKED = 256 * MB  # a .docx is a zip: refuse one that unpacks past this (a zip bomb)


def docx_lines(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED:
                raise Unreadable(f"a .docx that unpacks to {unpacked / MB:.0f} MB; not read (the limit is 256 MB)")
    except zipfile.BadZipFile:
        raise Unreadable("not a Word document (.docx is a zip file; this is not one)") from None
    import docx  # python-docx: only Word files pay for the import

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors on a broken file
        raise Unreadable(f"not a readable Word document ({type(e).__name__}: {e})".splitlines()[0][:200]) from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        # A paragraph may hold line breaks; a blank line keeps paragraphs apart.
        lines += [*paragraph.text.split("\n"), ""]
    for table in document.tables:  # text set in tables (some exports' metadata) after the rest
        for row in table.rows:
            lines += [" ".join(cell.text.split()) for cell in row.cells] + [""]
    return lines


def rtf_text(data: bytes) -> str:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("not an RTF document (it does not start with {\\rtf)")
    from striprtf.striprtf import rtf_to_text  # only RTF files pay for the import

    try:
        # RTF is 7-bit text whose other characters are escapes; striprtf decodes them by the
        # file's code page.
        return rtf_to_text(data.decode("latin-1"), errors="ignore")
    except Exception as e:  # a malformed group structure
        raise Unreadable(f"not a readable RTF document ({type(e).__name__})") from None
