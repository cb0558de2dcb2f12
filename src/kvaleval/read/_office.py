"""Word (.docx) and OpenDocument (.odt) transcripts: paragraphs in order, one per line.

Tables are read row by row; a row whose first cell is short (a speaker column)
becomes ``first cell: rest``, so two-column transcripts keep their speakers. A
leading time column is kept as ``[00:03:12] speaker: text``, and a header row
(``Taler | Tekst``) is dropped: it is layout, not speech. A column the header calls
comments (``Noter``, ``Kommentar``) is the transcriber's or analyst's, not speech: it is
not read into the turns (so it is neither coded nor quoted), and the cells left out are
counted in a note. Headers, footers,
footnotes, comments and text boxes are not read. Tracked changes are read as
accepted (insertions in, deletions out), as a coder would read the final text.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any
from xml.parsers.expat import ExpatError
from xml.sax import SAXException

from kvaleval.errors import CorpusError, Errors, Texts, Warnings, library_error, shorten
from kvaleval.read._archive import check_zip
from kvaleval.segment.tags import TIME_RANGE, clean_label, is_first_name, is_role_label, looks_like_name

_SPEAKER_CELL = 40
_STAMP_CELL = re.compile(rf"[\[(]?{TIME_RANGE}[\])]?")
_NUMBER_CELL = re.compile(r"\d{1,5}\.?")
SPEAKER, TIME, TEXT, NUMBER, COMMENT, OTHER = "speaker", "time", "text", "number", "comment", "other"
QUESTION, ANSWER = "question", "answer"
_COLUMN_ROLES = {
    **dict.fromkeys("taler talere speaker navn name person hvem deltager".split(), SPEAKER),
    **dict.fromkeys("tid tidspunkt tidskode tidsrum tidsstempel time timestamp timespan tidsinterval".split(), TIME),
    **dict.fromkeys("tekst text udsagn transskription transcript indhold content replik ytring".split(), TEXT),
    **dict.fromkeys("linje linjenr linjenummer nr nummer line no #".split(), NUMBER),
    **dict.fromkeys("spørgsmål spm question questions".split(), QUESTION),
    **dict.fromkeys("svar besvarelse answer answers".split(), ANSWER),
    **dict.fromkeys("kommentar kommentarer comment comments note noter notes notat bemærkning bemærkninger "
                    "memo observation observationer".split(), COMMENT),
}
"""What a transcript table's header says each column holds (``Nr. | Tid | Taler | Tekst``,
NVivo's ``Timespan | Content | Speaker``)."""
_ODT_APP = "LibreOffice"
_DOCX_MEMBERS = ("[Content_Types].xml", "word/document.xml")
_ODT_MEMBERS = ("content.xml",)


