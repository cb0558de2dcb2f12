"""Round 4 of lossless REFI-QDA exchange: a project two evaluators coded in NVivo, MAXQDA, ATLAS.ti or
QualCoder, read as human codings for agreement. Each tool counts positions its own way (NVivo in UTF-16
units, so an emoji is two; MAXQDA and NVivo count CRLF as two, ATLAS.ti as one; QualCoder writes LF);
the quotes must come out the same, and the coders must be compared on turns, as in a coding sheet."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest

import kvaleval as kv
from conftest import REFI_QDA
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import by_turn, read_qdpx, read_qdpx_selections

NS = "urn:QDA-XML:project:1.0"
PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"
ANNE, BO = "11111111-0000-0000-0000-0000000000a1", "11111111-0000-0000-0000-0000000000b1"
WAIT, TRUST = "aaaaaaaa-0000-0000-0000-0000000000a1", "aaaaaaaa-0000-0000-0000-0000000000a2"
FATIMA, OLE = "bbbbbbbb-0000-0000-0000-0000000000a1", "bbbbbbbb-0000-0000-0000-0000000000a2"
TEXTS = {
    FATIMA: "I: Hvordan var ventetiden?\nFatima: Den var alt for lang 😀😀, næsten et år.\nI: Og personalet?\n"
            "Fatima: Jeg stoler på dem – især Søren 👍🏽.\nI: Tak.\n",
    OLE: "I: Hvad synes du?\nOle: Ventetiden er lang, men personalet er trygt.\nI: Og ellers?\nOle: Ellers fint.\n",
}
TOOLS = {  # origin, UTF-16 units, CRLF counted as two, BOM, folder, CRLF in the text
    "nvivo": ("NVivo 14.23.2 (Windows)", True, True, True, "Sources", True),
    "maxqda": ("MAXQDA 2022 (Release 22.7.0)", False, True, False, "sources", True),
    "atlas": ("ATLAS.ti 9.1.7 (Windows)", False, False, False, "sources", True),
    "qualcoder": ("QualCoder 3.5", False, False, False, "sources", False),
}
SELECTIONS = [  # source, first words, last words, code, coder: the two coders draw their spans differently
    (FATIMA, "Den var", "et år.", WAIT, ANNE),
    (FATIMA, "Fatima: Den", "lang 😀😀", WAIT, BO),  # the speaker's label, half the answer
    (FATIMA, "Jeg stoler", "👍🏽.", TRUST, ANNE),
    (FATIMA, "Søren 👍🏽", "Søren 👍🏽", TRUST, BO),
    (OLE, "Ventetiden er lang", "lang", WAIT, ANNE),
]


def _project(tool: str, path: Path) -> Path:
    """Two coders' selections as ``tool`` writes them, and Bo's coding of the whole of Ole's interview."""
    origin, utf16, crlf_two, bom, folder, crlf = TOOLS[tool]

    def offset(text: str, position: int) -> int:
        before = text[:position].replace("\n", "\r\n") if crlf and crlf_two else text[:position]
        return len(before.encode("utf-16-le")) // 2 if utf16 else len(before)

    parts: dict[str, str] = dict.fromkeys(TEXTS, "")
    for n, (source, first, last, code, user) in enumerate(SELECTIONS, 1):
        text = TEXTS[source]
        start, end = text.index(first), text.index(last) + len(last)
        parts[source] += (
            f'<PlainTextSelection guid="cccccccc-0000-0000-0000-{n:012d}" name="" '
            f'startPosition="{offset(text, start)}" endPosition="{offset(text, end)}" creatingUser="{user}">'
            f'<Coding guid="dddddddd-0000-0000-0000-{n:012d}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>')
    parts[OLE] += (f'<Coding guid="dddddddd-0000-0000-0000-0000000000f0" creatingUser="{BO}">'
                   f'<CodeRef targetGUID="{WAIT}"/></Coding>')
    sources = "".join(f'<TextSource guid="{guid}" name="{name}.txt" plainTextPath="internal://{guid}.txt">'
                      f"{parts[guid]}</TextSource>" for guid, name in ((FATIMA, "Fatima"), (OLE, "Ole")))
    project = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="Runde 4" origin="{origin}">'
               f'<Users><User guid="{ANNE}" name="Anne"/><User guid="{BO}" name="Bo"/></Users>'
               f'<CodeBook><Codes><Code guid="{WAIT}" name="Ventetid" isCodable="true"/>'
               f'<Code guid="{TRUST}" name="Tillid" isCodable="true"/></Codes></CodeBook>'
               f"<Sources>{sources}</Sources></Project>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project.encode())
        for guid, text in TEXTS.items():
            data = (text.replace("\n", "\r\n") if crlf else text).encode()
            archive.writestr(f"{folder}/{guid}.txt", (b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize("tool", list(TOOLS))
def test_refi_human_codings_from_each_tool_quote_the_same_text(tool: str, tmp_path: Path) -> None:
    path = _project(tool, tmp_path / f"{tool}.qdpx")
    if PROJECT_XSD.is_file():
        import xmlschema

        with zipfile.ZipFile(path) as archive:
            assert xmlschema.XMLSchema(str(PROJECT_XSD)).is_valid(io.BytesIO(archive.read("project.qde")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        selections = read_qdpx_selections(path)
    assert sorted(zip(selections["coder"], selections["code"], selections["text"], strict=True))[:5] == [
        ("Anne", "Tillid", "Jeg stoler på dem – især Søren 👍🏽."),
        ("Anne", "Ventetid", "Den var alt for lang 😀😀, næsten et år."),
        ("Anne", "Ventetid", "Ventetiden er lang"), ("Bo", "Tillid", "Søren 👍🏽"),
        ("Bo", "Ventetid", "Fatima: Den var alt for lang 😀😀")]


@pytest.mark.parametrize("tool", list(TOOLS))
def test_refi_human_codings_are_compared_on_whole_turns(tool: str, tmp_path: Path) -> None:
    # the turns were split where each coder's selection began and ended, so Anne's whole answer and Bo's half
    # of it disagreed on the other half: κ 0.36 for Tillid and 0.42 for Ventetid, where both coded the same turns
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus, codings = read_qdpx(_project(tool, tmp_path / f"{tool}.qdpx"))
    segments, turns = by_turn(corpus, codings)
    assert sorted(zip(turns["segment_id"], turns["code"], turns["coder"], strict=True)) == [
        ("Fatima#1", "Ventetid", "Anne"), ("Fatima#1", "Ventetid", "Bo"), ("Fatima#3", "Tillid", "Anne"),
        ("Fatima#3", "Tillid", "Bo"), ("Ole#1", "Ventetid", "Anne"), ("Ole#1", "Ventetid", "Bo"),
        ("Ole#3", "Ventetid", "Bo")]  # Bo coded the whole interview: Ole's second answer too
    respondent = segments[segments["speaker_role"] == "respondent"]
    assert dict(zip(respondent["segment_id"], respondent["text"], strict=True)) == {
        "Fatima#1": "Den var alt for lang 😀😀, næsten et år.", "Fatima#3": "Jeg stoler på dem – især Søren 👍🏽.",
        "Ole#1": "Ventetiden er lang, men personalet er trygt.", "Ole#3": "Ellers fint."}
    table = kv.agreement(turns, ["Anne", "Bo"], segments=segments, n_boot=0).set_index("code")
    assert table.loc["Tillid", "percent_agreement"] == 1.0
    assert table.loc["Ventetid", "percent_agreement"] == 0.75  # Ole's second answer: Bo only


def test_refi_human_agreement_command_reads_a_project(tmp_path: Path) -> None:
    # 'kvaleval agreement fra-nvivo.qdpx' was E801: only sheets and CSVs were read
    import openpyxl
    from typer.testing import CliRunner

    from kvaleval.cli import agreement as _agreement  # noqa: F401  (registers the command)
    from kvaleval.cli._app import app

    project = _project("nvivo", tmp_path / "fra-nvivo.qdpx")
    out = tmp_path / "enighed.xlsx"
    with warnings.catch_warnings():  # W602: NVivo's UTF-16 positions, counted anew
        warnings.simplefilter("ignore", KvalevalWarning)
        result = CliRunner().invoke(app, ["agreement", str(project), "--out", str(out), "--n-boot", "0", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    found = {row[0]: row[1] for row in rows if row and row[0] in ("Tillid", "Ventetid")}
    assert found == {"Tillid": 1.0, "Ventetid": 0.75}
    sheet = tmp_path / "anne.csv"
    sheet.write_text("segment_id,code,coder\nFatima#1,Ventetid,Anne\n", "utf-8")
    mixed = CliRunner().invoke(app, ["agreement", str(project), str(sheet), "--out", str(out)])
    assert mixed.exit_code != 0 and "E613" in str(mixed.exception or mixed.output)
