"""A codebook code named like kvaleval's hidden settings code is refused, not silently lost."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from kvaleval.coded import Coded
from kvaleval.errors import ExchangeError, KvalevalWarning
from kvaleval.refi import write_qdc, write_qdpx

YAML = """name: Test
lexicons:
  indsats: [mentor, praktik]
codes:
  - name: kvaleval-ordlister
    definition: en kode der hedder det samme som indstillingskoden
    terms: [ventetid]
  - name: kapacitet
    terms: [kapacitet]
"""


@pytest.fixture
def codebook(tmp_path: Path) -> kv.Codebook:
    path = tmp_path / "kodebog.yaml"
    path.write_text(YAML, "utf-8")
    return kv.read_codebook(path)


def test_refi_reserved_code_name_is_refused_in_a_qdc(codebook: kv.Codebook, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match=r"E612.*'kvaleval-ordlister'.*Omdøb koden"):
        write_qdc(codebook, tmp_path / "k.qdc")
    assert not (tmp_path / "k.qdc").exists()


def test_refi_reserved_code_name_is_refused_in_a_project(codebook: kv.Codebook, tiny_corpus: Path,
                                                         tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        coded = kv.code(kv.read_corpus(tiny_corpus), codebook)
    with pytest.raises(ExchangeError, match="E612"):
        write_qdpx(coded, tmp_path / "p.qdpx")
    assert not (tmp_path / "p.qdpx").exists()


def test_refi_reserved_code_name_only_in_the_codings_is_refused(tiny_corpus: Path, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus = kv.read_corpus(tiny_corpus)
    segment = corpus.segments[corpus.segments["speaker_role"] == "respondent"].iloc[0]
    codings = pd.DataFrame([(segment["segment_id"], segment["doc_id"], "kvaleval-ordlister", "Ida", 1.0, "", "")],
                           columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"])
    coded = Coded(corpus=corpus, codebook=kv.Codebook(name="b", codes=(kv.Code("tema"),)), codings=codings)
    with pytest.raises(ExchangeError, match="E612"):
        write_qdpx(coded, tmp_path / "p.qdpx")