def read_docx(path: Path, *, shown: str, notes: list[str] | None = None) -> str:
    """The text of a Word document: paragraphs and table rows in order, one per line; a note
    for comment columns left out is added to ``notes``.

    Raises
    ------
    CorpusError
        If the file is not a readable, safe Word document.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import LxmlError

    check_zip(path, kind="Word", app=Texts.app_word, shown=shown, required=_DOCX_MEMBERS)
    try:
        with warnings.catch_warnings(), path.open("rb") as handle:
            warnings.simplefilter("ignore")
            document = docx.Document(handle)
            lines: list[str] = []
            leads: dict[int, str] = {}
            comments: Counter[str] = Counter()
            emphasised: set[int] = set()  # paragraphs all in bold or all in italics
            bold_styles = _bold_styles(document)
            body = document.element.body
            boxes = _text_boxes(body)
            # a document laid out in text boxes (a PDF saved as Word) is read from them; else they float beside it
            boxed = _words([t.text for box in boxes for t in box.iter(_W_T)]) > _words(_outside_boxes(body))
            for block in _docx_blocks(document.element.body):
                if block.tag == _W_TBL:
                    table = Table(block, document)
                    rows = [_row_texts(row) for row in table.rows]
                    lines.extend(_table_lines(rows, comments))
                else:
                    lead = _bold_lead(block, bold_styles)
                    if lead:
                        leads[len(lines)] = lead
                    if _is_emphasised(block, bold_styles):
                        emphasised.add(len(lines))
                    lines.append(_paragraph_text(block))
                    if boxed:  # the text boxes anchored in the paragraph, after it
                        lines += [_paragraph_text(inner) for box in _text_boxes(block) for inner in box.iter(_W_P)]
            _tag_bold_leads(lines, leads)
            if _tag_emphasised_questions(lines, emphasised) and notes is not None:
                notes.append(Warnings.W031.format(path=shown))
            unread = _docx_unread(document, boxed=boxed)
            if boxed and notes is not None:
                notes.append(Warnings.W046.format(path=shown, n=len(boxes)))
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError,
            zipfile.BadZipFile, zlib.error, EOFError, LxmlError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind="Word", detail=_detail(err), app=Texts.app_word)
        ) from err
    _comment_note(comments, shown, notes)
    _unread_note(unread, shown, notes)
    return _join(lines)


def _unread_note(unread: dict[str, list[str]], shown: str, notes: list[str] | None) -> None:
    """W045 for the comments, notes, text boxes and page headers a document holds, which are not read:
    words the user gave, left out, are told of, not dropped in silence."""
    unread = {kind: texts for kind, texts in unread.items() if texts}
    if unread and notes is not None:
        parts = ", ".join(getattr(Texts, kind).format(n=len(texts)) for kind, texts in unread.items())
        excerpt = repr(shorten(next(iter(unread.values()))[0], 60))
        notes.append(Warnings.W045.format(path=shown, parts=parts, excerpt=excerpt))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_W_NOTES = {"/word/footnotes.xml": f"{_W}footnote", "/word/endnotes.xml": f"{_W}endnote"}


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes in ``element``, each once (not also its copy for older Word, in ``mc:Fallback``)."""
    return [box for box in element.iter(f"{_W}txbxContent")
            if not any(ancestor.tag in (_MC_FALLBACK, f"{_W}txbxContent") for ancestor in box.iterancestors())]


def _outside_boxes(body: Any) -> list[str | None]:
    """The text of the body's runs that are in no text box."""
    return [t.text for t in body.iter(_W_T)
            if not any(ancestor.tag == f"{_W}txbxContent" for ancestor in t.iterancestors())]


def _words(texts: list[str | None]) -> int:
    return sum(len((text or "").split()) for text in texts)


def _docx_unread(document: Any, *, boxed: bool = False) -> dict[str, list[str]]:
    """The text of what :func:`read_docx` does not read, by kind (a :class:`Texts` name): comments,
    foot- and endnotes (not the separators), text boxes (once, not also their fallback copy) and the
    lines of page headers and footers that hold a word (not a page number alone)."""
    from docx.oxml.parser import parse_xml

    def text(element: Any) -> str:
        return " ".join("".join(t.text or "" for t in p.iter(_W_T)) for p in element.iter(_W_P)).strip()

    found: dict[str, list[str]] = {"unread_comments": [], "unread_notes": [], "unread_boxes": [],
                                   "unread_margins": []}
    if not boxed:
        found["unread_boxes"] = [t for t in map(text, _text_boxes(document.element.body)) if t]
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name == "/word/comments.xml":
            found["unread_comments"] += [t for t in map(text, parse_xml(part.blob).iter(f"{_W}comment")) if t]
        elif name in _W_NOTES:
            found["unread_notes"] += [t for note in parse_xml(part.blob).iter(_W_NOTES[name])
                                      if note.get(f"{_W}type") is None and (t := text(note))]
        elif re.fullmatch(r"/word/(?:header|footer)\d*\.xml", name):
            found["unread_margins"] += [t for paragraph in parse_xml(part.blob).iter(_W_P)
                                        if re.search(r"[^\W\d_]", t := text(paragraph))]
    return found
_W_P, _W_TBL, _W_T = f"{_W}p", f"{_W}tbl", f"{_W}t"
# Containers whose paragraphs and tables are part of the body: content controls, custom XML.
_W_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
# Never the text of the paragraph: tracked deletions and moves away, field codes, text boxes
# (read separately by nobody: they float), and the fallback copy of alternate content.
_W_SKIP = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText", f"{_W}txbxContent",
                     f"{_W}pPr", f"{_W}rPr", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})
