"""Broken corpus folders and metadata.csv: a clear error, or a read with every file accounted for."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

import kvaleval as kv
from kvaleval.corpus import Corpus
from kvaleval.errors import CorpusError, KvalevalWarning

TEXT = "I: Hvordan?\nB: Godt, tak.\n"


def read(folder: Path, **options: object) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return kv.read_corpus(folder, **options)  # type: ignore[arg-type]


def skipped(corpus: Corpus) -> dict[str, str]:
    return dict(zip(corpus.skipped["path"], corpus.skipped["reason"], strict=True))


def notes(corpus: Corpus) -> list[tuple[str, str]]:
    return list(zip(corpus.notes["path"], corpus.notes["message"], strict=True))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "korpus"
    path.mkdir()
    (path / "borger01.txt").write_text(TEXT, encoding="utf-8")
    return path


# --- the corpus folder -------------------------------------------------------------------

def test_hostile_corpus_folder_missing(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"^\[E001\] Korpusmappen findes ikke: .*findes_ikke"):
        read(tmp_path / "findes_ikke")


def test_hostile_corpus_path_is_one_file(folder: Path) -> None:
    corpus = read(folder / "borger01.txt")
    assert [document.doc_id for document in corpus.documents] == ["borger01"]


def test_hostile_corpus_path_is_an_unsupported_file(tmp_path: Path) -> None:
    (tmp_path / "rapport.pages").write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusError, match=r"^\[E003\].*rapport.pages: \[E004\] Filtypen '\.pages' understøttes ikke"):
        read(tmp_path / "rapport.pages")


def test_hostile_corpus_unsupported_files_name_the_formats_once(tmp_path: Path) -> None:
    """E003 lists the supported formats; each skipped file's E004 reason does not repeat them."""
    (tmp_path / "rapport.pages").write_bytes(b"PK\x03\x04")
    (tmp_path / "slides.key").write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusError) as raised:
        read(tmp_path)
    message = str(raised.value)
    assert message.count(".qdpx") == 1, message
    assert "rapport.pages: [E004] Filtypen '.pages' understøttes ikke (rapport.pages). Åbn den i Word" in message
    assert "slides.key: [E004]" in message


def test_hostile_corpus_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"^\[E003\] Ingen læsbare dokumenter.*ingen filer, som kvaleval læser"):
        read(tmp_path)


def test_hostile_corpus_only_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "a.wpd").write_bytes(b"\xffWPC")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "lyd.m4a").write_bytes(b"\0\0\0\x20ftypM4A ")
    with pytest.raises(CorpusError) as info:
        read(tmp_path)
    message = str(info.value)
    assert message.startswith("[E003]")
    assert "a.wpd: [E004]" in message and "b.doc: [E004]" in message and "lyd.m4a" in message
    assert "\n" not in message


def test_hostile_corpus_only_broken_files(tmp_path: Path) -> None:
    (tmp_path / "tom.txt").write_bytes(b"")
    (tmp_path / "kaput.docx").write_bytes(b"PK\x03\x04kaput")
    with pytest.raises(CorpusError, match=r"^\[E003\].*kaput.docx: \[E007\].*tom.txt: \[E005\]"):
        read(tmp_path)


def test_hostile_corpus_many_skipped_files_one_line(tmp_path: Path) -> None:
    for number in range(30):
        (tmp_path / f"fil{number:02d}.pages").write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"og 25 til") as info:
        read(tmp_path)
    assert len(str(info.value)) < 2000


