"""What the commands share: the default codebook, files found beside it, the run summary."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kvaleval.errors import Texts
from kvaleval.words import Words

if TYPE_CHECKING:
    from kvaleval.analyse.calibrate import Calibration
    from kvaleval.coded import Coded

DEMO_CODEBOOK = Path("codebooks") / "vollsmose.yaml"


def default_codebook() -> Path:
    """The demo codebook: ``codebooks/vollsmose.yaml`` here, else the copy shipped in the package;
    said on standard error, also with ``--quiet`` (one's own corpus coded with the demo's themes
    gives a whole appendix of the wrong themes)."""
    path = DEMO_CODEBOOK if DEMO_CODEBOOK.is_file() else Path(str(resources.files("kvaleval").joinpath(
        "data", "vollsmose.yaml")))
    echo(Texts.cli_default_codebook.format(path=path))
    return path


def codebook_or_model_s(codebook: Path | None, model: Path | None) -> Path:
    """The codebook to code with: the one given, else the one a model file was trained with (E849
    if it is gone or changed), else the demo's. A model trained on one's own codebook applied with
    the demo's themes coded everything as the demo's, unsaid."""
    if codebook is not None:
        return codebook
    if model is not None:
        from kvaleval.coding.model import ModelCoder

        trained = ModelCoder.from_json(model).codebook
        if trained is not None and trained.path:
            echo(Texts.cli_model_codebook.format(path=trained.path))
            return Path(trained.path)
    return default_codebook()


def find_beside(codebook: Path, suffixes: Iterable[str]) -> Path | None:
    """``codebooks/vollsmose_konklusioner.yaml`` beside ``codebooks/vollsmose.yaml``, if it exists."""
    for suffix in suffixes:
        candidate = codebook.with_name(codebook.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def check_out(out: Path, inputs: Iterable[Path], suffixes: tuple[str, ...], kind: str) -> None:
    """Refuse, before anything is written, an --out that is an input or has the wrong suffix."""
    from kvaleval.errors import Errors, HumanCodingError, Texts

    # No expanduser: the files are opened as given (the shell expands ~/), and '~$anne.xlsx', Excel's
    # lock file that 'agreement *.xlsx' picks up, would be the home folder of a user '$anne.xlsx'.
    target = out.resolve()
    for given in inputs:
        source = given.resolve()
        if target == source or (source.is_dir() and source in target.parents and target.exists()):
            raise HumanCodingError(Errors.E843.format(out=out, input=given))
    if out.suffix.lower() not in suffixes:
        raise HumanCodingError(Errors.E844.format(out=out, kind=kind, suffixes=f" {Texts.or_} ".join(suffixes),
                                                  suffix=out.suffix or Texts.suffix_none))
    if out.suffix.lower() == ".xlsx":
        from kvaleval.report.appendix import refuse_open_in_excel

        refuse_open_in_excel(out)


def codings_exist(paths: Iterable[Path]) -> None:
    """Coding files (``--gold``, agreement's files) that are missing stop the command before the corpus
    is read: a typo in the gold file's name was found only after minutes of reading a large corpus."""
    from kvaleval.errors import Errors, HumanCodingError

    for path in paths:
        if not path.is_file():
            raise HumanCodingError(Errors.E800.format(path=path))


def echo(line: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(line, err=True)



def print_calibration(found: Calibration) -> None:
    """The threshold factor that fits the gold, with what it is worth on documents it was not chosen on."""
    if found.scale == 1.0:
        typer.echo(Texts.cli_calibrated_as_written.format(kappa=found.kappa))
        return
    if found.kappa_held_out != found.kappa_held_out:  # NaN: one document, no other half
        typer.echo(Texts.cli_calibrated_one_document.format(scale=found.scale, kappa_scaled=found.kappa_scaled,
                                                            kappa=found.kappa))
        return
    typer.echo(Texts.cli_calibrated.format(scale=found.scale, kappa_scaled=found.kappa_scaled, kappa=found.kappa,
                                           held_out=found.kappa_held_out, as_written=found.kappa_held_out_as_written))


@contextlib.contextmanager
def warnings_as_notes() -> Iterator[None]:
    """kvaleval's warnings inside the block, printed once each as ``Bemærk:`` lines at its end
    instead of as Python warnings with a source line; also with ``--quiet``, which silences the
    status lines, not what may be wrong with the result (a conclusion's unknown group, W021)."""
    from kvaleval.errors import KvalevalWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", KvalevalWarning)
        yield
    for message in dict.fromkeys(str(warning.message) for warning in caught
                                 if issubclass(warning.category, KvalevalWarning)):
        echo(Texts.cli_note.format(message=message))


def note_text(path: str, message: str) -> str:
    """A corpus note for a status line: its message, which names the file, or else the file and
    the message (``interviews/x: [W017] interviews/x: ...`` named it twice)."""
    return message if path in message else f"{path}: {message}"


SHOWN_NOTES = frozenset({"W004", "W008", "W015", "W016", "W017", "W019", "W020", "W022", "W023", "W024", "W025",
                         "W026", "W027", "W029", "W030", "W031", "W039", "W040", "W041", "W042", "W043", "W044", "W045",
                         "W046", "W047", "W048", "W050", "W101", "W102",
                         "W103", "W104", "W105"})
"""Notes about what was read and how, printed by ``code`` as well as written to the sheet Kørsel."""
MAX_SHOWN_NOTES = 10


def _manifest_rows(written: list[Path]) -> list[tuple[str, str]] | None:
    """The (field, value) rows of the manifest the run wrote (csv/manifest.csv), None without one.

    The closing lines show skipped files and notes as the sheet Kørsel has them: pseudonymised where
    the run pseudonymises (a note quoting a mail header, "Fra: Birgitte Holm ...", a survey question
    naming "Mettes lektiecafé", a file named after a person), for a terminal is pasted into mails and
    tickets."""
    import pandas as pd

    path = next((p for p in written if p.name == "manifest.csv" and p.parent.name == "csv"), None)
    if path is None:
        return None
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return list(zip(table.iloc[:, 0].tolist(), table.iloc[:, 1].tolist(), strict=True))


def summary_lines(coded: Coded, written: list[Path], out: Path, only_skipped: bool = False) -> list[str]:
    """The closing lines of ``code``: what was read and coded, what was written; with ``only_skipped``
    (``--quiet``) the files that were not read, for a survey skipped unsaid (``--id-column`` misspelt)
    is missing from every table."""
    from kvaleval.analyse.frequencies import with_groupings

    corpus = coded.corpus
    rows = _manifest_rows(written)
    if rows is None:
        skipped = list(corpus.skipped.itertuples(index=False))
        messages = corpus.notes["message"].tolist()
    else:
        skipped = [(field.removeprefix(Words.skipped), value) for field, value in rows
                   if field.startswith(Words.skipped)]
        messages = [value for field, value in rows if field.startswith(Words.note)]
    not_read = [Texts.cli_skipped.format(path=path, reason=reason) for path, reason in skipped]
    if only_skipped:
        return not_read
    respondents = corpus.segments[corpus.segments["speaker_role"] == "respondent"]
    lines = [
        Texts.cli_documents.format(read=len(corpus.documents), skipped=len(corpus.skipped)),
        *not_read,
        Texts.cli_segments.format(segments=len(corpus.segments), respondents=len(respondents)),
        Texts.cli_codings_per_theme,
    ]
    # a grouping code (codable: false) counts the segments of the codes under it, as in the tables
    counts = with_groupings(coded.codings, coded.codebook).groupby("code")["segment_id"].nunique()
    for code in coded.codebook.codes:
        n = int(counts.get(code.name, 0))
        lines.append((Texts.cli_theme_segment if n == 1 else Texts.cli_theme_segments).format(theme=code.display, n=n))
    if len(corpus.notes):
        lines.append(Texts.cli_notes.format(n=len(corpus.notes), sheet=Words.run))
        # What changed what was read (a sheet left out, a row taken for labels, ids repeated) is shown
        # here too; notes that quote the text or name speakers stay in the pseudonymised sheet.
        shown = [message for message in messages if message[1:5] in SHOWN_NOTES]
        lines += [f"  {message}" for message in shown[:MAX_SHOWN_NOTES]]
        if len(shown) > MAX_SHOWN_NOTES:
            lines.append(f"  … (+{len(shown) - MAX_SHOWN_NOTES})")
    lines.append(Texts.cli_written.format(path=out / "appendix.xlsx", n=len(written) - 1))
    report = out / "lokalt" / "pseudonymisering.csv"
    if report in written:
        lines.append(Texts.cli_privacy_report.format(path=report))
    project = out / "lokalt" / "projekt.qdpx"
    if project in written:
        lines.append(Texts.cli_project.format(path=project))
    return lines