_W_TABLE_PARTS = frozenset({f"{_W}tbl", f"{_W}tr", f"{_W}tc"})
_W_CHARACTERS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _docx_blocks(parent: Any, *, into_tables: bool = False) -> Any:
    """The paragraphs and tables of a Word body in order, also inside content controls; with
    ``into_tables`` the paragraphs of the tables instead of the tables (a cell's nested ones)."""
    for child in parent:
        if child.tag == _W_P or (child.tag == _W_TBL and not into_tables):
            yield child
        elif child.tag in _W_CONTAINERS or (into_tables and child.tag in _W_TABLE_PARTS):
            yield from _docx_blocks(child, into_tables=into_tables)


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text as Word shows it with changes accepted: runs also inside tracked
    insertions, content controls, smart tags, fields and hyperlinks (python-docx's
    ``Paragraph.text`` reads only the paragraph's own runs and hyperlinks)."""
    parts: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _W_SKIP:
            continue
        if tag == _W_T:
            parts.append(node.text or "")
        elif tag == f"{_W}br":
            parts.append("\n")  # a line, page or column break: the words on either side stay apart
        elif tag in _W_CHARACTERS:
            parts.append(_W_CHARACTERS[tag])
        else:
            stack.extend(reversed(node))
    return "".join(parts)


_W_RUN, _W_BOLD, _W_RPR, _W_RSTYLE, _W_VAL = f"{_W}r", f"{_W}b", f"{_W}rPr", f"{_W}rStyle", f"{_W}val"
_W_ITALIC = f"{_W}i"
_BOLD_LABEL = re.compile(r"[^\W\d_][\w.'’-]*(?:[ ][\w.'’()-]+){0,3}")
"""A bold speaker label: up to four words, a name or a role (``Interviewer``, ``Mette Hansen``, ``B``)."""


def _is_italic(run: Any) -> bool:
    properties = run.find(_W_RPR)
    italic = properties.find(_W_ITALIC) if properties is not None else None
    return italic is not None and italic.get(_W_VAL, "true").lower() not in ("0", "false", "off")


def _is_emphasised(paragraph: Any, bold_styles: frozenset[str]) -> bool:
    """Every run with text in bold, or every one in italics (a question set apart so)."""
    runs = [run for run in paragraph if run.tag == _W_RUN
            and "".join(node.text or "" for node in run.iter(_W_T)).strip()]
    return bool(runs) and (all(_is_bold(run, bold_styles) for run in runs) or all(_is_italic(run) for run in runs))


def _tag_emphasised_questions(lines: list[str], emphasised: set[int]) -> bool:
    """Write ``Interviewer:`` before the questions and ``Respondent:`` before the answers of an
    interview whose only speaker marks are the questions' bold or italic type: a document without
    speaker tags in which two or more paragraphs so set apart ask questions, most of them do, and
    plain paragraphs answer them. A prompt asks too (``Fortæl lidt om dig selv.``: a narrative
    interview's first question). What comes before the first such question (a title in bold)
    stays as it is. Returns whether it did."""
    from kvaleval.segment.tags import accept_tags, tag_candidates
    from kvaleval.segment.turns import PROMPT_START

    written = [index for index, line in enumerate(lines) if line.strip()]
    asked = sorted(index for index in emphasised if lines[index].rstrip().rstrip("\"'”»)").endswith("?")
                   or PROMPT_START.match(lines[index].lstrip()))
    if len(asked) < 2:
        return False
    set_apart = [index for index in emphasised if index >= asked[0] and lines[index].strip()]
    plain = [index for index in written if index > asked[0] and index not in emphasised]
    if len(asked) < 0.6 * len(set_apart) or len(plain) < len(asked) / 2 \
            or accept_tags(tag_candidates("\n".join(lines))):
        return False
    previous_emphasised = False
    for index in written:
        if index < asked[0]:
            continue
        if index in emphasised:
            lines[index] = f"Interviewer: {lines[index].lstrip()}"
            previous_emphasised = True
        elif previous_emphasised:
            lines[index] = f"Respondent: {lines[index].lstrip()}"
            previous_emphasised = False
    return True


def _is_bold(run: Any, bold_styles: frozenset[str]) -> bool:
    properties = run.find(_W_RPR)
    if properties is None:
        return False
    bold = properties.find(_W_BOLD)
    if bold is not None:
        return bold.get(_W_VAL, "true").lower() not in ("0", "false", "off")
    style = properties.find(_W_RSTYLE)
    name = (style.get(_W_VAL) or "") if style is not None else ""
    return bool(name) and (name in bold_styles or "strong" in name.lower())


def _bold_styles(document: Any) -> frozenset[str]:
    """The ids of the document's bold character styles (``Strong``; Danish Word's ``Strk``, a
    style of one's own), whose runs are bold without saying so themselves."""
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return frozenset(style.style_id for style in document.styles
                         if style.type == WD_STYLE_TYPE.CHARACTER and style.font.bold)
    except (KeyError, ValueError, AttributeError):  # a damaged styles part: no styles, not no document
        return frozenset()


def _bold_lead(paragraph: Any, bold_styles: frozenset[str] = frozenset()) -> str | None:
    """The bold words a paragraph begins with when plain text follows (``**Interviewer** Hvad ...``),
    as the speaker is marked in some Word transcripts: no colon, only the bold type."""
    runs = [child for child in paragraph if child.tag == _W_RUN]
    lead: list[str] = []
    for index, run in enumerate(runs):
        text = "".join(node.text or "" for node in run.iter(_W_T))
        if not _is_bold(run, bold_styles):
            rest = text + "".join(node.text or "" for later in runs[index + 1:] for node in later.iter(_W_T))
            label = "".join(lead)
            if lead and rest.strip() and (rest[:1].isspace() or label[-1:].isspace()):
                return label.strip()
            return None
        lead.append(text)
    return None


def _tag_bold_leads(lines: list[str], leads: dict[int, str]) -> None:
    """Write ``label:`` for the bold speaker labels of a transcript that marks its speakers so: two
    or more labels that each begin two or more paragraphs, in at least half of the paragraphs with
    text. Bold words opening a paragraph now and then are emphasis, and stay as they are. In a transcript
    marked so, a role or a first name in bold that begins one paragraph is a speaker too: in a focus group
    many speak once."""
    labels = {index: lead for index, lead in leads.items() if _BOLD_LABEL.fullmatch(lead)
              and lines[index].lstrip().startswith(lead) and (is_role_label(lead) or looks_like_name(lead))}
    counts = Counter(clean_label(lead) for lead in labels.values())
    speakers = {label for label, count in counts.items() if count > 1}
    said = [index for index, lead in labels.items() if clean_label(lead) in speakers]
    if len(speakers) < 2 or len(said) * 2 < sum(1 for line in lines if line.strip()):
        return
    said = sorted(said + [index for index, lead in labels.items() if counts[clean_label(lead)] == 1
                          and (is_role_label(lead) or is_first_name(lead))])
    for index in said:
        line = lines[index]
        at = line.index(labels[index]) + len(labels[index])
        if not line[at:].lstrip().startswith(":"):  # "**I** : Hvad ..." has its colon
            lines[index] = f"{line[:at]}:{line[at:]}"


def _row_texts(row: Any) -> list[str]:
    """A table row's cell texts. python-docx gives a cell merged down from the row above as that
    cell; it is the row above's (a speaker cell merged over three rows is one turn, and merged
    text is not read three times), so it reads as empty here, as an empty cell continues a turn."""
    own = set(row._tr.tc_lst)
    return [_cell_text(cell._tc) if cell._tc in own else "" for cell in row.cells]


def _cell_text(cell: Any) -> str:
    """A table cell's paragraphs, nested tables' included, one per line."""
    return "\n".join(_paragraph_text(paragraph) for paragraph in _docx_blocks(cell, into_tables=True))


def read_odt(path: Path, *, shown: str, notes: list[str] | None = None) -> str:
    """The text of an OpenDocument text: paragraphs, headings and table rows in order; a note for
    comment columns left out is added to ``notes``.

    Raises
    ------
    CorpusError
        If the file is not a readable, safe OpenDocument text.
    """
    from odf.element import Element
    from odf.namespaces import TABLENS, TEXTNS, nsdict
    from odf.opendocument import load

    check_zip(path, kind="OpenDocument", app=_ODT_APP, shown=shown, required=_ODT_MEMBERS)
    # odfpy registers every namespace it meets in two global tables (prefixes, and the
    # declarations every later document's writer emits); a file read must leave neither
    # changed, or a later document gets one prefix declared twice and can't be read back.
    prefixes, declared = dict(nsdict), dict(Element.namespaces)
    try:
        with warnings.catch_warnings(), path.open("rb") as handle:
            warnings.simplefilter("ignore")
            document = load(handle)
            body = document.text
            if body is None:
                detail = f"a {document.mimetype or 'non-text'} document, not a text"
                raise CorpusError(
                    Errors.E007.format(path=shown, kind="OpenDocument", app=_ODT_APP, detail=detail)
                )
            unread = _odt_unread(document)
            # a document laid out in frames (text boxes) is read from them, as in Word
            for boxed in (False, True):
                lines: list[str] = []
                comments: Counter[str] = Counter()
                leads: dict[int, str] = {}
                _walk_odt(body, lines, comments, paragraphs={(TEXTNS, "p"), (TEXTNS, "h")},
                          row=(TABLENS, "table-row"), cell={(TABLENS, "table-cell")},
                          bold=(_odt_bold_styles(document), leads), boxes=boxed)
                if boxed or _words(list(unread["unread_boxes"])) <= _words(list(lines)):
                    break
            _tag_bold_leads(lines, leads)
            if boxed:
                if notes is not None:
                    notes.append(Warnings.W046.format(path=shown, n=len(unread["unread_boxes"])))
                unread["unread_boxes"] = []
    except CorpusError:
        raise
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, zipfile.BadZipFile,
            zlib.error, EOFError, ExpatError, SAXException, RecursionError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind="OpenDocument", detail=_detail(err), app=_ODT_APP)
        ) from err
    finally:
        nsdict.clear()
        nsdict.update(prefixes)
        Element.namespaces.clear()
        Element.namespaces.update(declared)
    _comment_note(comments, shown, notes)
    _unread_note(unread, shown, notes)
    return _join(lines)