def test_hostile_corpus_office_lock_files(folder: Path) -> None:
    (folder / "~$rger02.docx").write_bytes(b"\x05Hanne" + b" " * 150)
    (folder / ".~lock.borger03.odt#").write_text("Hanne,pc,/home/hanne,27.11.2026 10:00;", encoding="utf-8")
    corpus = read(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt"]
    reasons = skipped(corpus)
    assert reasons["~$rger02.docx"].startswith("[W009] en Office-låsefil")
    assert reasons[".~lock.borger03.odt#"].startswith("[W009]")


def test_hostile_corpus_hidden_files_and_ignore_folder(folder: Path) -> None:
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / ".git").mkdir()
    (folder / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (folder / "_ignore").mkdir()
    (folder / "_ignore" / "gammel.txt").write_text(TEXT, encoding="utf-8")
    (folder / "README.md").write_text("# Korpus\n", encoding="utf-8")
    corpus = read(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt"]
    assert skipped(corpus) == {}


def test_hostile_corpus_symlink_outside_is_skipped(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "privat.txt"
    outside.write_text("I: Hemmeligt?\nB: Ja.\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    corpus = read(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt"]
    assert skipped(corpus)["link.txt"].startswith("[W010] et link til ")
    assert str(outside) in skipped(corpus)["link.txt"]


def test_hostile_corpus_symlink_inside_is_read(folder: Path) -> None:
    (folder / "kopi.txt").symlink_to(folder / "borger01.txt")
    corpus = read(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt", "kopi.txt"]


def test_hostile_corpus_symlink_to_folder_is_not_followed(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "andet"
    other.mkdir()
    (other / "x.txt").write_text(TEXT, encoding="utf-8")
    (folder / "andet").symlink_to(other, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    corpus = read(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt"]
    assert skipped(corpus)["andet"].startswith("[W011]")
    assert skipped(corpus)["loop"].startswith("[W011]")


def test_hostile_corpus_broken_symlink(folder: Path, tmp_path: Path) -> None:
    (folder / "væk.txt").symlink_to(tmp_path / "findes_ikke.txt")
    assert skipped(read(folder))["væk.txt"].startswith("[W012] et link til ")


def test_hostile_corpus_a_loop_of_links_is_skipped_and_the_rest_read(folder: Path) -> None:
    # a -> b -> a, and a link to itself, ended the run with a traceback (RuntimeError: Symlink loop).
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "selv.txt").symlink_to(folder / "selv.txt")
    (folder / "Thumbs.db").write_bytes(b"\x00\x01")
    (folder / "desktop.ini").write_text("[.ShellClassInfo]\n", encoding="utf-8")
    corpus = read(folder)
    assert all(skipped(corpus)[name].startswith("[W012] et link til ") for name in ("a.txt", "b.txt", "selv.txt"))
    assert "Thumbs.db" not in skipped(corpus) and "desktop.ini" not in skipped(corpus)  # what Windows leaves
    assert len(corpus.segments)  # the folder's transcripts are read


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_hostile_corpus_named_pipe_does_not_hang(folder: Path) -> None:
    os.mkfifo(folder / "rør.txt")
    corpus = read(folder)
    assert skipped(corpus)["rør.txt"].startswith("[W013] ikke en almindelig fil")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_hostile_corpus_unreadable_file(folder: Path) -> None:
    locked = folder / "låst.txt"
    locked.write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        assert skipped(read(folder))["låst.txt"].startswith("[E013] låst.txt: could not be read")
    finally:
        locked.chmod(0o644)


def test_hostile_corpus_nested_folders_and_duplicate_stems(folder: Path) -> None:
    (folder / "interviews" / "runde 2").mkdir(parents=True)
    (folder / "interviews" / "runde 2" / "borger01.txt").write_text(TEXT, encoding="utf-8")
    (folder / "borger01.md").write_text(TEXT, encoding="utf-8")
    corpus = read(folder)
    assert sorted(document.doc_id for document in corpus.documents) == [
        "borger01.md", "borger01.txt", "interviews/runde 2/borger01"]
    assert corpus.segments["segment_id"].is_unique


# --- metadata.csv ------------------------------------------------------------------------

def test_hostile_corpus_metadata_names_missing_file(folder: Path) -> None:
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n"
                                         "borger99.txt,borger\n", encoding="utf-8")
    corpus = read(folder)
    assert ("borger99.txt", "[W003] metadata.csv nævner borger99.txt, som ikke ligger i korpusmappen; "
            "rækken ignoreres. Tjek filnavnet i kolonnen 'file'.") in notes(corpus)


def test_hostile_corpus_file_without_metadata_row(folder: Path) -> None:
    (folder / "borger02.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n",
                                         encoding="utf-8")
    corpus = read(folder)
    assert any(path == "borger02.txt" and message.startswith("[W002]")
               for path, message in notes(corpus))
    groups = corpus.segments.groupby("doc_id")["respondent_group"].first()
    assert groups["borger01"] == "borger" and groups.isna()["borger02"]


def test_hostile_corpus_skipped_file_is_not_also_missing_from_metadata(folder: Path) -> None:
    # An unreadable file was listed as skipped and, in the notes, as having no row in metadata.csv.
    (folder / "tom.docx").write_bytes(b"")
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n", encoding="utf-8")
    corpus = read(folder)
    assert list(corpus.skipped["path"]) == ["tom.docx"]
    assert not [message for path, message in notes(corpus) if path == "tom.docx"]


def test_hostile_corpus_metadata_identical_duplicate_rows(folder: Path) -> None:
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n"
                                         "borger01.txt,borger\n", encoding="utf-8")
    corpus = read(folder)
    assert ("metadata.csv", "[W005] metadata.csv har 2 rækker for borger01.txt; den første bruges."
            ) in notes(corpus)


def test_hostile_corpus_metadata_conflicting_duplicate_rows(folder: Path) -> None:
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n"
                                         "./borger01.txt,partner\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^\[E016\] metadata.csv har rækker med forskellige værdier "
                                          r"for borger01.txt \(række 2 og 3\)"):
        read(folder)


def test_hostile_corpus_metadata_in_sub_folders(folder: Path) -> None:
    # A metadata.csv beside the interviews in a sub-folder was ignored without a word: the
    # interviewer it named was not known, and the groups were missing.
    (folder / "interviews").mkdir()
    (folder / "partnere").mkdir()
    (folder / "interviews" / "borger02.txt").write_text(TEXT, encoding="utf-8")
    (folder / "partnere" / "partner01.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\nborger01.txt,borger\n", encoding="utf-8")
    (folder / "interviews" / "metadata.csv").write_text("file;respondent_group\nborger02.txt;borger\n",
                                                        encoding="utf-8")
    (folder / "partnere" / "metadata.csv").write_text("file,respondent_group,interviewer\n"
                                                      "partner01,samarbejdspartner,Lars\n", encoding="utf-8")
    corpus = read(folder)
    groups = corpus.segments.groupby("doc_id")["respondent_group"].first().to_dict()
    assert groups == {"borger01": "borger", "interviews/borger02": "borger",
                      "partnere/partner01": "samarbejdspartner"}
    assert not [message for _, message in notes(corpus) if "W002" in message]


def test_hostile_corpus_metadata_in_sub_folder_conflicts_with_top(folder: Path) -> None:
    (folder / "interviews").mkdir()
    (folder / "interviews" / "borger02.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\ninterviews/borger02.txt,borger\n",
                                         encoding="utf-8")
    (folder / "interviews" / "metadata.csv").write_text("file,respondent_group\nborger02.txt,partner\n",
                                                        encoding="utf-8")
    with pytest.raises(CorpusError, match=r"E016.*interviews/borger02.txt"):
        read(folder)


def test_hostile_corpus_metadata_without_file_column(folder: Path) -> None:
    (folder / "metadata.csv").write_text("navn;gruppe\nborger01.txt;borger\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^\[E008\] metadata.csv har ingen kolonne 'file' eller 'filnavn' "
                                          r"\(fundne kolonner: \['navn', 'gruppe'\]\)"):
        read(folder)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_hostile_corpus_metadata_any_delimiter(folder: Path, delimiter: str) -> None:
    (folder / "metadata.csv").write_text(
        delimiter.join(["file", "respondent_group", "Hvad, hvor og hvornår"]) + "\n"
        + delimiter.join(["borger01.txt", "borger", "x"]) + "\n", encoding="utf-8")
    corpus = read(folder)
    assert set(corpus.segments["respondent_group"]) == {"borger"}


def test_hostile_corpus_metadata_in_cp1252_with_bom_less_excel(folder: Path) -> None:
    (folder / "metadata.csv").write_bytes("file;gruppe\nborger01.txt;ældre\n".encode("cp1252"))
    corpus = read(folder)
    assert set(corpus.segments["gruppe"]) == {"ældre"}


@pytest.mark.parametrize(("content", "detail"), [
    (b"", "filen er tom"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "filen er et PNG-billede"),
    (bytes(range(1, 32)) * 40, "filen kunne ikke læses som tekst"),
])
def test_hostile_corpus_metadata_unreadable(folder: Path, content: bytes, detail: str) -> None:
    (folder / "metadata.csv").write_bytes(content)
    with pytest.raises(CorpusError) as info:
        read(folder)
    message = str(info.value)
    assert message.startswith(f"[E009] metadata.csv kunne ikke læses ({detail}")
    assert "eller fjern den" in message


def test_hostile_corpus_metadata_row_without_file_name(folder: Path) -> None:
    (folder / "metadata.csv").write_text("file,gruppe\n,borger\nborger01.txt,borger\n",
                                         encoding="utf-8")
    corpus = read(folder)
    assert ("metadata.csv", "[W018] metadata.csv, linje 2: rækken har intet filnavn i kolonnen "
            "'file'; den ignoreres.") in notes(corpus)


def test_hostile_corpus_metadata_short_and_long_rows(folder: Path) -> None:
    (folder / "borger02.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,gruppe,rolle\nborger01.txt\nborger02.txt,b,c,d,e\n",
                                         encoding="utf-8")
    corpus = read(folder)
    groups = corpus.segments.groupby("doc_id")["gruppe"].first()
    assert groups["borger01"] == "" and groups["borger02"] == "b"


def test_hostile_corpus_metadata_none_ignores_the_file(folder: Path) -> None:
    (folder / "metadata.csv").write_bytes(b"")
    corpus = read(folder, metadata=None)
    assert len(corpus.documents) == 1


def test_hostile_corpus_one_bad_file_does_not_stop_the_rest(folder: Path) -> None:
    (folder / "kaput.docx").write_bytes(b"garbage")
    (folder / "kaput.xlsx").write_bytes(b"PK\x03\x04garbage")
    (folder / "borger02.md").write_text(TEXT, encoding="utf-8")
    with pytest.warns(KvalevalWarning, match=r"\[W001\] 2 fil\(er\) er sprunget over"):
        corpus = kv.read_corpus(folder)
    assert [document.path for document in corpus.documents] == ["borger01.txt", "borger02.md"]
    assert sorted(skipped(corpus)) == ["kaput.docx", "kaput.xlsx"]


@pytest.mark.parametrize(
    ("interviewer", "expected"),
    [
        ("Mette Hansen og Lars Holm", ["Mette", "Lars"]),  # "og" separates two interviewers
        ("Mette Hansen & Lars Holm", ["Mette", "Lars"]),
        ("Mette Hansen, Lars Holm", ["Mette", "Lars"]),
        ("Mette; Lars", ["Mette", "Lars"]),
        ("Mette Hansen (BL), Lars Holm", ["Mette", "Lars"]),  # a department once made this one person
    ],
)
def test_hostile_corpus_metadata_two_interviewers(folder: Path, interviewer: str, expected: list[str]) -> None:
    (folder / "int5.txt").write_text(
        "Mette: Hvordan har du oplevet projektet?\nJonas: Hvad mener du?\nLars: Hvad har du fået ud af det?\n"
        "Jonas: Et job gennem jobcaféen.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text(f'file;interviewer\nint5.txt;"{interviewer}"\n', encoding="utf-8")
    segments = read(folder).segments
    asking = segments[(segments["doc_id"] == "int5") & (segments["speaker_role"] == "interviewer")]
    assert sorted(asking["speaker"]) == sorted(expected)


def test_hostile_corpus_metadata_interviewer_last_name_first(folder: Path) -> None:
    # "Hansen, Mette" was two interviewers, Hansen and Mette: the respondent Mette Jensen asked the questions.
    (folder / "teams3.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Mette Hansen>Hvordan har du oplevet helhedsplanen?</v>\n\n"
        "00:00:04.500 --> 00:00:09.000\n<v Mette Jensen>Godt. Der er kommet mere liv.</v>\n\n"
        "00:00:09.500 --> 00:00:12.000\n<v Hansen, Mette (BIF)>Hvad med naboerne?</v>\n\n"
        "00:00:12.500 --> 00:00:15.000\n<v Mette Jensen>Dem kender jeg nu.</v>\n", encoding="utf-8")
    (folder / "metadata.csv").write_text('file;interviewer\nteams3.vtt;"Hansen, Mette"\n', encoding="utf-8")
    segments = read(folder).segments
    roles = segments[segments["doc_id"] == "teams3"].groupby("speaker")["speaker_role"].first().to_dict()
    assert roles == {"Mette Hansen": "interviewer", "Hansen, Mette (BIF)": "interviewer",
                     "Mette Jensen": "respondent"}


def test_hostile_corpus_metadata_in_excel_says_where_metadata_is_read(folder: Path) -> None:
    # metadata.xlsx was read as a survey and skipped with "no open answers" (E011): the attributes
    # silently missing, and no word that they belong in metadata.csv.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["file", "respondent_group"])
    book.active.append(["borger01.txt", "borger"])
    book.save(folder / "metadata.xlsx")
    reason = skipped(read(folder))["metadata.xlsx"]
    assert reason.startswith("[W038] metadata læses kun fra metadata.csv") and "Gem arket som CSV" in reason
