"""Small valid PDFs written by hand for the reading tests (no PDF-writing library is a dependency).

Each page is lines of text set in Helvetica with WinAnsiEncoding (cp1252, so æøå are single bytes),
one text object per line at its own height, as Word's "Gem som PDF" sets a page: a header at the
top, the body lines, and a footer at the bottom.
"""

from __future__ import annotations

from pathlib import Path

TOP, BOTTOM, LEADING = 770, 60, 14


def _literal(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def _content(lines: list[str], header: str | None, footer: str | None) -> bytes:
    parts = [b"BT /F1 11 Tf"]
    if header is not None:
        parts.append(b"1 0 0 1 72 810 Tm " + _literal(header) + b" Tj")
    for index, line in enumerate(lines):
        parts.append(b"1 0 0 1 72 %d Tm " % (TOP - index * LEADING) + _literal(line) + b" Tj")
    if footer is not None:
        parts.append(b"1 0 0 1 280 30 Tm " + _literal(footer) + b" Tj")
    parts.append(b"ET")
    return b"\n".join(parts)


def pdf_bytes(pages: list[list[str]], *, header: str | None = None, footer: str | None = None,
              image_pages: tuple[int, ...] = (), first_page_header: bool = True) -> bytes:
    """A PDF of ``pages`` (lists of lines). ``footer`` may hold ``{page}`` and ``{pages}``; the pages
    in ``image_pages`` (0-based) hold no text at all, only a grey rectangle, as a scanned page has no
    text layer; without ``first_page_header`` the first page has no header (Word's "different first
    page")."""
    objects: list[bytes] = []
    n = len(pages)
    page_ids = [4 + 2 * index for index in range(n)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, lines in enumerate(pages):
        if index in image_pages:
            stream = b"0.5 g 50 50 500 700 re f"
        else:
            shown_footer = footer.format(page=index + 1, pages=n) if footer is not None else None
            shown_header = header if index or first_page_header else None
            stream = _content(lines, shown_header, shown_footer)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[index] + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_pdf(path: Path, pages: list[list[str]], **options: object) -> Path:
    path.write_bytes(pdf_bytes(pages, **options))  # type: ignore[arg-type]
    return path