_ODT_UNREAD = {("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation"): "unread_comments",
               ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "note"): "unread_notes",
               ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "frame"): "unread_boxes"}
_ODT_MARGINS = frozenset({("urn:oasis:names:tc:opendocument:xmlns:style:1.0", name)
                          for side in ("header", "footer") for name in (side, f"{side}-left", f"{side}-first")})


def _odt_unread(document: Any) -> dict[str, list[str]]:
    """What :func:`read_odt` does not read, as :func:`_docx_unread` for Word: comments, foot- and endnotes,
    frames with text (text boxes; an image alone has none) and the lines of page headers and footers."""
    found: dict[str, list[str]] = {"unread_comments": [], "unread_notes": [], "unread_boxes": [],
                                   "unread_margins": []}

    def paragraphs(node: Any) -> list[str]:
        texts = []
        for child in node.childNodes:
            if getattr(child, "qname", None) in ((_ODF_TEXT, "p"), (_ODF_TEXT, "h")):
                parts: list[str] = []
                _odt_text(child, parts)
                texts.append("".join(parts).strip())
            elif getattr(child, "childNodes", None) and getattr(child, "qname", None) not in _ODT_UNREAD:
                texts += paragraphs(child)
        return [text for text in texts if text]

    def walk(node: Any) -> None:
        for child in node.childNodes:
            kind = _ODT_UNREAD.get(getattr(child, "qname", ("", "")))
            if kind:
                text = " ".join(paragraphs(child))
                if text:
                    found[kind].append(text)
            elif getattr(child, "qname", None) in _ODT_MARGINS:
                found["unread_margins"] += [text for text in paragraphs(child) if re.search(r"[^\W\d_]", text)]
            elif getattr(child, "childNodes", None) and getattr(child, "qname", None) != (_ODF_TEXT, "tracked-changes"):
                walk(child)

    walk(document.text)
    if document.masterstyles is not None:
        walk(document.masterstyles)
    return found


