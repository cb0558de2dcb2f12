"""kv.calibrate: the threshold factor that fits a human coding, and what it is worth on other documents."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.analyse.calibrate import SCALES, Calibration, scaled
from kvaleval.cli import evaluate as _evaluate  # noqa: F401  (registers the command)
from kvaleval.cli._app import app

CODEBOOK = """\
name: stolthed
label: Stolthed
codes:
  - name: stolthed
    label: Stolthed
    terms:
      - {term: stolt, weight: 0.5}
      - {term: modig, weight: 0.5}
    threshold: 1.0
  - name: penge
    label: Penge
    terms: [løn]
    threshold: 1.0
"""

ANSWERS = [
    ("Hun er meget stolt af det.", {"stolthed"}),
    ("Han er blevet modig, synes jeg.", {"stolthed"}),
    ("Stolt og modig, begge dele.", {"stolthed"}),
    ("Lønnen er fin.", {"penge"}),
    ("Vi spiste frokost i kantinen.", set()),
    ("Det regnede hele ugen.", set()),
]


def write_material(folder: Path, *, gold_codes_single_words: bool) -> tuple[Path, Path, Path]:
    """Six interviews of the answers above, a codebook whose weak terms take two, and a gold coding
    that codes a single weak word (as evaluators do) or only the turns with both."""
    corpus = folder / "corpus"
    corpus.mkdir()
    for number in range(6):
        lines = []
        for index, (answer, _) in enumerate(ANSWERS):
            lines += [f"I: Spørgsmål {index + 1}, hvordan gik det?", f"B: {answer}"]
        (corpus / f"interview{number}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "kodebog.yaml").write_text(CODEBOOK, encoding="utf-8")
    gold = folder / "guld.csv"
    with gold.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "turn_index", "code", "valence", "coder"])
        for number in range(6):
            for index, (answer, codes) in enumerate(ANSWERS):
                for code in sorted(codes):
                    if code == "stolthed" and not gold_codes_single_words and " og " not in answer:
                        continue
                    writer.writerow([f"interview{number}", 2 * index + 1, code, "", "hånd"])
    return corpus, folder / "kodebog.yaml", gold


def calibrated(folder: Path, *, gold_codes_single_words: bool) -> Calibration:
    corpus_path, codebook_path, gold_path = write_material(folder, gold_codes_single_words=gold_codes_single_words)
    corpus = kv.read_corpus(corpus_path)
    return kv.calibrate(corpus, kv.read_codebook(codebook_path), kv.read_codings(gold_path, segments=corpus.segments))


def test_calibrate_lowers_the_thresholds_when_the_coder_codes_a_single_weak_word(tmp_path: Path) -> None:
    found = calibrated(tmp_path, gold_codes_single_words=True)
    assert found.scale <= 0.5  # one word of weight 0.5 must reach the threshold
    assert found.kappa < 1.0 and found.kappa_scaled == pytest.approx(1.0)
    assert found.kappa_held_out == pytest.approx(1.0) and found.kappa_held_out_as_written < 1.0
    assert [code.threshold for code in found.codebook.codes] == [found.scale, found.scale]
    corpus = kv.read_corpus(tmp_path / "corpus")
    coded = kv.code(corpus, found.codebook).codings
    first = coded[(coded["code"] == "stolthed") & (coded["doc_id"] == "interview0")]
    assert set(first["segment_id"]) == {"interview0#1", "interview0#3", "interview0#5"}


def test_calibrate_keeps_the_codebook_as_written_when_it_fits(tmp_path: Path) -> None:
    found = calibrated(tmp_path, gold_codes_single_words=False)
    assert found.scale == 1.0 and found.codebook.codes[0].threshold == 1.0
    assert found.kappa == pytest.approx(1.0) and found.kappa_held_out == pytest.approx(1.0)


def test_scaled_scales_every_threshold_and_nothing_else() -> None:
    codebook = kv.read_codebook(Path(__file__).resolve().parents[1] / "codebooks" / "vollsmose.yaml")
    half = scaled(codebook, 0.5)
    assert [c.threshold for c in half.codes] == [round(c.threshold * 0.5, 6) for c in codebook.codes]
    assert [c.terms for c in half.codes] == [c.terms for c in codebook.codes]
    assert SCALES[0] == 1.0 and list(SCALES) == sorted(SCALES, reverse=True)


def test_cli_evaluate_calibrate_says_the_factor(tmp_path: Path) -> None:
    corpus, codebook, gold = write_material(tmp_path, gold_codes_single_words=True)
    result = CliRunner().invoke(app, ["evaluate", str(corpus), "--gold", str(gold), "-c", str(codebook),
                                      "--out", str(tmp_path / "e.xlsx"), "--calibrate", "-q"])
    assert result.exit_code == 0, result.output
    assert "Med alle tærskler × 0.5 er κ 1.00" in result.output
    without = CliRunner().invoke(app, ["evaluate", str(corpus), "--gold", str(gold), "-c", str(codebook),
                                       "--out", str(tmp_path / "f.xlsx"), "-q"])
    assert "Tærsklerne" not in without.output


def test_cli_code_calibrate_from_codes_with_the_scaled_thresholds(tmp_path: Path) -> None:
    from kvaleval.cli import code as _code  # noqa: F401  (registers the command)

    corpus, codebook, gold = write_material(tmp_path, gold_codes_single_words=True)
    runs = {}
    for name, extra in (("written", []), ("calibrated", ["--calibrate-from", str(gold)])):
        result = CliRunner().invoke(app, ["code", str(corpus), "-c", str(codebook), "--out", str(tmp_path / name),
                                          "--no-qdpx", *extra])
        assert result.exit_code == 0, result.output
        runs[name] = pd.read_csv(tmp_path / name / "csv" / "kodninger.csv")
    assert "Koder med alle tærskler × 0.5 (--calibrate-from)." in result.output
    pride = {name: (codings["code"] == "stolthed").sum() for name, codings in runs.items()}
    assert pride == {"written": 6, "calibrated": 18}  # "Stolt og modig" in six interviews; then every weak word


def test_calibrate_on_one_coded_document_says_so_instead_of_a_held_out_kappa(tmp_path: Path) -> None:
    corpus_path, codebook_path, gold_path = write_material(tmp_path, gold_codes_single_words=True)
    rows = [line for line in gold_path.read_text(encoding="utf-8").splitlines()
            if line.startswith(("doc_id", "interview0,"))]
    one = tmp_path / "en.csv"
    one.write_text("\n".join(rows) + "\n", encoding="utf-8")
    corpus = kv.read_corpus(corpus_path)
    found = kv.calibrate(corpus, kv.read_codebook(codebook_path), kv.read_codings(one, segments=corpus.segments))
    assert found.scale <= 0.5 and found.kappa_held_out != found.kappa_held_out  # NaN: no other half
    result = CliRunner().invoke(app, ["evaluate", str(corpus_path), "--gold", str(one), "-c", str(codebook_path),
                                      "--out", str(tmp_path / "e.xlsx"), "--calibrate", "--shared-documents", "-q"])
    assert result.exit_code == 0, result.output
    assert "målt i det ene dokument, faktoren er valgt på" in result.output and "nan" not in result.output
