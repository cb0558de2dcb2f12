"""read_qdpx(write_qdpx(coded)) gives back the same texts, segments, codes and codings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.corpus import Corpus
from kvaleval.errors import KvalevalWarning
from kvaleval.read import read_corpus
from kvaleval.records import Code, Codebook, Document
from kvaleval.refi import (
    check_qdpx,
    read_qdpx,
    read_qdpx_codebook,
    read_qdpx_selections,
    write_qdpx,
)
from kvaleval.segment import segment_documents

SHARED = REFI_QDA
PROJECT_XSD = SHARED / "schema" / "Project.xsd"
DEMO = Path(__file__).resolve().parents[1] / "corpus"
KEY = ["segment_id", "code", "coder"]

TXT = (
    "Interviewer: Hvad har betydet mest for jer i Vollsmose?\r\n"
    "Borger: Ærligt talt lektiecaféen 😀 – børnene får hjælp, og jeg får ro.\r\n"
    "Det er også rart at møde de andre forældre.\r\n"
    "Interviewer: Og hvad kunne være bedre?\r\n"
    "Borger: Ventetiden på familievejledningen er for lang 👍🏽 – tre måneder.\r\n"
)
VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Sofie Lund>Hvordan fungerer samarbejdet med boligsociale medarbejdere?</v>

00:00:04.500 --> 00:00:09.000
<v Anders Holm>Rigtig godt. Vi mødes hver uge, og de kender familierne.</v>

00:00:09.500 --> 00:00:12.000
<v Sofie Lund>Er der noget, der halter?</v>

00:00:12.500 --> 00:00:18.000
<v Anders Holm>Kapaciteten. Der er for få timer til for mange børn.</v>
"""


def _write_sources(folder: Path) -> None:
    import docx
    import openpyxl

    (folder / "interviews").mkdir(parents=True)
    (folder / "interviews" / "borger01.txt").write_bytes(TXT.encode("utf-8"))
    document = docx.Document()
    for line in (
        "I: Kender du helhedsplanen?",
        "B: Ja, lidt. Jeg har set plakaterne på Åløkke Allé.",
        "I: Har du brugt tilbuddene?",
        "B: Min søn går til fodbold – det er gratis, og han elsker det.",
    ):
        document.add_paragraph(line)
    document.save(folder / "interviews" / "borger02.docx")
    (folder / "interviews" / "partner01.vtt").write_text(VTT, "utf-8")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["respondent_id", "Alder", "Hvad er det bedste ved området?", "Hvad bør ændres?"])
    sheet.append(
        [
            "R1",
            "30-39",
            "Naboerne hjælper hinanden, og der er grønne områder.",
            "Mere lys på stierne.",
        ]
    )
    sheet.append(["R2", "60+", "Fællesskabet i beboerhuset – især torsdagscaféen.", ""])
    sheet.append(
        [
            "R3",
            "18-29",
            "At der er kort til skole og indkøb.",
            "Flere aktiviteter for unge om aftenen.",
        ]
    )
    workbook.save(folder / "survey.xlsx")
    (folder / "metadata.csv").write_text(
        "file;respondent_group;interviewer\ninterviews/borger01.txt;borger;\n"
        "interviews/borger02.docx;borger;\ninterviews/partner01.vtt;partner;Sofie Lund\n"
        "survey.xlsx;borger;\n",
        "utf-8",
    )