def _comment_note(comments: Counter[str], shown: str, notes: list[str] | None) -> None:
    if comments and notes is not None:
        columns = ", ".join(f"'{name}'" for name in comments)
        notes.append(Warnings.W030.format(path=shown, columns=columns, n=sum(comments.values())))


def _walk_odt(
    node: Any, lines: list[str], comments: Counter[str], *, paragraphs: set[tuple[str, str]],
    row: tuple[str, str], cell: set[tuple[str, str]], bold: tuple[frozenset[str], dict[int, str]] | None = None,
    boxes: bool = False,
) -> None:
    """The lines of ``node``; with ``bold`` (the bold text styles and where to put them), the bold
    words each body paragraph begins with, by line, as :func:`_bold_lead` finds them in Word; with
    ``boxes``, the paragraphs of the frames (text boxes) anchored in a paragraph after it."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _ODT_SKIP:
            continue
        if qname in paragraphs:
            parts: list[str] = []
            _odt_text(child, parts)
            if bold is not None:
                lead = _odt_bold_lead(child, bold[0])
                if lead:
                    bold[1][len(lines)] = lead
            lines.append("".join(parts))
            if boxes:
                lines += _frame_lines(child)
        elif qname == row:  # a row outside a table element
            cells = _odt_cells(child, comments, paragraphs=paragraphs, row=row, cell=cell)
            lines.extend(_table_lines([cells], comments))
        elif qname == (_ODF_TABLE, "table"):
            rows: list[list[str]] = []
            _odt_rows(child, rows, comments, paragraphs=paragraphs, row=row, cell=cell)
            lines.extend(_table_lines(rows, comments))
        elif getattr(child, "childNodes", None):
            _walk_odt(child, lines, comments, paragraphs=paragraphs, row=row, cell=cell, bold=bold, boxes=boxes)


def _frame_lines(node: Any) -> list[str]:
    """The paragraphs of the frames in ``node``, in order (a frame's own frames not twice)."""
    lines: list[str] = []
    for child in getattr(node, "childNodes", ()):
        if getattr(child, "qname", None) == (_ODF_DRAW, "frame"):
            for paragraph in _odt_paragraphs(child):
                parts: list[str] = []
                _odt_text(paragraph, parts)
                lines.append("".join(parts))
        else:
            lines += _frame_lines(child)
    return lines


def _odt_paragraphs(node: Any) -> list[Any]:
    found = []
    for child in getattr(node, "childNodes", ()):
        if getattr(child, "qname", None) in ((_ODF_TEXT, "p"), (_ODF_TEXT, "h")):
            found.append(child)
        else:
            found += _odt_paragraphs(child)
    return found


_ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_ODF_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def _odt_bold_styles(document: Any) -> frozenset[str]:
    """The names of the document's text styles that are bold (LibreOffice's automatic ``T1`` for
    text made bold by hand, ``Strong_20_Emphasis``, a style of one's own)."""
    found = set()
    for holder in (document.automaticstyles, document.styles):
        for style in getattr(holder, "childNodes", ()):
            if getattr(style, "qname", None) != (_ODF_STYLE, "style"):
                continue
            for properties in style.childNodes:
                if getattr(properties, "qname", None) == (_ODF_STYLE, "text-properties") and \
                        (properties.getAttrNS(_ODF_FO, "font-weight") or "") in ("bold", "600", "700", "800", "900"):
                    found.add(style.getAttrNS(_ODF_STYLE, "name"))
    return frozenset(name for name in found if name)


def _odt_bold_lead(paragraph: Any, bold_styles: frozenset[str]) -> str | None:
    """The bold words a paragraph begins with when plain text follows (``Interviewer`` in bold, then
    ``Hvordan ...``), as :func:`_bold_lead` for Word."""
    lead: list[str] = []
    pieces = list(paragraph.childNodes)
    for index, piece in enumerate(pieces):
        text: list[str] = []
        _odt_text(_Holder([piece]), text)
        is_bold = getattr(piece, "qname", None) == (_ODF_TEXT, "span") and \
            piece.getAttrNS(_ODF_TEXT, "style-name") in bold_styles
        if not is_bold:
            rest_parts: list[str] = []
            _odt_text(_Holder(pieces[index:]), rest_parts)
            rest, label = "".join(rest_parts), "".join(lead)
            if lead and rest.strip() and (rest[:1].isspace() or label[-1:].isspace()):
                return label.strip()
            return None
        lead.append("".join(text))
    return None


class _Holder:
    """Nodes under a stand-in parent, for :func:`_odt_text`."""

    def __init__(self, nodes: list[Any]) -> None:
        self.childNodes = nodes


def _odt_rows(node: Any, rows: list[list[str]], comments: Counter[str], **names: Any) -> None:
    """The rows of a table, in header-rows and row groups too (not those of tables in its cells)."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname == names["row"]:
            rows.append(_odt_cells(child, comments, **names))
        elif qname != (_ODF_TABLE, "table") and qname not in _ODT_SKIP and getattr(child, "childNodes", None):
            _odt_rows(child, rows, comments, **names)


def _odt_cells(element: Any, comments: Counter[str], **names: Any) -> list[str]:
    cells = []
    for item in element.childNodes:
        if getattr(item, "qname", None) in names["cell"]:
            cell_lines: list[str] = []
            _walk_odt(item, cell_lines, comments, **names)
            cells.append("\n".join(cell_lines))
    return cells


_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODF_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
# Not the spoken text: tracked deletions (kept in a region of their own), comments, foot- and
# endnotes, and text boxes and images (which float).
_ODT_SKIP = frozenset({(_ODF_TEXT, "tracked-changes"), (_ODF_OFFICE, "annotation"), (_ODF_TEXT, "note"),
                       ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "frame")})
_ODT_MAX_SPACES = 1000  # <text:s text:c="..."/> from a hostile file must not build a huge string


def _odt_text(node: Any, parts: list[str]) -> None:
    """A paragraph's text as LibreOffice shows it with changes accepted (odfpy's
    ``teletype.extractText``, without the skipped parts and with a bounded space count)."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None:
            parts.append(getattr(child, "data", ""))
        elif qname == (_ODF_TEXT, "s"):
            count = child.getAttrNS(_ODF_TEXT, "c")
            parts.append(" " * min(int(count) if count and count.isdigit() else 1, _ODT_MAX_SPACES))
        elif qname == (_ODF_TEXT, "tab"):
            parts.append("\t")
        elif qname == (_ODF_TEXT, "line-break"):
            parts.append("\n")
        elif qname not in _ODT_SKIP:
            _odt_text(child, parts)


