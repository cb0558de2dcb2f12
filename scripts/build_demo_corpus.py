#!/usr/bin/env python3
"""Build the generated files of the kvaleval demo corpus.

All persons, statements and contact details in the corpus are invented.

The plain UTF-8 source texts live in ``scripts/demo_sources/``.  This script
turns them into the files under ``corpus/`` that cannot (or should not) be
edited by hand:

* Word documents (.docx, python-docx)
* OpenDocument text (.odt, odfpy)
* the survey workbook (.xlsx, openpyxl)
* WebVTT (Teams and Zoom style) and SubRip (.srt) transcripts
* text files in odd encodings (cp1252, UTF-16 with BOM, UTF-8 with BOM)

The output is deterministic: document properties are fixed and every ZIP
container is rewritten with fixed timestamps, so running the script twice
gives byte-identical files.

Run from the repository root:

    /work/venv/bin/python scripts/build_demo_corpus.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "demo_sources"
CORPUS = ROOT / "corpus"
INTERVIEWS = CORPUS / "interviews"
SURVEY = CORPUS / "survey"

FIXED_DT = dt.datetime(2026, 4, 1, 9, 0, 0)
FIXED_ZIP_DT = (2026, 4, 1, 9, 0, 0)
AUTHOR = "Evalueringsteamet (demo)"
UUID_NS = uuid.UUID("6f1c1f0e-4b4e-4c61-9d1e-7a1b2c3d4e5f")


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def read_lines(name: str) -> list[str]:
    """Non-empty lines of a UTF-8 source file."""
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip()]


def split_tag(line: str, tags: list[str]) -> tuple[str | None, str]:
    """Split ``line`` into (tag incl. colon, rest) if it starts with a known tag."""
    for tag in tags:
        if line.startswith(tag + ":"):
            return tag + ":", line[len(tag) + 1:].lstrip()
    return None, line


def normalize_zip(path: Path, patches: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """Rewrite a ZIP container with fixed timestamps (and optional regex patches)."""
    patches = patches or {}
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info, data in items:
            for pattern, repl in patches.get(info.filename, []):
                data = re.sub(pattern.encode(), repl.encode(), data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_DT)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def write_text(path: Path, text: str, encoding: str, newline: str = "\n") -> None:
    if newline != "\n":
        text = text.replace("\n", newline)
    path.write_bytes(text.encode(encoding))


# --------------------------------------------------------------------------
# odd encodings
# --------------------------------------------------------------------------

def build_encoded_texts() -> None:
    # Windows Notepad style: cp1252 with CRLF line endings.
    text = (SRC / "borger02.txt").read_text(encoding="utf-8")
    write_text(INTERVIEWS / "borger02.txt", text, "cp1252", newline="\r\n")

    # UTF-16 little endian with BOM ("Unicode" in old Windows tools), CRLF.
    text = (SRC / "borger06.txt").read_text(encoding="utf-8")
    write_text(INTERVIEWS / "borger06.txt", text, "utf-16", newline="\r\n")

    # UTF-8 with BOM, LF.
    text = (SRC / "borger10.txt").read_text(encoding="utf-8")
    write_text(INTERVIEWS / "borger10.txt", text, "utf-8-sig")


# --------------------------------------------------------------------------
# docx
# --------------------------------------------------------------------------

def _new_docx(title: str):
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = title
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.comments = "Fiktivt demo-interview. Alle personer og udsagn er opdigtede."
    return doc


def _save_docx(doc, path: Path) -> None:
    doc.save(str(path))
    normalize_zip(path)


def build_docx(source: str, target: str, title: str, tags: list[str],
               bold_tags: bool, heading: str | None = None,
               timestamp: bool = False) -> None:
    """One paragraph per source line.

    Lines that start with a tag get the tag in its own run (bold if
    ``bold_tags``).  Lines without a tag become untagged continuation
    paragraphs.  With ``timestamp`` the lines look like ``[00:03:12] I: ...``
    and the timestamp is kept as plain text in front of the tag.
    """
    doc = _new_docx(title)
    if heading:
        doc.add_heading(heading, level=1)
    ts_re = re.compile(r"^(\[\d\d:\d\d:\d\d\]) (.*)$")
    for line in read_lines(source):
        para = doc.add_paragraph()
        stamp = None
        if timestamp:
            m = ts_re.match(line)
            if m:
                stamp, line = m.group(1), m.group(2)
        tag, rest = split_tag(line, tags)
        if stamp:
            para.add_run(stamp + " ")
        if tag:
            run = para.add_run(tag)
            run.bold = bold_tags
            para.add_run(" " + rest)
        else:
            para.add_run(rest)
    _save_docx(doc, INTERVIEWS / target)


# --------------------------------------------------------------------------
# odt
# --------------------------------------------------------------------------

def build_odt(source: str, target: str, title: str, tags: list[str]) -> None:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    doc = OpenDocumentText()
    bold = Style(name="Tag", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    hstyle = Style(name="Overskrift", family="paragraph")
    hstyle.addElement(TextProperties(fontweight="bold", fontsize="14pt"))
    doc.automaticstyles.addElement(hstyle)

    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(dc.Creator(text=AUTHOR))
    doc.meta.addElement(dc.Date(text=FIXED_DT.isoformat()))
    doc.meta.addElement(meta.CreationDate(text=FIXED_DT.isoformat()))
    doc.meta.addElement(meta.InitialCreator(text=AUTHOR))

    doc.text.addElement(H(outlinelevel=1, stylename=hstyle, text=title))
    for line in read_lines(source):
        tag, rest = split_tag(line, tags)
        p = P()
        if tag:
            p.addElement(Span(stylename=bold, text=tag))
            p.addText(" " + rest)
        else:
            p.addText(rest)
        doc.text.addElement(p)
    path = INTERVIEWS / target
    doc.save(str(path))
    normalize_zip(path)


# --------------------------------------------------------------------------
# subtitles (vtt / srt)
# --------------------------------------------------------------------------

def _turns(source: str) -> list[tuple[str, str]]:
    turns = []
    for line in read_lines(source):
        speaker, _, text = line.partition(": ")
        turns.append((speaker, text))
    return turns


def _chunks(text: str, rng: random.Random, lo: int, hi: int) -> list[str]:
    words = text.split()
    out, i = [], 0
    while i < len(words):
        n = rng.randint(lo, hi)
        # avoid a dangling one- or two-word chunk at the end
        if len(words) - (i + n) < 3:
            n = len(words) - i
        out.append(" ".join(words[i:i + n]))
        i += n
    return out


def _timeline(turns, rng, lo, hi):
    """Yield (turn index, chunk index, speaker, text, start, end) in seconds."""
    t = 1.2
    for ti, (speaker, text) in enumerate(turns):
        for ci, chunk in enumerate(_chunks(text, rng, lo, hi)):
            dur = round(0.6 + len(chunk.split()) * 0.38, 3)
            start, end = t, t + dur
            yield ti, ci, speaker, chunk, start, end
            t = end + 0.08
        t += round(rng.uniform(0.3, 1.4), 2)


def _ts(seconds: float, sep: str = ".") -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def build_vtt_teams(source: str, target: str) -> None:
    """Microsoft Teams style: GUID/n-k cue ids, <v Full Name>...</v> voice spans."""
    rng = random.Random(7)
    out = ["WEBVTT", ""]
    for ti, ci, speaker, text, start, end in _timeline(_turns(source), rng, 6, 14):
        guid = uuid.uuid5(UUID_NS, f"{target}-{ti}")
        out.append(f"{guid}/{ti + 11}-{ci}")
        out.append(f"{_ts(start)} --> {_ts(end)}")
        out.append(f"<v {speaker}>{text}</v>")
        out.append("")
    (INTERVIEWS / target).write_text("\n".join(out), encoding="utf-8")


def build_vtt_zoom(source: str, target: str) -> None:
    """Zoom style: numbered cues, text starting with 'Full Name: '."""
    rng = random.Random(11)
    out = ["WEBVTT", ""]
    for n, (_ti, _ci, speaker, text, start, end) in enumerate(
            _timeline(_turns(source), rng, 8, 16), start=1):
        out.append(str(n))
        out.append(f"{_ts(start)} --> {_ts(end)}")
        out.append(f"{speaker}: {text}")
        out.append("")
    (INTERVIEWS / target).write_text("\n".join(out), encoding="utf-8")


def build_srt(source: str, target: str) -> None:
    """Automatic transcription style: 'Taler N:' in every block, sentences cut."""
    rng = random.Random(3)
    out = []
    for n, (_ti, _ci, speaker, text, start, end) in enumerate(
            _timeline(_turns(source), rng, 5, 11), start=1):
        out.append(str(n))
        out.append(f"{_ts(start, ',')} --> {_ts(end, ',')}")
        out.append(f"{speaker}: {text}")
        out.append("")
    (INTERVIEWS / target).write_text("\n".join(out), encoding="utf-8")


# --------------------------------------------------------------------------
# survey
# --------------------------------------------------------------------------

def build_survey() -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    spec = json.loads((SRC / "survey.json").read_text(encoding="utf-8"))
    wb = Workbook()
    ws = wb.active
    ws.title = spec["sheet_title"]
    ws.append(spec["headers"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in spec["rows"]:
        values = [None if v == "" else v for v in row]
        ws.append(values)
        r = ws.max_row
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(v, str) and v.startswith("="):
                # typed by a respondent, not a formula
                cell.data_type = "s"
                cell.quotePrefix = True
            if isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [8, 8, 14, 12, 8, 22, 60, 50, 40]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.freeze_panes = "A2"

    props = wb.properties
    props.creator = AUTHOR
    props.lastModifiedBy = AUTHOR
    props.title = "Beboerundersøgelse 2026 (fiktive data)"
    props.created = FIXED_DT
    props.modified = FIXED_DT
    path = SURVEY / "beboerundersoegelse.xlsx"
    wb.save(str(path))
    # openpyxl stamps the save time into dcterms:modified; pin it.
    normalize_zip(path, {
        "docProps/core.xml": [
            (r"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
             r"<dcterms:modified\1>2026-04-01T09:00:00Z</dcterms:modified>"),
        ],
    })


# --------------------------------------------------------------------------

def main() -> None:
    INTERVIEWS.mkdir(parents=True, exist_ok=True)
    SURVEY.mkdir(parents=True, exist_ok=True)

    build_encoded_texts()

    build_docx("borger04.txt", "borger04.docx",
               title="Interview med ældre beboer",
               tags=["Interviewer", "Informant"], bold_tags=True,
               heading="Interview – ældre beboer, Birkeparken")
    build_docx("borger05.txt", "borger05.docx",
               title="Interview med frivillig i lektiecaféen",
               tags=["Mette", "Hanne"], bold_tags=True)
    build_docx("partner02.txt", "partner02.docx",
               title="Interview med sundhedsplejerske",
               tags=["I", "SP"], bold_tags=False,
               heading="Interview med sundhedsplejerske")
    build_docx("partner03.txt", "partner03.docx",
               title="Interview med driftschef",
               tags=["I", "B"], bold_tags=False, timestamp=True)

    build_odt("borger12.txt", "borger12.odt",
              title="Interview med frivillig, cykelværkstedet",
              tags=["I", "B"])
    build_odt("partner08.txt", "partner08.odt",
              title="Interview med formand for fodboldklub",
              tags=["Int.", "Resp."])

    build_vtt_teams("borger07.txt", "borger07.vtt")
    build_vtt_zoom("partner05.txt", "partner05.vtt")
    build_srt("borger11.txt", "borger11.srt")

    build_survey()
    print("demo corpus files rebuilt")


if __name__ == "__main__":
    main()
