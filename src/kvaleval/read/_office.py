"""Word (.docx) and OpenDocument (.odt) transcripts: paragraphs in order, one per line.

Tables are read row by row; a row whose first cell is short (a speaker column)
becomes ``first cell: rest``, so two-column transcripts keep their speakers.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.parsers.expat import ExpatError
from xml.sax import SAXParseException

from kvaleval.errors import CorpusError, Errors
from kvaleval.read._archive import check_zip

_SPEAKER_CELL = 40


def read_docx(path: Path, *, shown: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    check_zip(path, kind="Word", app="Word or LibreOffice", shown=shown)
    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines([[cell.text for cell in row.cells] for row in block.rows]))
            else:
                lines.append(block.text)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind="Word", detail=str(err) or type(err).__name__,
                               app="Word or LibreOffice")
        ) from err
    return _join(lines)


def read_odt(path: Path, *, shown: str) -> str:
    from odf import teletype
    from odf.element import Element
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    check_zip(path, kind="OpenDocument", app="LibreOffice", shown=shown)
    try:
        document = load(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile, ExpatError, SAXParseException, IndexError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind="OpenDocument", detail=str(err) or type(err).__name__,
                               app="LibreOffice")
        ) from err
    paragraph_tags = {(TEXTNS, "p"), (TEXTNS, "h")}
    lines: list[str] = []

    def walk(node: Element) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in paragraph_tags:
                lines.append(teletype.extractText(child))
            elif getattr(child, "childNodes", None):
                walk(child)

    walk(document.text)
    return _join(lines)


def _table_lines(rows: list[list[str]]) -> list[str]:
    lines = []
    for row in rows:
        cells = [cell for i, cell in enumerate(row) if i == 0 or cell != row[i - 1]]
        cells = [cell.strip() for cell in cells]
        if len(cells) >= 2 and cells[0] and len(cells[0]) <= _SPEAKER_CELL and "\n" not in cells[0]:
            head = cells[0] if cells[0].endswith(":") else cells[0] + ":"
            lines.append(head + " " + " ".join(cell for cell in cells[1:] if cell))
        else:
            lines.extend(cell for cell in cells if cell)
    return lines


def _join(lines: list[str]) -> str:
    text = "\n".join(line.replace("\r\n", "\n").replace("\r", "\n") for line in lines)
    return text.replace("\x00", "") + "\n"