def _table_lines(rows: list[list[str]], comments: Counter[str]) -> list[str]:
    """Table rows as transcript lines (see the module docstring).

    A header row of column names is layout, not text; it also says which column is the
    speaker, the time, the text, a line number (dropped) and comments (left out, their
    non-empty cells counted in ``comments`` by column name), whatever their order. Without
    one, a first column of line numbers (``1``, ``2`` ...) is dropped.
    """
    header: list[str] = []
    lines = []
    roles: list[str] | None = None
    numbered = len(rows) >= 2 and all(
        len(row) >= 3 and (_NUMBER_CELL.fullmatch(row[0].strip()) or not row[0].strip()) for row in rows
    ) and any(row[0].strip() for row in rows)
    if not _is_header_row([cell.strip() for cell in rows[0]] if rows else []):
        roles = _speaker_later(rows)
    for row in rows:
        if roles is None and _is_header_row([cell.strip() for cell in row]):
            roles = [_COLUMN_ROLES.get(cell.strip().lower().rstrip(":."), OTHER) for cell in row]
            header = [cell.strip() for cell in row]
            continue
        if roles is not None and len(roles) == len(row):
            if len(set(row)) > 1:
                comments.update(header[i] for i, role in enumerate(roles) if role == COMMENT and row[i].strip())
            if QUESTION in roles and ANSWER in roles and SPEAKER not in roles and len(set(row)) > 1:
                lines.extend(_question_and_answer(row, roles, header))
                continue
            row = _in_order(row, roles)
        elif numbered:
            row = row[1:]
        cells = [cell for i, cell in enumerate(row) if i == 0 or cell != row[i - 1]]
        cells = [cell.strip() for cell in cells]
        if _is_header_row(cells):
            continue
        stamp = ""
        if len(cells) >= 2 and _STAMP_CELL.fullmatch(cells[0]):
            stamp, cells = cells[0].strip("[]()"), cells[1:]
        if len(cells) >= 2 and cells[0] and len(cells[0]) <= _SPEAKER_CELL and "\n" not in cells[0]:
            head = cells[0] if cells[0].endswith(":") else cells[0] + ":"
            prefix = f"[{stamp}] " if stamp else ""
            lines.append(prefix + head + " " + " ".join(cell for cell in cells[1:] if cell))
        else:
            if stamp:
                lines.append(f"[{stamp}]")
            lines.extend(cell for cell in cells if cell)
    return lines


