"""--out never destroys an input, has the suffix of what is written, and never wipes a filled sheet."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.cli import agreement as _agreement  # noqa: F401  (registers the commands)
from kvaleval.cli import code as _code  # noqa: F401
from kvaleval.cli import evaluate as _evaluate  # noqa: F401
from kvaleval.cli import sheet as _sheet  # noqa: F401
from kvaleval.cli._app import app
from kvaleval.errors import HumanCodingError, KvalevalWarning
from kvaleval.records import Codebook
from kvaleval.report.sheet import write_sheet
from test_human_read import fill


@pytest.fixture
def filled(tiny_corpus: Path, small_codebook: Codebook, tmp_path: Path) -> tuple[Path, Path]:
    corpus = kv.read_corpus(tiny_corpus)
    anne = write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx", coder_name="Anne")
    bo = write_sheet(corpus, small_codebook, tmp_path / "coder_bo.xlsx", coder_name="Bo")
    fill(anne, {("borger01#1", "relevans"): 1})
    fill(bo, {("borger01#1", "relevans"): 1, ("partner01#1", "kapacitet"): "x"})
    return anne, bo


def refused(args: list[str], code: str, *, says: str = "") -> None:
    result = CliRunner().invoke(app, args)
    assert isinstance(result.exception, HumanCodingError), result.output
    assert f"[{code}]" in str(result.exception) and "Intet er skrevet" in str(result.exception)
    assert says in str(result.exception)


def test_agreement_out_over_an_input(filled: tuple[Path, Path], tiny_corpus: Path) -> None:
    anne, bo = filled
    before = anne.read_bytes()
    refused(["agreement", str(anne), str(bo), "--corpus", str(tiny_corpus), "--out", str(anne)], "E843")
    # the same file by another spelling of its path
    other = anne.parent / ".." / anne.parent.name / anne.name
    refused(["agreement", str(anne), str(bo), "--out", str(other)], "E843")
    assert anne.read_bytes() == before
    assert len(kv.read_codings(anne)) == 1


def test_agreement_out_with_a_csv_suffix(filled: tuple[Path, Path], tmp_path: Path) -> None:
    anne, bo = filled
    refused(["agreement", str(anne), str(bo), "--out", str(tmp_path / "enighed.csv")], "E844",
            says="ende på .xlsx")
    assert not (tmp_path / "enighed.csv").exists()


def test_evaluate_out_over_the_gold(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,turn_index,code\nborger01,1,kapacitet\n", encoding="utf-8")
    before = gold.read_bytes()
    refused(["evaluate", str(tiny_corpus), "--gold", str(gold), "-c", str(small_codebook_path),
             "--out", str(gold)], "E843")
    assert gold.read_bytes() == before


def test_sheet_does_not_overwrite_a_filled_sheet(filled: tuple[Path, Path], tiny_corpus: Path,
                                                 small_codebook_path: Path) -> None:
    _, bo = filled
    before = bo.read_bytes()
    args = ["sheet", str(tiny_corpus), "-c", str(small_codebook_path), "--out", str(bo), "-q"]
    refused(args, "E845")
    assert bo.read_bytes() == before
    result = CliRunner().invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert kv.read_codings(bo).empty
    # an unfilled sheet is simply written again, also one with the coder's name kvaleval wrote itself
    # (the docs' own 'sheet ... --coder Anne' could not be run twice)
    named = [*args, "--coder", "Anne"]
    assert CliRunner().invoke(app, named).exit_code == 0
    again = CliRunner().invoke(app, named)
    assert again.exit_code == 0, again.output
    refused(["sheet", str(tiny_corpus), "--out", str(bo.with_suffix(".csv"))], "E844")


def test_sheet_documents_pattern_matching_nothing(tiny_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "bo.xlsx"
    refused_args = ["sheet", str(tiny_corpus), "--out", str(out), "--documents", "interviews/borger0*"]
    result = CliRunner().invoke(app, refused_args)
    assert isinstance(result.exception, HumanCodingError), result.output
    assert "[E850] --documents 'interviews/borger0*' passede på intet dokument" in str(result.exception)
    assert "'borger01'" in str(result.exception) and not out.exists()


def test_kodning_sheet_saved_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "coder_bo.csv"
    path.write_text("segment_id;Dokument;Gruppe;Taler;Spørgsmål;Tekst;relevans;relevans: valens\n"
                    "d#1;d;;B;Hvordan?;Godt.;1;positiv\n", encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning), pytest.raises(HumanCodingError, match=r"\[E851\].*gemt som CSV"):
        kv.read_codings(path)


def test_kappa_rounding_residue_is_zero() -> None:
    """κ of a coder who coded nothing against one who coded: exactly 0, not -7.8e-16."""
    import pandas as pd

    units = [f"d#{u}" for u in range(3)]  # 1 of 3 coded: (2/3 - 2/3) / (1/3) is -3.3e-16 in floats
    segments = pd.DataFrame({"segment_id": units, "doc_id": "d", "speaker_role": "respondent"})
    codings = pd.DataFrame({"segment_id": ["d#1"], "code": "a", "coder": "anne"})
    table = kv.agreement(codings, segments=segments, coverage={"bo": units}, n_boot=0)
    assert table.loc[0, "cohen_kappa"] == 0.0 and str(table.loc[0, "cohen_kappa"]) == "0.0"


def test_every_command_s_status_lines_follow_the_language(filled: tuple[Path, Path], tiny_corpus: Path,
                                                           small_codebook: Codebook, tmp_path: Path) -> None:
    """With --lang en the status lines of sheet, evaluate, agreement, train, review, check and
    export-qdpx are English (they were Danish whatever the language); the tables stay Danish."""
    from kvaleval.cli import check as _check  # noqa: F401
    from kvaleval.cli import export_qdpx as _export  # noqa: F401
    from kvaleval.cli import model as _model  # noqa: F401
    from kvaleval.errors import set_language

    anne, bo = filled
    book = str(small_codebook.path)
    corpus = str(tiny_corpus)
    runs = {
        ("sheet", corpus, "-c", book, "--suggest", "-o", str(tmp_path / "ark.xlsx")):
            ("Written: ", "respondent turns", "themes, with the rule coder's suggestions"),
        ("evaluate", corpus, "-g", str(bo), "-c", book, "-o", str(tmp_path / "ev.xlsx")):
            (f"Coding {corpus} with the rules ...", "Macro-F1: ", "lowest κ: ", "confusions)"),
        ("agreement", str(anne), str(bo), "--corpus", corpus, "-o", str(tmp_path / "en.xlsx"), "--n-boot", "0"):
            ("Coders: Anne, Bo; disagreements: ", f"Written: {tmp_path / 'en.xlsx'}"),
        ("train", corpus, "--gold", str(bo), "-c", book, "-o", str(tmp_path / "m.json")):
            ("Trained on ", "Saved: ", "it holds personal data; do not share it."),
        ("export-qdpx", corpus, "-c", book, "-o", str(tmp_path / "p.qdpx")):
            ("Written: ", "share it only with those allowed to see the transcripts."),
    }
    for args, expected in runs.items():
        danish = CliRunner().invoke(app, list(args))
        english = CliRunner().invoke(app, ["--lang", "en", *args])
        set_language(None)  # --lang holds for the process, here the test's
        assert danish.exit_code == english.exit_code == 0, (args, danish.output, english.output)
        for text in expected:
            assert text in english.output, (args[0], text, english.output)
        assert "Skrevet" not in english.output and "Skrev " not in english.output, english.output
        assert ("Skrev" in danish.output or "Gemt: " in danish.output) and "Written" not in danish.output, danish.output
    segments = kv.read_corpus(tiny_corpus).segments
    one = write_sheet(segments[segments["doc_id"] == "borger01"], small_codebook, tmp_path / "en_fil.xlsx")
    fill(one, {("borger01#1", "relevans"): 1})
    trained = CliRunner().invoke(app, ["train", corpus, "--gold", str(one), "-c", book, "-o", str(tmp_path / "1.json")])
    assert trained.exit_code == 0, trained.output
    review = CliRunner().invoke(app, ["--lang", "en", "review", corpus, "--model", str(tmp_path / "1.json"),
                                      "-c", book, "-n", "2", "-o", str(tmp_path / "r.xlsx")])
    set_language(None)
    assert review.exit_code == 0 and "Written: " in review.output and "(2 segments)" in review.output, review.output
    failing = tmp_path / "k.yaml"
    failing.write_text("name: k\ncodes:\n  - name: kap\n    examples: [Der er kø]\n"
                       "    counterexamples: [Der er rigeligt med folk]\n    terms: [folk]\n", encoding="utf-8")
    check = CliRunner().invoke(app, ["--lang", "en", "check", str(failing), "--corpus", corpus])
    set_language(None)
    assert check.exit_code == 1, check.output
    for text in ("Examples and counter-examples: 0 of 2 as they should be.",
                 "kap: example should be coded: »Der er kø« (evidence 0.0, threshold 1.0; no hits)",
                 "kap: counter-example must not be coded: »Der er rigeligt med folk«",
                 f"Terms and near cues that never hit in {corpus} (neither in the answers nor in their "):
        assert text in check.output, check.output


def test_ctrl_c_says_interrupted_and_leaves_the_appendix(tiny_corpus: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from kvaleval.cli import main

    out = tmp_path / "bilag"
    out.mkdir()
    (out / "appendix.xlsx").write_bytes(b"the appendix of an earlier run")
    (out / "kvaleval_filer.txt").write_text("appendix.xlsx\n", encoding="utf-8")  # kvaleval wrote it

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kv, "code", stopped)  # Ctrl-C while coding
    monkeypatch.setattr("sys.argv", ["kvaleval", "code", str(tiny_corpus), "--out", str(out)])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1].startswith("Afbrudt. Bilag og filer, der fandtes i forvejen")
    assert (out / "appendix.xlsx").read_bytes() == b"the appendix of an earlier run"
    assert sorted(path.name for path in out.iterdir()) == ["appendix.xlsx", "kvaleval_filer.txt"]


@pytest.mark.parametrize("args", [["--help"], ["code", "--help"], ["agreement", "--help"], ["export-qdpx", "--help"]])
def test_help_is_danish_throughout(args: list[str]) -> None:
    # The option texts were Danish, the page around them Click's English ("Usage:", "Show this message and exit.").
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    page = " ".join(result.output.replace("│", " ").split())  # rich wraps the texts in boxes
    for english in ("Usage:", "Options", "Arguments", "Commands", "Show this message", "[required]", "[default:",
                    "[OPTIONS]", "COMMAND [ARGS]"):
        assert english not in page, english
    assert "Brug: " in page and "Vis denne hjælp" in page and "Tilvalg" in page


@pytest.mark.parametrize("args", [["--lang", "en", "--help"], ["--lang", "en", "code", "--help"],
                                  ["--lang", "en", "sheet", "--help"], ["--lang", "en", "export-qdpx", "--help"]])
def test_help_is_english_throughout_in_an_english_run(args: list[str]) -> None:
    # `--lang en ... --help` drew the Danish page, option texts and all ("--help is Danish in English runs").
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    page = " ".join(result.output.replace("│", " ").split())
    for danish in ("Brug:", "Tilvalg", "Argumenter", "Kommandoer", "Vis denne hjælp", "[påkrævet]", "[standard:",
                   "[TILVALG]", " og ", " eller ", "Kodebog"):
        assert danish not in page, danish
    assert "Usage: " in page and "Show this message and exit." in page and "Options" in page
    # and the next run without --lang is Danish again: the texts were swapped only while the page was drawn
    from kvaleval.errors import set_language

    set_language(None)
    again = CliRunner().invoke(app, args[2:])
    assert "Brug: " in again.output and "Tilvalg" in again.output


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("command", ["code", "check", "sheet", "agreement", "evaluate", "train", "review",
                                     "export-qdpx", None])
def test_help_shows_values_in_words_and_flags_without_one(command: str | None, lang: str) -> None:
    # Typer showed Python's types: '--help <bool>' and '--suggest <bool>', as if a flag took a value,
    # '--keep <list[str]>', 'CODINGS <list[Path]>', and '<path>', '<str>' on the Danish page.
    result = CliRunner().invoke(app, ["--lang", lang, *([command] if command else []), "--help"])
    assert result.exit_code == 0, result.output
    page = result.output
    for python in ("<bool>", "list[", "<str>", "<int>", "<Path>"):
        assert python not in page, python
    flags = [line for line in page.splitlines() if "--help " in line or "--quiet" in line or "--no-" in line]
    assert flags and not any("<" in line for line in flags), flags
    if command is not None:
        assert ("<sti>" if lang == "da" else "<path>") in page
    from kvaleval.errors import set_language

    set_language(None)


def test_help_lists_the_commands_in_the_order_of_the_work() -> None:
    # The order was the modules' import order: agreement, check, code, evaluate, export-qdpx, train, review, sheet.
    result = CliRunner().invoke(app, ["--help"])
    panel = result.output.split("Kommandoer", 1)[1]
    names = {"code", "check", "sheet", "agreement", "evaluate", "train", "review", "export-qdpx"}
    listed = [line.split()[1] for line in panel.splitlines() if len(line.split()) > 1 and line.split()[1] in names]
    assert listed == ["code", "check", "sheet", "agreement", "evaluate", "train", "review", "export-qdpx"]


def test_every_help_text_has_its_english() -> None:
    from typer.main import get_command

    import kvaleval.cli  # noqa: F401  (registers every command)
    from kvaleval.cli._help_en import HELP_EN

    group = get_command(app)
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    assert {"check", "train", "review", "export-qdpx"} <= set(group.commands)  # type: ignore[attr-defined]
    texts = {text for command in commands
             for text in (command.help, *(getattr(p, "help", None) for p in command.params))
             if text}
    assert sorted(texts - set(HELP_EN)) == []


def test_english_help_texts_break_lines_only_between_paragraphs() -> None:
    # Typer joins a Danish docstring's wrapped lines, but shows a translation as it is: a newline
    # inside a paragraph of export-qdpx's English help cut the line "The source texts are" short.
    from kvaleval.cli._help_en import HELP_EN

    assert [english for english in HELP_EN.values() if re.search(r"(?<!\n)\n(?!\n)", english)] == []
    assert all(danish.count("\n\n") == english.count("\n\n") for danish, english in HELP_EN.items())


@pytest.mark.parametrize("inside", ["bilag", "."], ids=["a folder in the corpus", "the corpus folder itself"])
def test_code_out_inside_the_corpus_is_not_read_back(tiny_corpus: Path, small_codebook_path: Path,
                                                      inside: str) -> None:
    # The second run read its own csv/ files and appendix.xlsx as surveys, and crashed (KeyError: 'score').
    before = kv.read_corpus(tiny_corpus)
    out = tiny_corpus / inside
    command = ["code", str(tiny_corpus), "--codebook", str(small_codebook_path), "--out", str(out), "-q"]
    for _ in range(2):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
    with pytest.warns(KvalevalWarning, match="W001"):
        again = kv.read_corpus(tiny_corpus)
    assert again.segments["segment_id"].tolist() == before.segments["segment_id"].tolist()
    assert again.skipped["path"].tolist() == [inside]
    assert again.skipped["reason"].str.startswith("[W028]").all()
    assert (out / "appendix.xlsx").exists()


def test_code_own_conclusions_do_not_get_the_indicators_beside_the_codebook(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    # --conclusions of one's own picked up the demo's invented indicators beside the codebook, unsaid.
    import shutil

    codebook = tmp_path / "kb.yaml"
    shutil.copy(small_codebook_path, codebook)
    (tmp_path / "kb_indikatorer.csv").write_text("indikator;mål;opnået\nOpfundet;10;12\n", encoding="utf-8")
    (tmp_path / "kb_konklusioner.yaml").write_text("- {id: demo, statement: x, themes: [kapacitet]}\n",
                                                   encoding="utf-8")
    own = tmp_path / "egne.yaml"
    own.write_text("- {id: egen, statement: y, themes: [kapacitet]}\n", encoding="utf-8")
    for options, conclusions, indicators in (([], "demo", True), (["--conclusions", str(own)], "egen", False)):
        out = tmp_path / f"ud_{conclusions}"
        result = CliRunner().invoke(app, ["code", str(tiny_corpus), "--codebook", str(codebook), "--out", str(out),
                                          *options])
        assert result.exit_code == 0, result.output
        sheets = openpyxl.load_workbook(out / "appendix.xlsx").sheetnames
        assert ("Målopfyldelse" in sheets) is indicators
        found = pd.read_csv(out / "csv" / "konklusioner.csv", encoding="utf-8-sig")
        assert set(found.iloc[:, 0]) == {conclusions}
        expected = "kb_indikatorer.csv" if indicators else "indikatorer: (ingen)"
        assert "Konklusioner: " in result.output and expected in result.output


def test_the_shipped_demo_files_are_the_repository_s(tmp_path: Path) -> None:
    # Run outside the repository, `code corpus/` takes the codebook shipped in the package; its
    # indicators were not shipped, so the quick start's appendix had no Målopfyldelse there.
    from importlib import resources

    from conftest import ROOT

    shipped = Path(str(resources.files("kvaleval").joinpath("data")))
    for name in ("vollsmose.yaml", "vollsmose_konklusioner.yaml", "vollsmose_indikatorer.csv"):
        assert (shipped / name).read_bytes() == (ROOT / "codebooks" / name).read_bytes(), name


def test_code_outside_the_repository_takes_the_demo_s_conclusions_and_indicators(
        tiny_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no codebooks/ here
    result = CliRunner().invoke(app, ["code", str(tiny_corpus), "--out", "ud"])
    assert result.exit_code == 0, result.output
    assert "vollsmose_indikatorer.csv" in result.output
    sheets = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx").sheetnames
    assert {"Konklusioner", "Målopfyldelse"} <= set(sheets)


@pytest.mark.parametrize(("language", "command", "usage"), [
    ("da", "code", "Brug: kvaleval code [TILVALG] KORPUS"),
    ("da", "check", "Brug: kvaleval check [TILVALG] KODEBOG"),
    ("da", "agreement", "Brug: kvaleval agreement [TILVALG] KODNINGER..."),
    ("en", "code", "Usage: kvaleval code [OPTIONS] CORPUS"),
    ("en", "check", "Usage: kvaleval check [OPTIONS] CODEBOOK"),
    ("en", "agreement", "Usage: kvaleval agreement [OPTIONS] CODINGS..."),
])
def test_usage_line_names_the_arguments_as_the_docs_do(language: str, command: str, usage: str) -> None:
    # Typer writes a required argument as {corpus}; docs/cli.md writes KORPUS, the README CORPUS (the
    # Danish page said CORPUS while the Danish docs said KORPUS).
    result = CliRunner().invoke(app, ["--lang", language, command, "--help"])
    assert result.exit_code == 0
    page = " ".join(result.output.split())
    assert usage in page
    assert usage.split()[-1].rstrip(".") in page.split("[påkrævet]" if language == "da" else "[required]")[0]


def test_code_writes_the_refi_project_beside_the_report_and_not_with_no_qdpx(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    # `code` promised "a REFI-QDA project" and wrote none: it took a second command, export-qdpx.
    from kvaleval.refi import check_qdpx, read_qdpx

    out = tmp_path / "ud"
    result = CliRunner().invoke(app, ["code", str(tiny_corpus), "-c", str(small_codebook_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    project = out / "lokalt" / "projekt.qdpx"
    assert "REFI-QDA-projekt til NVivo, ATLAS.ti, MAXQDA og QualCoder (ikke pseudonymiseret" in result.output
    assert "lokalt/projekt.qdpx" in (out / "kvaleval_filer.txt").read_text(encoding="utf-8").split()
    check_qdpx(project)
    corpus, codings = read_qdpx(project)
    table = pd.read_csv(out / "csv" / "kodninger.csv", encoding="utf-8-sig")
    assert len(codings) == len(table) > 0
    assert corpus.segments["text"].tolist() == kv.read_corpus(tiny_corpus).segments["text"].tolist()
    again = tmp_path / "uden"
    result = CliRunner().invoke(app, ["code", str(tiny_corpus), "-c", str(small_codebook_path), "--out", str(again),
                                      "--no-qdpx"])
    assert result.exit_code == 0, result.output
    assert not (again / "lokalt" / "projekt.qdpx").exists() and "REFI-QDA" not in result.output


def test_code_and_review_with_a_model_and_no_codebook_use_the_model_s(
    tiny_corpus: Path, small_codebook: Codebook, tmp_path: Path
) -> None:
    # Without -c they took the demo's codebook for a model trained on one's own: the demo's themes,
    # conclusions and indicators for one's own corpus, unsaid.
    from kvaleval.cli import model as _model  # noqa: F401

    model = tmp_path / "m.json"
    corpus = str(tiny_corpus)
    segments = kv.read_corpus(tiny_corpus).segments
    one = write_sheet(segments[segments["doc_id"] == "borger01"], small_codebook, tmp_path / "en_fil.xlsx")
    fill(one, {("borger01#1", "relevans"): 1})
    trained = CliRunner().invoke(app, ["train", corpus, "--gold", str(one), "-c", str(small_codebook.path),
                                       "-o", str(model)])
    assert trained.exit_code == 0, trained.output
    said = f"Ingen --codebook: bruger modellens kodebog {Path(str(small_codebook.path)).resolve()}"
    coded = CliRunner().invoke(app, ["code", corpus, "--model", str(model), "--out", str(tmp_path / "ud"), "--no-qdpx"])
    assert coded.exit_code == 0, coded.output
    assert said in coded.output and "demoens kodebog" not in coded.output
    codebook = pd.read_csv(tmp_path / "ud" / "csv" / "kodebog.csv", encoding="utf-8-sig")
    assert len(codebook) == len(small_codebook.codes)
    review = CliRunner().invoke(app, ["review", corpus, "--model", str(model), "-n", "2",
                                      "-o", str(tmp_path / "r.xlsx")])
    assert review.exit_code == 0 and said in review.output and "demoens kodebog" not in review.output, review.output


def test_evaluate_a_gold_sample_is_said_and_scored_in_its_documents_with_shared_documents(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    # A gold CSV coding 1 of 4 documents made every rule coding in the other 3 a false positive, unsaid.
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,turn_index,code\nborger01,1,relevans\nborger01,3,kendskab\n", encoding="utf-8")
    args = ["evaluate", str(tiny_corpus), "--gold", str(gold), "-c", str(small_codebook_path)]
    whole = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "alle.xlsx")])
    assert whole.exit_code == 0, whole.output
    assert "[W805] guld-kodningen har kodninger i 1 af 4 dokumenter" in whole.output
    sample = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "udsnit.xlsx"), "--shared-documents"])
    assert sample.exit_code == 0 and "W805" not in sample.output, sample.output
    confusions = [pd.read_excel(tmp_path / name, sheet_name=1, header=2) for name in ("alle.xlsx", "udsnit.xlsx")]
    assert set(confusions[1]["Dokument"]) <= {"borger01"}
    assert len(confusions[1]) < len(confusions[0])


def test_code_shows_notes_in_the_terminal_as_pseudonymised_as_the_appendix(
        tmp_path: Path, small_codebook_path: Path) -> None:
    # W017 quoted a mail's header in the terminal ("Fra: Birgitte Holm Sendt: ..."), whose text ends up
    # in e-mails and tickets; the sheet Kørsel had it pseudonymised.
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "mail.txt").write_text(
        "Fra: Birgitte Holm Sendt: 9. marts 2026\n\nI: Hvordan går det?\nB: Det går godt med det hele.\n",
        encoding="utf-8")
    # and a skipped file named after a person named nowhere else: it was "[navn 1] Holm.pages" (Holm, a word)
    (corpus / "Gunnar Holm.pages").write_bytes(b"PK")
    shown = CliRunner().invoke(app, ["code", str(corpus), "-c", str(small_codebook_path), "--out",
                                     str(tmp_path / "ud"), "--no-qdpx"])
    assert shown.exit_code == 0, shown.output
    assert "[W017]" in shown.output and "[navn]" in shown.output
    assert "Birgitte" not in shown.output and "Holm" not in shown.output and "Gunnar" not in shown.output
    assert "sprunget over: [navn" in shown.output
    # the sheet Kørsel too: the header was never a segment, so the names found in segments missed it
    manifest = (tmp_path / "ud" / "csv" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "Birgitte" not in manifest and "Holm" not in manifest
    internal = CliRunner().invoke(app, ["code", str(corpus), "-c", str(small_codebook_path), "--out",
                                        str(tmp_path / "internt"), "--no-qdpx", "--no-pseudonymise"])
    assert "Fra: Birgitte Holm" in internal.output


def test_kodning_sheet_saved_as_csv_without_its_text_columns(tmp_path: Path) -> None:
    # The coder deleted Spørgsmål and Tekst before saving as CSV: it was E804 ("the header must name
    # doc_id ..."), which does not tell a coder that the sheet, not the file, is the thing to send.
    path = tmp_path / "coder_bo.csv"
    path.write_text("segment_id;Dokument;relevans;relevans: valens\nd#1;d;1;positiv\n", encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning), pytest.raises(HumanCodingError, match=r"\[E851\].*gemt som CSV"):
        kv.read_codings(path)
