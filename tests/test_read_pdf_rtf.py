"""PDF and RTF transcripts, written as real files, read as the same transcript saved as .txt.

The PDFs are written by hand (tests/pdf_builder.py: Helvetica, WinAnsiEncoding, a text object a
line), encrypted ones by pypdf itself; the RTF files are written as WordPad and Word write them.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

import kvaleval as kv
from kvaleval.corpus import Corpus
from kvaleval.errors import CorpusError, KvalevalWarning, set_language
from kvaleval.read import read_document
from kvaleval.read._pdf import join_lines, page_lines
from pdf_builder import pdf_bytes, write_pdf
from test_read_formats import A, Q, notes, read, turns

TXT = (
    "I: Velkommen. Kan du fortælle lidt om, hvordan du har oplevet forløbet i familievejledningen her i "
    "Vollsmose?\n"
    "B: Ja, altså, jeg synes egentlig, at det har været rigtig godt. Vi kom med, fordi min søn havde det "
    "svært i skolen, og så fik vi hjælp af familievejledningen til at tale med skolen. Det var en lettelse.\n"
    "I: Hvad betød SSP-mødet for jer?\n"
    "B: Ja.\n"
    "I: Og ellers?\n"
    "B: Ærlig talt, Øjvind og Åse fra klubben gjorde en forskel for os alle. Og så var der over- og "
    "underretningen, men det er en anden historie.\n"
    "I: Tak.\n"
    "B: Ja.\n"
)
"""The transcript as a .txt has it: one turn a line."""

PAGES = [
    ["I: Velkommen. Kan du fortælle lidt om, hvordan du har oplevet forløbet i",
     "familievejledningen her i Vollsmose?",
     "B: Ja, altså, jeg synes egentlig, at det har været rigtig godt. Vi kom med,",
     "fordi min søn havde det svært i skolen, og så fik vi hjælp af familie-"],
    ["vejledningen til at tale med skolen. Det var en lettelse.",
     "I: Hvad betød SSP-",
     "mødet for jer?",
     "B: Ja.",
     "I: Og ellers?",
     "B: Ærlig talt, Øjvind og Åse fra klubben gjorde en forskel for os alle. Og så",
     "var der over-"],
    ["og underretningen, men det er en anden historie.",
     "I: Tak.",
     "B: Ja."],
]
"""The same transcript on three pages as a word processor breaks it: lines wrapped at the page's
width, "familievejledningen" hyphenated across the page break, "SSP-mødet" broken at its own hyphen."""
HEADER = "Interview med borger 3 – fortroligt"


def _corpus(tmp_path: Path, files: dict[str, bytes | str]) -> Corpus:
    folder = tmp_path / "korpus"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        if isinstance(content, str):
            (folder / name).write_text(content, encoding="utf-8")
        else:
            (folder / name).write_bytes(content)
    return read(folder)


@pytest.mark.parametrize("footer", ["Side {page} af {pages}", "- {page} -", "{page}", "Page {page} of {pages}"])
def test_pdf_reads_as_the_same_transcript_in_txt(tmp_path: Path, footer: str) -> None:
    corpus = _corpus(tmp_path, {"borger.txt": TXT,
                                "borger.pdf": pdf_bytes(PAGES, header=HEADER, footer=footer)})
    from_txt, from_pdf = turns(corpus, "borger.txt"), turns(corpus, "borger.pdf")
    assert from_pdf == from_txt
    assert from_pdf[1] == ("B", A, TXT.splitlines()[1].removeprefix("B: "))
    assert "familievejledningen til" in from_pdf[1][2] and "SSP-mødet" in from_pdf[2][2]
    assert "Øjvind og Åse" in from_pdf[5][2] and "over- og underretningen" in from_pdf[5][2]
    document = next(d for d in corpus.documents if d.doc_id == "borger.pdf")
    assert document.format == "pdf" and document.text == TXT
    assert HEADER not in document.text and "Side" not in document.text
    assert f'"{HEADER}"' in notes(corpus) and "[W043]" in notes(corpus)


@pytest.mark.parametrize("fonttype", [3, 42])
def test_pdf_written_by_matplotlib(tmp_path: Path, fonttype: int) -> None:
    # Another writer, with embedded fonts (Type 3 glyph procedures, TrueType) and text placed by
    # coordinates: the same transcript, header, page numbers and hyphens.
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    path = tmp_path / "borger.pdf"
    with plt.rc_context({"pdf.fonttype": fonttype}), PdfPages(path) as pdf:
        for number, lines in enumerate(PAGES, start=1):
            figure = plt.figure(figsize=(8.27, 11.69))
            figure.text(0.1, 0.95, HEADER)
            for index, line in enumerate(lines):
                figure.text(0.05, 0.85 - index * 0.02, line, fontsize=9)
            figure.text(0.45, 0.03, f"Side {number} af {len(PAGES)}")
            pdf.savefig(figure)
            plt.close(figure)
    document, _ = read_document(path)
    assert document.text == TXT


def test_pdf_header_only_from_page_two_and_a_repeated_answer_stays(tmp_path: Path) -> None:
    # "B: Ja." stands first on every page, under the header (Word's "different first page": none on
    # page one), as a header would, but it is speech: B answers in other lines too. The footer's page
    # number alone is layout.
    pages = [["B: Ja.", "I: Og så?", "B: Godt, tror jeg."],
             ["B: Ja.", "I: Og klubben?", "B: Den er god."],
             ["B: Ja.", "I: Tak.", "B: Selv tak."]]
    path = write_pdf(tmp_path / "b.pdf", pages, footer="{page}")
    document, read_notes = read_document(path)
    assert document.text.splitlines() == [line for page in pages for line in page]
    assert any("[W043]" in note and '"1"' in note for note in read_notes)
    path.write_bytes(pdf_bytes(pages, header=HEADER, footer="Side {page}", first_page_header=False))
    document, _ = read_document(path)
    assert document.text.splitlines() == [line for page in pages for line in page]


def test_pdf_page_lines_takes_only_the_edges() -> None:
    pages = ["Rapport 2024\nI: Hvad med Rapport 2024?\nB: Den er god.\n3",
             "Rapport 2024\nB: Og så videre.\n- 4 -",
             "Rapport 2024\nI: Tak.\nSide 5"]
    kept, removed = page_lines(pages)
    assert kept == ["I: Hvad med Rapport 2024?", "B: Den er god.", "B: Og så videre.", "I: Tak."]
    assert removed == ["Rapport 2024", "3", "Rapport 2024", "- 4 -", "Rapport 2024", "Side 5"]
    # one page: nothing repeats, so only a page number goes
    assert page_lines(["Rapport 2024\nI: Hej.\nSide 1 af 1"]) == (["Rapport 2024", "I: Hej."], ["Side 1 af 1"])


@pytest.mark.parametrize(("lines", "joined"), [
    (["B: Vi fik hjælp af familie-", "vejledningen."], "B: Vi fik hjælp af familievejledningen."),
    (["B: Vi fik hjælp af Familie-", "vejledningen."], "B: Vi fik hjælp af Familievejledningen."),
    (["B: Det var SSP-", "mødet."], "B: Det var SSP-mødet."),
    (["B: Det nye it-", "system."], "B: Det nye it-system."),
    (["B: Mange ikke-", "vestlige familier."], "B: Mange ikke-vestlige familier."),
    (["B: Både over-", "og underretning."], "B: Både over- og underretning."),
    (["B: Under covid-", "19 var det svært."], "B: Under covid-19 var det svært."),
    (["B: Familie\u00ad", "vejledningen."], "B: Familievejledningen."),
    (["I: Var det SSP-", "B: Ja."], "I: Var det SSP-\nB: Ja."),
    (["B: Jeg tænkte, at -", "nej."], "B: Jeg tænkte, at - nej."),  # lower case: the same paragraph
    (["B: Det var godt.", "Men også svært."], "B: Det var godt.\nMen også svært."),  # short: a new paragraph
])
def test_pdf_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined + "\n"


def test_pdf_names_and_times_alone_on_their_lines_stay_there() -> None:
    # A full line, then a speaker's name alone (the layout of a Word transcript with bold names) or a
    # time: the name and the time are not words of the turn before.
    full = "B: Vi har haft et rigtig godt samarbejde med beboerrådgivningen i år, og det har"
    lines = ["Interviewer", "Hvordan gik det med klubben og lektiecaféen i det forløbne år?",
             "Mette", full, "gjort en forskel for os alle sammen, tror jeg, og for mange familier her.",
             "00:03:12", "Interviewer", "Tak.", "Mette", "Selv tak."]
    assert join_lines(lines) == "\n".join([
        "Interviewer", "Hvordan gik det med klubben og lektiecaféen i det forløbne år?", "Mette",
        full + " gjort en forskel for os alle sammen, tror jeg, og for mange familier her.", "00:03:12",
        "Interviewer", "Tak.", "Mette", "Selv tak."]) + "\n"


def test_pdf_names_alone_first_on_every_page_are_speakers(tmp_path: Path) -> None:
    # Names alone on their lines (Word's bold names, no colon); "Interviewer" first on every page, as
    # the header "Fortroligt" is: the role word is a speaker, the header is layout.
    full = "Vi har haft et rigtig godt samarbejde med beboerrådgivningen i år, og det har"
    pages = [["Interviewer", "Hvordan gik det med klubben og lektiecaféen i det forløbne år for jer?", "Mette",
              full, "gjort en forskel for os alle sammen, tror jeg, og for mange familier i området her."],
             ["Interviewer", "Tak for det. Hvad med ventetiden på familievejledningen i kommunen?", "Mette",
              "Den er lang."]]
    corpus = _corpus(tmp_path, {"a.pdf": pdf_bytes(pages, header="Fortroligt", footer="- {page} -")})
    assert turns(corpus) == [
        ("Interviewer", Q, "Hvordan gik det med klubben og lektiecaféen i det forløbne år for jer?"),
        ("Mette", A, full + " gjort en forskel for os alle sammen, tror jeg, og for mange familier i området her."),
        ("Interviewer", Q, "Tak for det. Hvad med ventetiden på familievejledningen i kommunen?"),
        ("Mette", A, "Den er lang.")]


def test_pdf_untagged_mail_answer_keeps_its_paragraphs(tmp_path: Path) -> None:
    pages = [["Kære evaluator. Tak for jeres spørgsmål om helhedsplanen, som jeg gerne vil",
              "svare på her i en mail.",
              "Vi har haft et rigtig godt samarbejde med beboerrådgivningen i år, og det har",
              "gjort en forskel for mange familier i området.",
              "Med venlig hilsen Kirsten"]]
    corpus = _corpus(tmp_path, {"mail.pdf": pdf_bytes(pages)})
    assert [text for _, _, text in turns(corpus)] == [
        "Kære evaluator. Tak for jeres spørgsmål om helhedsplanen, som jeg gerne vil svare på her i en mail.",
        "Vi har haft et rigtig godt samarbejde med beboerrådgivningen i år, og det har gjort en forskel for "
        "mange familier i området.",
        "Med venlig hilsen Kirsten"]


GOOD = "I: Hvordan går det med æbler, øl og ål?\nB: Det går godt.\n"


def test_pdf_scanned_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"skannet.pdf": pdf_bytes([["x"], ["y"]], image_pages=(0, 1)), "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E029] skannet.pdf: PDF'en har ingen tekst") and "(OCR)" in reason
    assert "2 side(r)" in reason
    assert turns(corpus) == [("I", Q, "Hvordan går det med æbler, øl og ål?"), ("B", A, "Det går godt.")]


def test_pdf_scanned_with_a_stamp_on_every_page_is_skipped(tmp_path: Path) -> None:
    # the scanner wrote its name and the page number as text, and nothing else is text
    pages = [[], [], []]
    corpus = _corpus(tmp_path, {"skannet.pdf": pdf_bytes(pages, header="Scannet af Ricoh MP C3004",
                                                          footer="{page}"), "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E029] skannet.pdf: PDF'en har ingen tekst") and "3 side(r)" in reason


def test_pdf_with_a_scanned_page_is_read_with_a_note(tmp_path: Path) -> None:
    pages = [["I: Hvordan går det?"], ["(skannet underskrift)"], ["B: Godt."]]
    corpus = _corpus(tmp_path, {"delvis.pdf": pdf_bytes(pages, image_pages=(1,))})
    assert turns(corpus) == [("I", Q, "Hvordan går det?"), ("B", A, "Godt.")]
    assert "[W042] delvis.pdf: 1 af PDF'ens 3 sider har ingen tekst (side 2)" in notes(corpus)


def _encrypted(user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([GOOD.splitlines()]))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"hemmelig.pdf": _encrypted("hemmelig", "ejer"), "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E030] hemmelig.pdf: PDF'en er krypteret (den kræver en adgangskode")
    assert len(turns(corpus)) == 2
    set_language("en")
    with pytest.raises(CorpusError, match=r"^\[E030\] .*the PDF is encrypted \(it needs a password"):
        read_document(tmp_path / "korpus" / "hemmelig.pdf")


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    # "no copying, no printing": no password is needed to open it, so its text is read
    corpus = _corpus(tmp_path, {"beskyttet.pdf": _encrypted("", "ejer")})
    assert turns(corpus) == [("I", Q, "Hvordan går det med æbler, øl og ål?"), ("B", A, "Det går godt.")]


@pytest.mark.parametrize("data", [b"%PDF-1.7", b"%PDF-1.4\nikke en pdf\n", pdf_bytes([["I: Hej."]])[:250],
                                  b"I: Hvordan?\nB: Godt.\n"])
def test_pdf_broken_is_skipped_and_the_rest_read(tmp_path: Path, data: bytes) -> None:
    corpus = _corpus(tmp_path, {"kaput.pdf": data, "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E007] kaput.pdf er ikke en gyldig PDF-fil")
    assert len(turns(corpus)) == 2


def test_pdf_renamed_to_txt_says_to_name_it_pdf(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"borger.txt": pdf_bytes(PAGES), "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E018] borger.txt er en PDF-fil") and "endelsen .pdf" in reason


# --- RTF ---------------------------------------------------------------------------------

WORDPAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1030{\fonttbl{\f0\fnil\fcharset0 Calibri;}}" "\r\n"
    r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1" "\r\n"
    r"\pard\sa200\sl276\slmult1\f0\fs22\lang6 I: Hvordan g\'e5r det med \'e6bler, \'f8l og \'e5l?\par" "\r\n"
    r"B: Det g\'e5r godt. \'c6rlig talt, \'d8jvind og \'c5se ogs\'e5.\par" "\r\n"
    "}\r\n"
)
WORD = (
    r"{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}}"
    r"{\header \pard\plain Interview med borger 3 \endash  fortroligt\par}"
    r"{\footer \pard\plain Side {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"
    r"\pard\plain {\b I:} Hvordan g\u229?r det med \u230?bler, \u248?l og \u229?l?\par"
    r"\pard\plain {\b B:} Det g\u229?r godt. \u198?rlig talt, \u216?jvind og \u197?se ogs\u229?.\par"
    "}"
)


@pytest.mark.parametrize("rtf", [WORDPAD, WORD], ids=["wordpad-hex-escapes", "word-unicode-escapes"])
def test_rtf_danish_letters(tmp_path: Path, rtf: str) -> None:
    corpus = _corpus(tmp_path, {"borger.rtf": rtf.encode("ascii"), "ok.txt": GOOD})
    assert turns(corpus, "borger") == [("I", Q, "Hvordan går det med æbler, øl og ål?"),
                                       ("B", A, "Det går godt. Ærlig talt, Øjvind og Åse også.")]
    assert "fortroligt" not in corpus.documents[0].text and "Side" not in corpus.documents[0].text


def test_rtf_mac_code_page_and_a_two_column_table(tmp_path: Path) -> None:
    rtf = (rb"{\rtf1\mac\deff0{\fonttbl{\f0 Helvetica;}}"
           rb"\trowd\cellx1500\cellx8000 Taler\cell Tekst\cell\row"
           rb"\trowd\cellx1500\cellx8000 I\cell Hvordan var \'8cbningstiderne?\cell\row"
           rb"\trowd\cellx1500\cellx8000 B\cell Gode, men k\'bfen var lang.\cell\row"
           rb"}")
    corpus = _corpus(tmp_path, {"tabel.rtf": rtf})
    assert turns(corpus) == [("I", Q, "Hvordan var åbningstiderne?"), ("B", A, "Gode, men køen var lang.")]


def test_rtf_bold_names_without_colons_are_speakers(tmp_path: Path) -> None:
    # Word's runs ({... \b\insrsid1 Interviewer}) and WordPad's (\b Mette\b0 ), as the .docx reader
    # reads bold names first in a paragraph; bold words inside a paragraph stay text.
    rtf = (r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}"
           r"\pard\plain {\rtlch\fcs1 \ab\af0 \ltrch\fcs0 \b\insrsid1 Interviewer}{\insrsid1  Hvordan g\'e5r det?}\par"
           r"\pard\plain \b Mette\b0  Det g\'e5r {\b rigtig} godt.\par"
           r"\pard\plain {\b Interviewer} Og klubben?\par"
           r"\pard\plain \b Mette\b0  Den er \b god\b0 .\par}")
    corpus = _corpus(tmp_path, {"fed.rtf": rtf.encode("ascii")})
    assert turns(corpus) == [("Interviewer", Q, "Hvordan går det?"), ("Mette", A, "Det går rigtig godt."),
                             ("Interviewer", Q, "Og klubben?"), ("Mette", A, "Den er god.")]
    assert "\ue000" not in corpus.documents[0].text and "\ue001" not in corpus.documents[0].text


def test_rtf_untagged_paragraphs_are_segments(tmp_path: Path) -> None:
    rtf = (r"{\rtf1\ansi\ansicpg1252 Vi er glade for klubben.\par Men ventetiden er for lang.\par"
           r"\par Mvh. Kirsten\par}")
    corpus = _corpus(tmp_path, {"svar.rtf": rtf.encode("ascii")})
    assert [text for _, _, text in turns(corpus)] == ["Vi er glade for klubben.", "Men ventetiden er for lang.",
                                                     "Mvh. Kirsten"]


def test_rtf_that_is_not_rtf_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"noter.rtf": "I: Hvordan?\nB: Godt.\n", "ok.txt": GOOD})
    (reason,) = corpus.skipped["reason"]
    assert reason.startswith("[E007] noter.rtf er ikke en gyldig RTF-fil") and "\\rtf" in reason
    assert len(turns(corpus)) == 2


# --- end to end ----------------------------------------------------------------------------

def test_code_and_export_qdpx_on_pdf_and_rtf(tmp_path: Path, small_codebook_path: Path) -> None:
    from typer.testing import CliRunner

    from conftest import REFI_QDA
    from kvaleval.cli import code as _code  # noqa: F401  (registers the commands)
    from kvaleval.cli import export_qdpx as _export  # noqa: F401
    from kvaleval.cli._app import app
    from kvaleval.refi import check_qdpx, read_qdpx

    folder = tmp_path / "korpus"
    folder.mkdir()
    write_pdf(folder / "borger01.pdf", PAGES, header=HEADER, footer="Side {page} af {pages}")
    (folder / "borger02.rtf").write_bytes(WORD.encode("ascii"))
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.pdf,borger\nborger02.rtf,borger\n",
                                         encoding="utf-8")
    out = tmp_path / "bilag"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        result = CliRunner().invoke(app, ["code", str(folder), "-c", str(small_codebook_path), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert (out / "appendix.xlsx").is_file()
        assert "[W043]" in result.output
        qdpx = tmp_path / "projekt.qdpx"
        exported = CliRunner().invoke(app, ["export-qdpx", str(folder), "--codebook", str(small_codebook_path),
                                            "--out", str(qdpx)])
        assert exported.exit_code == 0, exported.output
        schema = REFI_QDA / "schema" / "Project.xsd"
        if schema.is_file():
            assert check_qdpx(qdpx, schema=schema) == []
        corpus, codings = read_qdpx(qdpx)
    texts = {document.text for document in corpus.documents}
    assert TXT in texts
    assert len(codings) > 0
    assert kv.read_corpus(folder).segments["text"].str.contains("familievejledningen").any()