def _question_and_answer(row: list[str], roles: list[str], header: list[str]) -> list[str]:
    """A row of an interview summary laid out as ``Spørgsmål | Svar``: the question as the
    interviewer's turn and the answer as the respondent's, tagged with the header's words."""
    lines = []
    for role in (QUESTION, ANSWER):
        index = roles.index(role)
        if row[index].strip():
            lines.append(f"{header[index].rstrip(':.')}: {row[index].strip()}")
    return lines


def _speaker_later(rows: list[list[str]]) -> list[str] | None:
    """The column roles of a table without a header row whose speaker names stand after the text
    (NVivo's ``Timespan | Content | Speaker`` copied without its header), or None: every row as
    wide, a column after the first of talk holding only short one-line names, some of them
    repeated, and that first column holding longer talk. Read as ``speaker: text`` lines without
    this, each row's name was a tag on its own line before the next row's text."""
    width = len(rows[0]) if rows else 0
    if width < 2 or len(rows) < 2 or any(len(row) != width for row in rows):
        return None
    columns = [[row[index].strip() for row in rows] for index in range(width)]
    times = {index for index, cells in enumerate(columns) if all(not c or _STAMP_CELL.fullmatch(c) for c in cells)}
    numbers = {index for index, cells in enumerate(columns) if index not in times
               and all(not c or _NUMBER_CELL.fullmatch(c) for c in cells)}
    talk = [index for index in range(width) if index not in times | numbers]
    if len(talk) < 2:
        return None

    def words(cells: list[str]) -> float:
        filled = [cell for cell in cells if cell]
        return sum(len(cell.split()) for cell in filled) / max(len(filled), 1)

    for index in talk[1:]:
        names = [cell for cell in columns[index] if cell]
        if names and len(set(names)) < len(names) \
                and all(len(name) <= _SPEAKER_CELL and "\n" not in name for name in names) \
                and words(columns[talk[0]]) >= 2 * words(columns[index]) \
                and any(len(cell) > _SPEAKER_CELL or "\n" in cell for cell in columns[talk[0]]):
            return [TIME if i in times else NUMBER if i in numbers else SPEAKER if i == index
                    else TEXT if i == talk[0] else OTHER for i in range(width)]
    return None