def _code_everything(corpus: Corpus) -> Coded:
    """Codings by two coders, several codes per segment, valences and reasons."""
    respondents = corpus.segments[corpus.segments["speaker_role"] == "respondent"]
    rows = []
    for number, row in enumerate(respondents.itertuples()):
        rows.append(
            (
                row.segment_id,
                row.doc_id,
                "trivsel",
                "rules",
                0.75,
                "positiv",
                "termer: hjælp\n2. linje",
            )
        )
        if number % 2 == 0:
            rows.append((row.segment_id, row.doc_id, "kapacitet", "rules", 0.5, "negativ",
                         "termer: få\rskilt med CR, \\n som tekst"))  # XML would make the CR a line feed
        if number % 3 == 0:
            rows.append((row.segment_id, row.doc_id, "kapacitet", "Hanne Ø.", 1.0, "", ""))
    codebook = Codebook(
        name="demo",
        codes=(
            Code("trivsel", label="Trivsel", definition="Om at have det godt", color="#33CC66"),
            Code("kapacitet", label="Kapacitet", parent="trivsel", examples=("for få timer",)),
        ),
    )
    codings = pd.DataFrame(rows, columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"])
    return Coded(corpus=corpus, codebook=codebook, codings=codings)


def _assert_round_trip(coded: Coded, path: Path) -> None:
    write_qdpx(coded, path)
    if PROJECT_XSD.is_file():
        assert check_qdpx(path, schema=PROJECT_XSD) == []
    corpus, codings = read_qdpx(path)
    original = coded.corpus
    assert [d.doc_id for d in corpus.documents] == [d.doc_id for d in original.documents]
    assert [d.text for d in corpus.documents] == [d.text for d in original.documents]
    assert [d.attributes for d in corpus.documents] == [d.attributes for d in original.documents]
    pd.testing.assert_frame_equal(corpus.segments, original.segments)
    expected = coded.codings.sort_values(KEY).reset_index(drop=True)
    got = codings.sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(got[KEY], expected[KEY])
    assert got["score"].tolist() == expected["score"].tolist()
    assert got["valence"].tolist() == expected["valence"].fillna("").tolist()
    assert got["why"].tolist() == expected["why"].fillna("").tolist()
    assert read_qdpx_codebook(path).codes == coded.codebook.codes
    selections = read_qdpx_selections(path)
    texts = corpus.texts
    assert all(texts[s.doc_id][s.start : s.end] == s.text for s in selections.itertuples())
    assert set(selections["text"]) == set(
        original.segments.set_index("segment_id").loc[coded.codings["segment_id"], "text"]
    )


def test_refi_round_trip_real_library_files(tmp_path: Path) -> None:
    _write_sources(tmp_path / "korpus")
    corpus = read_corpus(tmp_path / "korpus")
    assert {d.format for d in corpus.documents} == {"txt", "docx", "vtt", "xlsx"}
    assert "\r" not in corpus.document("interviews/borger01").text
    _assert_round_trip(_code_everything(corpus), tmp_path / "ud" / "projekt.qdpx")


def test_refi_round_trip_emoji_offsets_are_code_points(tmp_path: Path) -> None:
    _write_sources(tmp_path / "korpus")
    coded = _code_everything(read_corpus(tmp_path / "korpus"))
    path = write_qdpx(coded, tmp_path / "p.qdpx")
    selections = read_qdpx_selections(path)
    text = coded.corpus.document("interviews/borger01").text
    last = selections[selections["doc_id"] == "interviews/borger01"].iloc[-1]
    assert text.index("Ventetiden") == last["start"]
    assert last["text"].startswith("Ventetiden") and "👍🏽" in last["text"]


def test_refi_round_trip_crlf_in_document_text(tmp_path: Path) -> None:
    """A hand-made document with CRLF is written with LF; offsets follow the text."""
    text = "I: Hvordan går det?\r\nB: Godt 😀, tak – æblerne er modne.\r\nI: Og ellers?\r\nB: Ventetid.\r\n"
    document = Document(doc_id="håndlavet", path="håndlavet.txt", format="txt", text=text)
    segments, _ = segment_documents([document])
    corpus = Corpus(root=str(tmp_path), documents=(document,), segments=segments)
    codings = pd.DataFrame(
        [
            (sid, "håndlavet", "tema", "Ida", 1.0, "", "")
            for sid in segments.loc[segments["speaker_role"] == "respondent", "segment_id"]
        ],
        columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"],
    )
    coded = Coded(corpus=corpus, codebook=Codebook(name="b", codes=(Code("tema"),)), codings=codings)
    with pytest.warns(KvalevalWarning, match="W603"):
        path = write_qdpx(coded, tmp_path / "crlf.qdpx")
    back, back_codings = read_qdpx(path)
    assert back.documents[0].text == text.replace("\r\n", "\n")
    assert back.segments["text"].tolist() == [t.replace("\r", "") for t in segments["text"]]
    assert back_codings["segment_id"].tolist() == codings["segment_id"].tolist()


def test_refi_round_trip_edited_text_is_segmented_anew(tmp_path: Path) -> None:
    _write_sources(tmp_path / "korpus")
    coded = _code_everything(read_corpus(tmp_path / "korpus"))
    path = write_qdpx(coded, tmp_path / "p.qdpx")
    edited = tmp_path / "redigeret.qdpx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("sources/") and "Ærligt".encode() in data:
                data = data.replace("Ærligt".encode(), "Helt ærligt".encode())
            target.writestr(info, data)
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, _ = read_qdpx(edited)
    assert corpus.notes["message"].str.contains("W619").any()
    assert "Helt ærligt" in corpus.document("interviews/borger01").text


@pytest.mark.skipif(not DEMO.is_dir() or not any(DEMO.rglob("*.txt")), reason="demo corpus not present")
def test_refi_round_trip_demo_corpus(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus = read_corpus(DEMO)
    _assert_round_trip(_code_everything(corpus), tmp_path / "demo.qdpx")


NVIVO = SHARED / "samples" / "nvivo-12.6_oltas0517.qdpx"


@pytest.mark.skipif(not NVIVO.is_file(), reason="tests/data/refi-qda is not here")
def test_refi_round_trip_foreign_project_through_kvaleval(tmp_path: Path) -> None:
    """NVivo -> kvaleval -> .qdpx -> kvaleval keeps every segment, coding and code."""
    with pytest.warns(KvalevalWarning):
        corpus, codings = read_qdpx(NVIVO)
    codebook = read_qdpx_codebook(NVIVO)
    path = write_qdpx(Coded(corpus=corpus, codebook=codebook, codings=codings), tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    again, again_codings = read_qdpx(path)
    pd.testing.assert_frame_equal(again.segments, corpus.segments)
    pd.testing.assert_frame_equal(again_codings, codings)
    assert read_qdpx_codebook(path).codes == codebook.codes
    assert [code.name for code in codebook.codes if not code.codable]  # NVivo's isCodable="false" kept


def test_refi_round_trip_inside_read_corpus(tmp_path: Path) -> None:
    """A .qdpx in a corpus folder gives its documents and codings to read_corpus (once wired)."""
    import warnings

    _write_sources(tmp_path / "kilde")
    coded = _code_everything(read_corpus(tmp_path / "kilde"))
    folder = tmp_path / "korpus"
    write_qdpx(coded, folder / "projekter" / "gammel.qdpx")
    (folder / "andet.txt").write_text("I: Hej?\nB: Hej med dig.\n", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus = read_corpus(folder)
    if any(path.endswith(".qdpx") for path in corpus.skipped["path"]):
        pytest.skip("read_corpus does not read .qdpx files yet")
    assert corpus.codings is not None
    prefixed = coded.codings.assign(segment_id="projekter/gammel/" + coded.codings["segment_id"])
    assert set(corpus.codings["segment_id"]) == set(prefixed["segment_id"])
    assert set(corpus.codings["segment_id"]) <= set(corpus.segments["segment_id"])


DEMO_CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "vollsmose.yaml"


@pytest.mark.skipif(not DEMO.is_dir() or not DEMO_CODEBOOK.is_file(), reason="demo corpus not present")
def test_refi_round_trip_project_keeps_the_codebooks_word_lists(tmp_path: Path) -> None:
    # A project written by kvaleval and read back had lost the lexicons its near cues name: coding
    # again with its codebook gave fewer codings than with the original.
    import warnings

    import kvaleval as kv

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        coded = kv.code(read_corpus(DEMO), kv.read_codebook(DEMO_CODEBOOK))
        path = write_qdpx(coded, tmp_path / "demo.qdpx")
        back = read_qdpx_codebook(path)
    assert back.codes == coded.codebook.codes
    assert back.lexicons == coded.codebook.lexicons and back.lexicons
    assert (back.valence_positive, back.valence_negative) == (coded.codebook.valence_positive,
                                                              coded.codebook.valence_negative)
    assert kv.code(coded.corpus, back).codings.equals(coded.codings)
