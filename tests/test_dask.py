"""Dask: the same codings and frequencies as the single-process path, on a 2-worker LocalCluster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kvaleval as kv

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = ROOT / "corpus"
DEMO_CODEBOOK = ROOT / "codebooks" / "vollsmose.yaml"

# A port in use (another cluster, a dashboard) only moves the scheduler's HTTP server elsewhere.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning",
                                        "ignore:Port 8787 is already in use:UserWarning")


@pytest.fixture(scope="module")
def single() -> kv.Coded:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notes about the demo corpus are not the point here
        corpus = kv.read_corpus(DEMO_CORPUS)
    return kv.code(corpus, kv.read_codebook(DEMO_CODEBOOK))


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def coded_frame(single: kv.Coded, client):  # type: ignore[no-untyped-def]
    """The demo segments and their codings, coded once on the cluster and kept there."""
    from kvaleval.dask import code_frame

    segments = dd.from_pandas(single.segments, npartitions=5, sort=False).persist()
    codings = code_frame(segments, single.codebook, id="segment_id", question="question").persist()
    return segments, codings


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index(drop=True).astype({c: object for c in frame.columns if c != "score"})


def test_dask_code_frame_equals_single_process(single: kv.Coded, client, coded_frame) -> None:  # type: ignore[no-untyped-def]
    codings = coded_frame[1].compute()
    assert list(codings.columns) == list(single.codings.columns)
    assert len(single.codings) > 100
    pd.testing.assert_frame_equal(_plain(codings), _plain(single.codings))
    # Each worker compiled the codebook once, for all its partitions.
    compiled = client.run(lambda: len(__import__("kvaleval.dask", fromlist=["_CODERS"])._CODERS))
    assert sorted(compiled.values()) == [1, 1]


def test_code_frame_of_a_pandas_frame_in_memory_is_the_same_at_once(single: kv.Coded) -> None:
    # A DataFrame already in memory had no way in: kv.code refused it, code_frame raised AttributeError.
    from kvaleval.dask import code_frame

    codings = code_frame(single.segments, single.codebook, id="segment_id", question="question")
    assert isinstance(codings, pd.DataFrame)
    pd.testing.assert_frame_equal(_plain(codings), _plain(single.codings))


@pytest.mark.parametrize(
    ("by", "valence"), [("respondent_group", False), ("respondent_group", True), (None, False)]
)
def test_dask_frequencies_equal_single_process(single: kv.Coded, coded_frame, by, valence) -> None:  # type: ignore[no-untyped-def]
    from kvaleval.dask import frequencies

    segments, codings = coded_frame
    table = frequencies(codings, segments, single.codebook, by=by, valence=valence)
    pd.testing.assert_frame_equal(table, single.frequencies(by=by, valence=valence))


def test_dask_frequencies_with_a_turn_of_everyone_equal_single_process(single: kv.Coded, coded_frame) -> None:  # type: ignore[no-untyped-def]
    # "Alle:" is no respondent (NA case): Dask's nunique must leave it out as pandas' does.
    from kvaleval.analyse.frequencies import frequencies as single_frequencies
    from kvaleval.dask import frequencies

    segments = single.segments.copy()
    first = segments[segments["segment_id"].isin(single.codings["segment_id"])].iloc[0]
    person = (segments["doc_id"] == first["doc_id"]) & (segments["speaker"] == first["speaker"])
    segments.loc[person, "speaker"] = "Alle"
    expected = single_frequencies(segments, single.codings, single.codebook)
    assert expected["respondents_total"].sum() < single.frequencies()["respondents_total"].sum()
    table = frequencies(coded_frame[1], dd.from_pandas(segments, npartitions=5, sort=False), single.codebook)
    pd.testing.assert_frame_equal(table, expected)


def test_dask_frequencies_with_a_coding_without_valence_equal_single_process(single: kv.Coded,
                                                                              coded_frame) -> None:  # type: ignore[no-untyped-def]
    # The empty-valence rows are there only when some coding has no valence: both paths decide alike.
    from kvaleval.analyse.frequencies import frequencies as single_frequencies
    from kvaleval.dask import frequencies

    segments, _ = coded_frame
    blank = single.codings.copy()
    respondent = set(single.segments.loc[single.segments["speaker_role"] == "respondent", "segment_id"])
    blank.loc[blank.index[blank["segment_id"].isin(respondent)][0], "valence"] = ""
    expected = single_frequencies(single.segments, blank, single.codebook, valence=True)
    assert (expected["valence"] == "").any()
    table = frequencies(dd.from_pandas(blank, npartitions=3), segments, single.codebook, valence=True)
    pd.testing.assert_frame_equal(table, expected)
    assert not (single.frequencies(valence=True)["valence"] == "").any()


def test_dask_frequencies_of_a_grouping_code_equal_single_process(single: kv.Coded, coded_frame) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from kvaleval.analyse.frequencies import frequencies as single_frequencies
    from kvaleval.dask import frequencies
    from kvaleval.records import Code

    codes = (Code("temaer", codable=False),
             *(dataclasses.replace(code, parent="temaer") for code in single.codebook.codes))
    book = dataclasses.replace(single.codebook, codes=codes)
    segments, codings = coded_frame
    expected = single_frequencies(single.segments, single.codings, book, valence=True)
    assert expected.loc[expected["code"] == "temaer", "segments"].sum() > 0
    pd.testing.assert_frame_equal(frequencies(codings, segments, book, valence=True), expected)


def test_dask_code_frame_survey_answers_with_own_columns(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    from kvaleval.dask import code_frame

    answers = pd.DataFrame({
        "løbenr": [101, 102, 103, 104],
        "svar": [
            "Vi mangler simpelthen folk, ventelisten er alt for lang.",
            "Familievejledningen har hjulpet os rigtig meget.",
            "Ingen kommentarer.",
            None,
        ],
    })
    codings = code_frame(dd.from_pandas(answers, npartitions=2), single.codebook, text="svar", id="løbenr")
    found = codings.compute()
    assert set(found["segment_id"]) <= {"101", "102"}
    assert {"kapacitet", "relevans"} <= set(found["code"])
    assert (found["doc_id"] == found["segment_id"]).all()


ANSWERS = ["Vi mangler simpelthen folk, ventelisten er alt for lang.",
           "Familievejledningen har hjulpet os rigtig meget.", None, "Sekretariatet kender jeg ikke."]


def test_dask_code_frame_categorical_text_with_missing_answers(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    # fillna("") on a categorical column had raised "Cannot setitem on a Categorical with a new category".
    from kvaleval.dask import code_frame

    plain = pd.DataFrame({"id": ["1", "2", "3", "4"], "svar": ANSWERS})
    as_category = plain.assign(svar=plain["svar"].astype("category"))
    found = [code_frame(dd.from_pandas(frame, npartitions=2), single.codebook, text="svar").compute()
             for frame in (plain, as_category)]
    assert len(found[0]) >= 2
    pd.testing.assert_frame_equal(found[1], found[0])


def test_dask_ids_that_are_not_unique_are_refused(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    # Two survey waves both numbered from 1: in one partition a crash from deep inside pandas, in two
    # partitions frequencies that merged the waves' answers without a word.
    from kvaleval.dask import code_frame, frequencies

    waves = pd.DataFrame({"løbenr": ["1", "2", "1", "2"], "svar": ANSWERS, "bølge": ["2024", "2024", "2025", "2025"]})
    with pytest.raises(kv.CodingError, match=r"\[E313\] code_frame: id-kolonnen 'løbenr'.*'1'"):
        code_frame(dd.from_pandas(waves, npartitions=1), single.codebook, text="svar", id="løbenr").compute()
    split = dd.from_pandas(waves, npartitions=2)
    codings = code_frame(split, single.codebook, text="svar", id="løbenr")  # each partition alone is fine
    segments = split.rename(columns={"løbenr": "segment_id", "svar": "text"}).assign(
        doc_id="survey", speaker=split["løbenr"], speaker_role="respondent")
    with pytest.raises(kv.CodingError, match=r"\[E313\] frequencies: .*'1'"):
        frequencies(codings, segments, single.codebook, by="bølge")


def test_dask_code_frame_missing_column_is_clear(single: kv.Coded) -> None:
    from kvaleval.dask import code_frame

    frame = dd.from_pandas(pd.DataFrame({"id": ["a"], "tekst": ["hej"]}), npartitions=1)
    with pytest.raises(kv.CodingError, match="text"):
        code_frame(frame, single.codebook)


def test_dask_rule_coder_cached_per_codebook(single: kv.Coded) -> None:
    from kvaleval.dask import rule_coder

    first = rule_coder(single.codebook)
    assert rule_coder(single.codebook) is first
    assert rule_coder(single.codebook, short_answer_words=3) is not first


def _respondent_answers(single: kv.Coded) -> pd.DataFrame:
    segments = single.segments
    return segments.loc[segments["speaker_role"] == "respondent", ["segment_id", "text", "question"]]


def test_dask_code_frame_bag_of_texts_ids_are_part_and_position(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from kvaleval.dask import code_frame

    texts = _respondent_answers(single)["text"].tolist()
    bag = db.from_sequence(texts, npartitions=4)
    codings = code_frame(bag, single.codebook).compute()
    # The ids point back at the texts: part and position in the order of bag.compute().
    by_id = {f"{part}:{position}": text
             for part, items in enumerate(p.compute() for p in bag.to_delayed())
             for position, text in enumerate(items)}
    assert len(by_id) == len(texts)
    assert set(codings["segment_id"]) <= by_id.keys()
    frame = pd.DataFrame({"id": list(by_id), "text": list(by_id.values())})
    expected = code_frame(dd.from_pandas(frame, npartitions=3, sort=False), single.codebook).compute()
    assert len(expected) > 100
    pd.testing.assert_frame_equal(_plain(codings), _plain(expected))


def test_dask_code_frame_bag_of_mappings_with_questions(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from kvaleval.coding import threaded_questions
    from kvaleval.coding.rules import RuleCoder
    from kvaleval.dask import code_frame

    answers = _respondent_answers(single).rename(columns={"segment_id": "løbenr", "text": "svar", "question": "spm"})
    # Without the interviewer's turns a follow-up ("Og så?") cannot be read with the question before it:
    # the answers carry their questions as kv.code read them.
    segments = single.segments
    asked = [q if isinstance(q, str) else None for q in segments["question"]]
    read = threaded_questions(segments, np.arange(len(segments)), asked, RuleCoder(single.codebook))
    answers["spm"] = [q for q, role in zip(read, segments["speaker_role"], strict=True) if role == "respondent"]
    assert (answers["spm"] != _respondent_answers(single)["question"]).any()  # (the demo has such follow-ups)
    bag = db.from_sequence(answers.to_dict("records"), npartitions=3)
    codings = code_frame(bag, single.codebook, text="svar", id="løbenr", question="spm").compute()
    rules = single.codings[single.codings["coder"] == "rules"]
    assert (codings["doc_id"] == codings["segment_id"]).all()  # no doc= key: the id stands for the document
    pd.testing.assert_frame_equal(_plain(codings.drop(columns="doc_id")), _plain(rules.drop(columns="doc_id")))


@pytest.mark.parametrize(("items", "options", "error"), [
    (["Familievejledningen er god", 17], {}, r"\[E314\] code_frame: element 1 i del 0 .* er int"),
    ([{"nr": 1, "tekst": "Familievejledningen er god"}], {"id": "nr"},
     r"\[E315\] code_frame: element 0 i del 0 .* mangler nøglen 'text' \(har: nr, tekst\)"),
])
def test_dask_code_frame_bag_with_a_bad_item_is_clear(single: kv.Coded, client, items, options, error) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from kvaleval.dask import code_frame

    with pytest.raises(kv.CodingError, match=error):
        code_frame(db.from_sequence(items, npartitions=1), single.codebook, **options).compute()


def test_dask_frequencies_of_answered_rows_equal_the_survey_read_by_read_corpus(
        single: kv.Coded, client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # docs/scaling.md's example: one row per answer, blank and "no answer" cells among them. A respondent
    # who answered nothing is no respondent for read_corpus; kept in the segments, N was one too high.
    from kvaleval.dask import answered, code_frame, frequencies

    long = pd.DataFrame({
        "svar_id": ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"], "løbenr": [1, 1, 2, 2, 3, 3],
        "afdeling": ["A", "A", "A", "A", "B", "B"],
        "spørgsmål": ["Hvad var godt?", "Hvad kan gøres bedre?"] * 3,
        "svar": ["Familievejledningen hjalp os meget.", "Ventelisten er alt for lang.", None, "-",
                 "Ikke besvaret", "Sekretariatet kender jeg ikke."],
    })
    wide = long.pivot(index=["løbenr", "afdeling"], columns="spørgsmål", values="svar").reset_index()
    folder = tmp_path / "survey"
    folder.mkdir()
    wide.to_csv(folder / "undersoegelse.csv", sep=";", index=False)
    expected = kv.code(kv.read_corpus(folder), single.codebook).frequencies(by="afdeling")

    svar = dd.from_pandas(long, npartitions=2)
    svar = svar[answered(svar["svar"])]
    segments = svar.assign(segment_id=svar["svar_id"], doc_id="undersoegelse", speaker=svar["løbenr"].astype(str),
                           speaker_role="respondent")
    codings = code_frame(svar, single.codebook, text="svar", id="svar_id", question="spørgsmål")
    table = frequencies(codings, segments, single.codebook, by="afdeling")
    assert set(expected.loc[expected["afdeling"] == "A", "respondents_total"]) == {1}  # 2 answered nothing
    pd.testing.assert_frame_equal(table[["afdeling", "code", "respondents", "respondents_total"]],
                                  expected[["afdeling", "code", "respondents", "respondents_total"]],
                                  check_dtype=False)


def test_frequencies_of_codings_of_another_segment_table_are_refused(single: kv.Coded, client) -> None:  # type: ignore[no-untyped-def]
    # Ids built another way ("s" + id) dropped every coding: a table of 0/N, silently, on both paths.
    from kvaleval.analyse.frequencies import frequencies as single_frequencies
    from kvaleval.dask import frequencies

    codings = single.codings.assign(segment_id="s" + single.codings["segment_id"])
    with pytest.raises(kv.CodingError, match=r"^\[E316\] frequencies: ingen af de \d+ kodninger"):
        single_frequencies(single.segments, codings, single.codebook, by="respondent_group")
    with pytest.raises(kv.CodingError, match=r"^\[E316\]"):
        frequencies(dd.from_pandas(codings, npartitions=3), dd.from_pandas(single.segments, npartitions=2),
                    single.codebook, by="respondent_group")
    interviewer = single.segments.loc[single.segments["speaker_role"] == "interviewer", "segment_id"].iloc[0]
    only_interviewer = single.codings.head(1).assign(segment_id=interviewer)  # matches, counts nothing: fine
    table = single_frequencies(single.segments, only_interviewer, single.codebook, by=None)
    assert (table["respondents"] == 0).all()