def _is_header_row(cells: list[str]) -> bool:
    """Column names: each a known one (:data:`_COLUMN_ROLES`), or, beside at least two known ones of
    which one is the speaker or the text, a short label of the user's own (``Kodning``, ``Tema``)."""
    words = [cell.lower().rstrip(":.") for cell in cells if cell]
    known = [_COLUMN_ROLES[word] for word in words if word in _COLUMN_ROLES]
    if len(words) < 2 or len(known) < 2:
        return False
    return len(known) == len(words) or (bool({SPEAKER, TEXT} & set(known)) and all(
        word in _COLUMN_ROLES or _LABEL.fullmatch(word) for word in words))


_LABEL = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)?")
"""A column name of one or two words of letters."""


def _in_order(row: list[str], roles: list[str]) -> list[str]:
    """A row's cells as time, speaker, text and the rest, without line numbers; a row whose
    cells are all one merged cell stays one cell."""
    if len(set(row)) == 1:
        return row
    if SPEAKER not in roles:
        return [cell for cell, role in zip(row, roles, strict=True) if role not in (NUMBER, COMMENT)] or row
    order = {TIME: 0, SPEAKER: 1, TEXT: 2, OTHER: 3}
    kept = sorted((order[role], i) for i, role in enumerate(roles) if role not in (NUMBER, COMMENT))
    cells = [row[i] for _, i in kept]
    if TIME not in roles:
        return cells
    return cells if cells[0].strip() else cells[1:] if len(cells) > 2 else cells


def _detail(err: BaseException) -> str:
    text = library_error(err)
    return text if len(text) <= 200 else text[:200] + " ..."


def _join(lines: list[str]) -> str:
    text = "\n".join(line.replace("\r\n", "\n").replace("\r", "\n") for line in lines)
    return text.replace("\x00", "") + "\n"
