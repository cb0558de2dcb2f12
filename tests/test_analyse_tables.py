"""Frequencies, quotes, evidence, co-occurrence, framework matrix, targets: counts recomputed independently."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from kvaleval.analyse.cooccurrence import cooccurrence
from kvaleval.analyse.evidence import evidence_quotes
from kvaleval.analyse.framework import framework_matrix
from kvaleval.analyse.quotes import MAX_WORDS, participant_numbers, trim
from kvaleval.analyse.targets import read_targets, target_attainment
from kvaleval.records import Conclusion

CODEBOOK = Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml"


@pytest.fixture
def coded(tiny_corpus: Path, small_codebook: kv.Codebook) -> kv.Coded:
    return kv.code(kv.read_corpus(tiny_corpus), small_codebook)


def recount(coded: kv.Coded, code: str, group: str | None) -> tuple[int, int, int]:
    """Segments, respondents and N computed the plain way, for comparison."""
    segments = coded.segments[coded.segments["speaker_role"] == "respondent"]
    if group is not None:
        segments = segments[segments["respondent_group"] == group]
    people = {(d, s) for d, s in zip(segments["doc_id"], segments["speaker"], strict=True)}
    ids = set(coded.codings.loc[coded.codings["code"] == code, "segment_id"])
    mine = segments[segments["segment_id"].isin(ids)]
    return len(mine), len({(d, s) for d, s in zip(mine["doc_id"], mine["speaker"], strict=True)}), len(people)


def test_frequencies_equal_independent_count(coded: kv.Coded) -> None:
    table = coded.frequencies(by="respondent_group")
    assert list(table.columns) == ["respondent_group", "code", "label", "segments", "respondents",
                                   "respondents_total", "share", "percent"]
    for row in table.itertuples():
        group = None if row.respondent_group == "(alle)" else row.respondent_group
        segments, respondents, total = recount(coded, row.code, group)
        assert (row.segments, row.respondents, row.respondents_total) == (segments, respondents, total)
        assert row.share == f"{respondents}/{total}"
        assert row.percent == pytest.approx(round(100 * respondents / total, 1))


def test_frequencies_a_turn_of_everyone_is_no_respondent(tmp_path: Path) -> None:
    # "Alle:" and "Flere:" in a focus group were one more respondent each: 2 participants were N = 4;
    # "Flere deltagere:" was no tag at all, and its answer was read as the interviewer's words.
    (tmp_path / "fokus.txt").write_text(
        "I: Hvad synes I om familievejledningen?\n"
        "Fatima: Den har hjulpet os meget, den er virkelig brugbar.\n"
        "Ali: Ja, jeg synes også den er god og relevant.\n"
        "Alle: Ja, den er rigtig god og brugbar!\n"
        "I: Kender I sekretariatet?\n"
        "Flere deltagere: Nej, det har vi aldrig hørt om.\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path), kv.read_codebook(CODEBOOK))
    table = coded.frequencies(by=None).set_index("code")
    assert set(table["respondents_total"]) == {2}
    assert table.loc["relevans", "respondents"] == 2
    everyone = coded.segments.loc[coded.segments["speaker"].isin(["Alle", "Flere deltagere"]), "segment_id"]
    assert set(everyone) <= set(coded.codings["segment_id"])  # still coded and counted as segments
    assert table.loc["relevans", "segments"] == 3
    assert (table.loc["kendskab", "segments"], table.loc["kendskab", "respondents"]) == (1, 0)
    pairs = cooccurrence(coded.segments, coded.codings, coded.codebook)
    assert set(pairs["respondents_total"]) == {2}
    assert participant_numbers(coded.segments) == {("fokus", "Fatima"): 1, ("fokus", "Ali"): 2}


def test_frequencies_survey_respondents_are_rows(coded: kv.Coded) -> None:
    table = coded.frequencies(by=None)
    # 3 interview respondents + 2 survey rows with answers (row 2 left the answer empty)
    assert set(table["respondents_total"]) == {3 + 2}


def test_frequencies_count_segment_once_across_coders(coded: kv.Coded) -> None:
    doubled = pd.concat([coded.codings, coded.codings.assign(coder="anne")], ignore_index=True)
    twice = kv.Coded(coded.corpus, coded.codebook, doubled)
    assert twice.frequencies().equals(coded.frequencies())


def test_frequencies_by_valence_and_unknown_column(coded: kv.Coded) -> None:
    table = coded.frequencies(by="role", valence=True)
    assert "valence" in table.columns
    capacity = table[(table["code"] == "kapacitet") & (table["role"] == "(alle)")]
    assert capacity.loc[capacity["valence"] == "negativ", "segments"].item() == recount(coded, "kapacitet", None)[0]
    with pytest.raises(kv.CodingError, match="E304"):
        coded.frequencies(by="findes_ikke")


def test_frequencies_by_valence_have_empty_valence_rows_only_when_a_coding_has_none(coded: kv.Coded) -> None:
    # Every group x code had a row of zeros for the valence "" although every coding had a valence.
    codings = coded.codings.assign(valence="positiv")
    codings.loc[codings.index[::2], "valence"] = "negativ"
    table = kv.Coded(coded.corpus, coded.codebook, codings).frequencies(by="respondent_group", valence=True)
    groups = table["respondent_group"].nunique()
    assert set(table["valence"]) == {"positiv", "negativ", "blandet"}
    assert len(table) == groups * len(coded.codebook.names) * 3
    respondent = set(coded.segments.loc[coded.segments["speaker_role"] == "respondent", "segment_id"])
    first = codings.index[codings["segment_id"].isin(respondent)][0]
    codings.loc[first, "valence"] = ""
    table = kv.Coded(coded.corpus, coded.codebook, codings).frequencies(by="respondent_group", valence=True)
    assert len(table) == groups * len(coded.codebook.names) * 4
    blank = table[(table["valence"] == "") & (table["respondent_group"] == "(alle)")]
    assert blank.set_index("code")["segments"].to_dict() == {
        code: int(code == codings.loc[first, "code"]) for code in coded.codebook.names}


def test_quotes_verbatim_never_interviewer(coded: kv.Coded) -> None:
    texts = coded.corpus.texts
    for code in coded.codebook.names:
        quotes = coded.quotes(code, n=5, pseudonymise=False)
        roles = coded.segments.set_index("segment_id")["speaker_role"]
        for row in quotes.itertuples():
            assert roles[row.segment_id] == "respondent"
            core = row.quote.replace("[...] ", "").replace(" [...]", "")
            assert texts[row.doc_id][row.start : row.end] == core


def test_quotes_one_per_respondent_first(coded: kv.Coded) -> None:
    quotes = coded.quotes("relevans", n=10)
    people = list(zip(quotes["doc_id"], quotes["speaker"], strict=True))
    first_round = people[: len(set(people))]
    assert len(set(first_round)) == len(first_round)


def test_quotes_without_question_have_an_empty_question(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # An untagged text (an e-mail answer) has no question: it was written "nan" in every sheet.
    (tmp_path / "mail.txt").write_text("Der er alt for lang ventetid, og vi mangler folk i familievejledningen.\n",
                                       encoding="utf-8")
    (tmp_path / "b.txt").write_text("I: Hvordan er ventetiden?\nB: Der er venteliste, vi mangler folk.\n",
                                    encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path), small_codebook)
    quotes = coded.quotes("kapacitet", n=5)
    assert dict(zip(quotes["doc_id"], quotes["question"], strict=True)) == {
        "mail": "", "b": "Hvordan er ventetiden?"}


def test_quotes_and_evidence_quote_respondents_without_a_group(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # Respondents without a group were counted under (ukendt) but never quoted: "3/6" with no quote,
    # and coded.quotes() passed them over (their missing group was dropped as a groupby key).
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "a.txt").write_text("I: Hvordan var det?\nB: Rådgivningen har hjulpet os meget.\n", encoding="utf-8")
    (folder / "b.txt").write_text("I: Og for dig?\nB: Den har hjulpet mig med brevene.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\na.txt,borger\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    assert set(coded.quotes("relevans")["segment_id"]) == {"a#1", "b#1"}
    table = coded.evidence([Conclusion("rel", "Rådgivningen hjælper", ("relevans",))]).set_index("group")
    assert table.loc["(ukendt)", "share"] == "1/1"
    assert "»Den har hjulpet mig med brevene.«" in table.loc["(ukendt)", "quotes"]


def test_quotes_unknown_code(coded: kv.Coded) -> None:
    with pytest.raises(kv.CodingError, match="E302"):
        coded.quotes("ukendt")


def test_trim_long_turn_to_best_sentences() -> None:
    filler = "Vi snakkede om vejret og om bussen og om alt muligt andet den dag. " * 8
    text = filler + "Ventelisten er alt for lang, og vi mangler folk til det hele. " + filler
    trimmed = trim(text, lambda sentences: pd.Series(
        [2.0 if "Venteliste" in s else 0.0 for s in sentences]).to_numpy())
    assert trimmed.words <= MAX_WORDS + 2
    assert trimmed.text.startswith("[...] ") and trimmed.text.endswith(" [...]")
    assert "Ventelisten er alt for lang" in trimmed.text
    assert text[trimmed.start : trimmed.end] == trimmed.text[6:-6]


def test_evidence_support_counts_and_flags(coded: kv.Coded) -> None:
    conclusions = [
        Conclusion("mangler", "Der mangler kapacitet", ("kapacitet",), valence="negativ", min_respondents=2),
        Conclusion("kendt", "Sekretariatet er ukendt", ("kendskab",), valence="negativ", min_respondents=5),
    ]
    table = coded.evidence(conclusions)
    assert list(table.columns) == ["conclusion_id", "statement", "group", "respondents", "respondents_total",
                                   "share", "segments", "quotes", "counter_quotes", "supported"]
    overall = table[table["group"] == "(alle)"].set_index("conclusion_id")
    negative = coded.codings[(coded.codings["code"] == "kapacitet")
                             & coded.codings["valence"].isin(["negativ", "blandet"])]
    people = coded.segments.set_index("segment_id").loc[negative["segment_id"], ["doc_id", "speaker"]]
    assert overall.loc["mangler", "respondents"] == len(people.drop_duplicates())
    assert bool(overall.loc["mangler", "supported"]) is (len(people.drop_duplicates()) >= 2)
    assert not overall.loc["kendt", "supported"]
    for line in overall.loc["mangler", "quotes"].splitlines():
        assert re.match(r"^».+« \(.+\)$", line)


def test_evidence_unknown_group_warns(coded: kv.Coded) -> None:
    typo = [Conclusion("mangler", "Der mangler kapacitet", ("kapacitet",), groups=("Borgere",))]
    with pytest.warns(kv.KvalevalWarning, match=r"W021.*\['Borgere'\].*'borger', 'samarbejdspartner'.*"
                      r"Mente du 'borger' for 'Borgere'\?"):
        table = coded.evidence(typo)
    assert table.loc[table["group"] == "Borgere", "share"].tolist() == ["0/0"]
    assert len(coded.evidence([Conclusion("m", "x", ("kapacitet",), groups=("borger",))])) == 2


def test_evidence_unknown_group_unlike_any_suggests_nothing(coded: kv.Coded) -> None:
    # A near match is offered only for a group that looks like one in the corpus (a plural, a typo)
    with pytest.warns(kv.KvalevalWarning, match="W021") as caught:
        coded.evidence([Conclusion("x", "y", ("kapacitet",), groups=("ledere", "samarbejdspartnere"))])
    [message] = [str(w.message) for w in caught if "W021" in str(w.message)]
    assert "'ledere'" in message and "Mente du 'samarbejdspartner' for 'samarbejdspartnere'?" in message
    assert "for 'ledere'" not in message


def test_evidence_group_named_with_a_capital(coded: kv.Coded) -> None:
    # The appendix writes the group "Borger"; a conclusion naming it so showed 0/0 ("nej").
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", kv.KvalevalWarning)
        capital = coded.evidence([Conclusion("m", "x", ("kapacitet",), groups=("Borger",))])
    lower = coded.evidence([Conclusion("m", "x", ("kapacitet",), groups=("borger",))])
    pd.testing.assert_frame_equal(capital, lower)
    assert capital.loc[capital["group"] == "borger", "respondents"].iloc[0] > 0


def test_evidence_where_limits_to_an_attribute(tmp_path: Path, coded: kv.Coded) -> None:
    # "Skolerne oplever ventetid": a conclusion about one role inside a group counts that
    # role's respondents only, in n/N and in its quotes.
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: skoler\n  statement: Skolerne oplever ventetid.\n  themes: [kapacitet]\n"
                    "  where: {role: Skole}\n", encoding="utf-8")
    [limited] = kv.read_conclusions(path, codebook=coded.codebook)
    assert limited.where == (("role", ("Skole",)),)
    segments = coded.segments
    school = segments[(segments["role"] == "skole") & (segments["speaker_role"] == "respondent")]
    table = coded.evidence([limited]).set_index("group")
    assert table.loc["(alle)", "respondents_total"] == school[["doc_id", "speaker"]].drop_duplicates().shape[0]
    backing = coded.codings[(coded.codings["code"] == "kapacitet")
                            & coded.codings["segment_id"].isin(school["segment_id"])]
    assert table.loc["(alle)", "segments"] == backing["segment_id"].nunique() > 0
    everyone = coded.evidence([Conclusion("alle", "x", ("kapacitet",))]).set_index("group")
    assert everyone.loc["(alle)", "respondents_total"] > table.loc["(alle)", "respondents_total"]
    assert everyone.loc["(alle)", "segments"] > table.loc["(alle)", "segments"]
    quoted = evidence_quotes(segments, coded.codings, coded.codebook, [limited])
    assert len(quoted) and set(quoted["segment_id"]) <= set(school["segment_id"])


def test_evidence_where_names_what_is_not_there(coded: kv.Coded) -> None:
    missing = Conclusion("r", "x", ("kapacitet",), where=(("afdeling", ("skole",)),))
    with pytest.warns(kv.KvalevalWarning, match=r"W032.*'afdeling'.*'role'"):
        table = coded.evidence([missing])
    assert table["share"].tolist() == ["0/0"]
    typo = Conclusion("r", "x", ("kapacitet",), where=(("role", ("skoler", "skole")),))
    with pytest.warns(kv.KvalevalWarning, match=r"W033.*\['skoler'\].*'skole'"):
        table = coded.evidence([typo]).set_index("group")
    assert table.loc["(alle)", "respondents_total"] > 0  # the value that is there still counts


def test_conclusions_where_needs_a_value(tmp_path: Path, coded: kv.Coded) -> None:
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- {id: k, statement: x, themes: [kapacitet], where: {role: []}}\n", encoding="utf-8")
    with pytest.raises(kv.CodebookError, match=r"(?s)E203.*where.*mindst én værdi"):
        kv.read_conclusions(path, codebook=coded.codebook)


def test_conclusions_numbered_ids_and_a_minimum_of_none(tmp_path: Path, coded: kv.Coded) -> None:
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- {id: 1, statement: x, themes: [kapacitet]}\n", encoding="utf-8")
    assert [c.id for c in kv.read_conclusions(path, codebook=coded.codebook)] == ["1"]
    path.write_text("- {id: k, statement: x, themes: [kapacitet], min_respondents: 0}\n", encoding="utf-8")
    with pytest.raises(kv.CodebookError, match=r"(?s)E203.*linje 1.*min_respondents: skal være mindst 1"):
        kv.read_conclusions(path, codebook=coded.codebook)


def test_cooccurrence_diagonal_equals_frequencies(coded: kv.Coded) -> None:
    pairs = cooccurrence(coded.segments, coded.codings, coded.codebook)
    overall = coded.frequencies(by=None).set_index("code")
    for row in pairs[pairs["code_a"] == pairs["code_b"]].itertuples():
        assert row.segments == overall.loc[row.code_a, "segments"]
        assert row.respondents == overall.loc[row.code_a, "respondents"]
    symmetric = pairs.set_index(["code_a", "code_b"])["respondents"]
    assert all(symmetric[(a, b)] == symmetric[(b, a)] for a, b in symmetric.index)


def test_framework_matrix_cells_from_codings(coded: kv.Coded) -> None:
    matrix = framework_matrix(coded.segments, coded.codings, coded.codebook, pseudonymise=False)
    assert list(matrix.columns[:3]) == ["respondent", "doc_id", "speaker"]
    for row in matrix.itertuples(index=False):
        for code in coded.codebook.codes:
            cell = row[matrix.columns.get_loc(code.display)]
            mine = coded.codings[(coded.codings["code"] == code.name) & (coded.codings["doc_id"] == row.doc_id)]
            speakers = coded.segments.set_index("segment_id").loc[mine["segment_id"], "speaker"]
            assert bool(cell) == (row.speaker in set(speakers))


def test_framework_matrix_cells_end_at_a_sentence_and_short_answers_show_their_question(
        tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # A cell was cut at 40 words mid-sentence ("... ring til mig på [telefon] hvis I vil vide [...]"),
    # and "Ja, bestemt." stood alone, without the question that gave it its theme.
    long = " ".join(["Vi kom i gang med rådgivningen sidste forår og har været glade for den hele vejen."] * 3
                    + ["Rådgivningen har hjulpet os meget, og ring gerne til mig om det, hvis I vil vide mere om os."])
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"I: Fortæl om det.\nB: {long}\n", encoding="utf-8")
    (folder / "b.txt").write_text("I: Har rådgivningen hjulpet jer?\nB: Ja, bestemt.\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    cells = framework_matrix(coded.segments, coded.codings, small_codebook).set_index("doc_id")["Relevans"]
    assert cells["a"].removeprefix("[...] ").removesuffix(" [...]") in long
    assert cells["a"].removesuffix(" [...]").endswith((".", "?", "!"))
    assert len(cells["a"].split()) <= 42
    assert cells["b"] == "Ja, bestemt. (svar på »Har rådgivningen hjulpet jer?«)"


def test_targets_attainment(tmp_path: Path) -> None:
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;vægt;retning\nFamilier;100;120;1;\nVentetid (uger);4;6;1;lavere\n"
                    "Frivillige;50;49,5;2;\n", encoding="utf-8")
    table, overall = target_attainment(read_targets(path))
    assert table["opfyldt"].tolist() == [True, False, False]
    assert overall["met"] == 1 and overall["share_met"] == pytest.approx(25.0)
    bad = tmp_path / "fejl.csv"
    bad.write_text("indikator,mål,opnået\nA,ti,3\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"linje 2.*'ti'"):
        read_targets(bad)


def test_targets_danish_numbers_directions_and_gaps(tmp_path: Path) -> None:
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;vægt;retning\nBesøg;1.200;950;;\nSager;12.500,5;13.000;2;højere\n"
                    "Ventetid;10;14;1;faldende\nFravær;20 %;15 %;1;Lavere\n", encoding="utf-8")
    table = read_targets(path)
    assert table["mål"].tolist() == [1200.0, 12500.5, 10.0, 20.0]  # 1.200 is a thousand and two hundred
    assert table["vægt"].tolist() == [1.0, 2.0, 1.0, 1.0]
    assert table["retning"].tolist() == ["højere", "højere", "lavere", "lavere"]
    assert target_attainment(table)[0]["opfyldt"].tolist() == [False, True, False, True]
    path.write_text("indikator;mål;opnået;retning\nÆndring;-5;-3;\nKlager;4;0;lavere\n", encoding="utf-8")
    signed = target_attainment(read_targets(path))[0]  # "60 %" of a change of -5, though it is met
    assert signed["pct_af_mål"].isna().tolist() == [True, True] and signed["opfyldt"].tolist() == [True, True]
    path.write_text("indikator;mål;opnået\nFamilier i rådgivning;100;120\n", encoding="cp1252")  # Danish Excel
    assert read_targets(path)["indikator"].tolist() == ["Familier i rådgivning"]
    with pytest.raises(kv.CorpusError, match=r"E024.*Indikatorfilen findes ikke"):
        read_targets(tmp_path / "findes_ikke.csv")
    for text, problem in [("indikator;mål;opnået;retning\nA;10;14;nedadgående-ish\n", r"E022.*linje 2"),
                          ("indikator;mål;opnået\nA;;14\n", r"E023.*linje 2.*'mål'"),
                          ("indikator;mål;opnået\nA;10;\n", r"E023.*linje 2.*'opnået'"),
                          ("indikator;mål;opnået\nBesøg;10;12\nSager;3;3\n besøg ;10;11\n",  # counted twice
                           r"E028.*linje 4: indikatoren 'besøg' står også i linje 2")]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(kv.CorpusError, match=problem):
            read_targets(path)


def test_targets_a_fraction_with_a_point_and_a_comment_line(tmp_path: Path) -> None:
    # "0.875" was read as 875 (Danish thousands) and "# kommentar" counted as an indicator met.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nAndel;0.875;0.9\n# kilde: årsrapporten;1;2\nBesøg;1.200;1.250\n",
                    encoding="utf-8")
    table = read_targets(path)
    assert table["indikator"].tolist() == ["Andel", "Besøg"]
    assert table["mål"].tolist() == [0.875, 1200.0] and table["opnået"].tolist() == [0.9, 1250.0]


def test_targets_file_without_indicators_is_one_clear_error(tmp_path: Path) -> None:
    # Only the header gave a traceback (KeyError '\x00line'); an empty file spoke of transcripts (E005).
    import openpyxl

    header = tmp_path / "kun_overskrift.csv"
    header.write_text("indikator;mål;opnået;vægt;retning\n", encoding="utf-8")
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    workbook = openpyxl.Workbook()
    workbook.active.append(["indikator", "mål", "opnået"])
    workbook.save(tmp_path / "kun_overskrift.xlsx")
    openpyxl.Workbook().save(tmp_path / "tom.xlsx")
    for name in ("kun_overskrift.csv", "tom.csv", "kun_overskrift.xlsx", "tom.xlsx"):
        with pytest.raises(kv.CorpusError, match=r"^\[E027\] .*har ingen indikatorer"):
            read_targets(tmp_path / name)


def test_targets_lower_is_better_with_a_target_of_zero_has_no_percent(tmp_path: Path) -> None:
    # 100 * 0 / 3 gave 0.0 % attained and pulled the mean down; docs: a target of 0 has no percent.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;retning\nTomme boliger;0;3;lavere\nKlager;0;0;lavere\n"
                    "Familier;10;12;højere\n", encoding="utf-8")
    table, overall = target_attainment(read_targets(path))
    assert table["pct_af_mål"].isna().tolist() == [True, True, False]
    assert table["opfyldt"].tolist() == [False, True, True]
    assert overall["mean_pct_af_mål"] == 120.0


def test_quotes_focus_group_participants_are_told_apart(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # Two participants of one focus group were both "(interview 1)": one quote per respondent could not be checked.
    (tmp_path / "fokus.txt").write_text(
        "Moderator: Hvordan er ventetiden?\nAmir: Der er venteliste, vi mangler folk i rådgivningen.\n"
        "Sanne: Ja, der er lang venteliste, og de mangler folk.\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path), small_codebook)
    quotes = coded.quotes("kapacitet", n=5)
    assert sorted(quotes["attribution"]) == ["(interview 1, deltager 1)", "(interview 1, deltager 2)"]
    matrix = framework_matrix(coded.segments, coded.codings, coded.codebook)
    assert sorted(matrix["respondent"]) == ["(interview 1, deltager 1)", "(interview 1, deltager 2)"]


def grouped(codebook: kv.Codebook, names: list[str]) -> kv.Codebook:
    """The codebook with a grouping code (never applied) over the codes ``names``."""
    import dataclasses

    from kvaleval.records import Code

    codes = [Code("temaer", label="Temaer", codable=False)]
    codes += [dataclasses.replace(code, parent="temaer") if code.name in names else code for code in codebook.codes]
    return dataclasses.replace(codebook, codes=tuple(codes))


def test_frequencies_grouping_code_counts_its_codes(coded: kv.Coded) -> None:
    # A grouping code's row had been zeros in every group; it counts what any code under it counts.
    names = list(coded.codebook.names[:2])
    book = grouped(coded.codebook, names)
    table = kv.Coded(coded.corpus, book, coded.codings).frequencies(by="respondent_group")
    segments = coded.segments[coded.segments["speaker_role"] == "respondent"]
    ids = set(coded.codings.loc[coded.codings["code"].isin(names), "segment_id"])
    mine = segments[segments["segment_id"].isin(ids)]
    row = table[(table["code"] == "temaer") & (table["respondent_group"] == "(alle)")].iloc[0]
    assert row.segments == len(mine) > 0
    assert row.respondents == len(set(zip(mine["doc_id"], mine["speaker"], strict=True)))
    assert table["code"].tolist()[0] == "temaer"  # codebook order: the grouping code first


def test_evidence_conclusion_on_a_grouping_code_counts_its_codes(coded: kv.Coded) -> None:
    # It had been accepted silently and shown as 0 respondents, "nej".
    names = list(coded.codebook.names[:2])
    book = grouped(coded.codebook, names)
    on_group = kv.Coded(coded.corpus, book, coded.codings).evidence(
        [Conclusion("c", "Indsatserne nævnes.", ("temaer",))])
    on_codes = coded.evidence([Conclusion("c", "Indsatserne nævnes.", tuple(names))])
    columns = ["group", "respondents", "respondents_total", "segments", "supported"]
    assert on_group[columns].equals(on_codes[columns])
    assert on_group["respondents"].iloc[-1] > 0


def test_targets_weight_of_zero_or_less_is_an_error_with_its_line(tmp_path: Path) -> None:
    # A weight of 0 or -1 was taken, and the appendix said "-0,0 % vægtet".
    path = tmp_path / "indikatorer.csv"
    for weights, line, shown in (("1;0", 3, "0"), ("-1;1", 2, "-1"), ("1;-0,5", 3, "-0,5")):
        first, second = weights.split(";")
        path.write_text(f"indikator;mål;opnået;vægt\nA;120;134;{first}\nB;80;72;{second}\n", encoding="utf-8")
        with pytest.raises(kv.CorpusError, match=rf"E025.*linje {line}: vægten .* er {shown};"):
            read_targets(path)


def test_targets_decimal_comma_in_a_comma_separated_file_names_the_line_and_the_fix(tmp_path: Path) -> None:
    # "Unge med mentor,80,72,5" was read as four fields and reported as "line 3: 'opnået' is empty".
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator,mål,opnået\nUnge med mentor,80,72,5\nUnge i praktik,120,134\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E026.*linje 2: rækken har 4 felter, hvor overskriften .* har 3.*"
                                             r"anførselstegn.*';'"):
        read_targets(path)
    path.write_text('indikator,mål,opnået\nUnge med mentor,80,"72,5"\n\nUnge i praktik,120,134\n', encoding="utf-8")
    assert read_targets(path)["opnået"].tolist() == [72.5, 134.0]
    path.write_text("indikator\tmål\topnået\nUnge med mentor\t80\t72,5\n", encoding="utf-8")
    assert read_targets(path)["opnået"].tolist() == [72.5]
    path.write_text("indikator;mål;opnået\nA;10;\n\nB;5;3\n", encoding="utf-8")  # lines as in the file
    with pytest.raises(kv.CorpusError, match=r"E023.*linje 2.*'opnået'"):
        read_targets(path)
    path.write_text("indikator;mål;opnået\n\nB;;3\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E023.*linje 3.*'mål'"):
        read_targets(path)


def test_targets_xlsx_percent_cells_are_read_as_the_percent_they_show(tmp_path: Path) -> None:
    # 0,41 formatted as 41,0 % beside a plain target of 35 was compared as 0.41 < 35: not met.
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["indikator", "mål", "opnået"])
    sheet.append(["Unge i uddannelse (%)", 35, 0.41])
    sheet["C2"].number_format = "0.0%"
    sheet.append(["Unge med mentor (%)", 0.8, 0.725])
    sheet["B3"].number_format = "0%"
    sheet["C3"].number_format = "0.0%"
    sheet.append(["Unge i praktik", 120, 134])
    path = tmp_path / "indikatorer.xlsx"
    workbook.save(path)
    table = read_targets(path)
    assert table["mål"].tolist() == [35.0, 80.0, 120.0]
    assert table["opnået"].tolist() == [41.0, 72.5, 134.0]
    assert target_attainment(table)[0]["opfyldt"].tolist() == [True, False, True]


def test_targets_of_zero_give_no_nan_in_the_appendix(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nUnge i praktik;0;3\nVentetid;0;0\n", encoding="utf-8")
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out, targets=path, charts_enabled=False)
    bilag = (out / "bilag.md").read_text(encoding="utf-8")
    assert "nan" not in bilag.lower()
    assert "Opfyldt: 2 af 2 indikatorer (100,0 % vægtet). Gennemsnitlig opfyldelse: –." in bilag


def test_frequencies_by_case_with_a_repeated_index(coded: kv.Coded) -> None:
    # A segment table concatenated from two without ignore_index had failed: "cannot reindex on an
    # axis with duplicate labels".
    segments = coded.segments.assign(person=coded.segments["doc_id"] + "/" + coded.segments["speaker"])
    repeated = segments.set_axis([0] * len(segments))
    from kvaleval.analyse.frequencies import frequencies

    expected = frequencies(segments, coded.codings, coded.codebook, case="person")
    pd.testing.assert_frame_equal(frequencies(repeated, coded.codings, coded.codebook, case="person"), expected)


def test_grouping_code_stands_for_every_applied_code_below_it() -> None:
    # Conclusions had taken only the grouping code's children, the tables every code below it.
    from kvaleval.codebook import resolve_themes
    from kvaleval.records import Code

    book = kv.Codebook("x", (Code("indsatser", codable=False), Code("mentor", parent="indsatser"),
                             Code("mentorordning", parent="mentor"), Code("andet", parent="indsatser", codable=False),
                             Code("praktik", parent="andet")))
    assert book.applied("indsatser") == ("mentor", "mentorordning", "praktik")
    assert book.applied("mentor") == ("mentor",)
    [resolved] = resolve_themes([Conclusion("c", "x", ("indsatser", "praktik"))], book)
    assert resolved.themes == ("mentor", "mentorordning", "praktik")


def test_markdown_long_table_is_cut_with_a_note_naming_where_the_rest_is() -> None:
    from kvaleval.report.markdown import MAX_ROWS, markdown_document
    from kvaleval.report.xlsx import Sheet

    frame = pd.DataFrame({"Respondent": [f"(Borger, spørgeskema, respondent {i})" for i in range(MAX_ROWS + 5)]})
    text = markdown_document([Sheet("Matrix", frame, "Rammematrix")])
    assert f"respondent {MAX_ROWS - 1})" in text and f"respondent {MAX_ROWS})" not in text
    assert "*De første 1.000 af 1.005 rækker; alle står i appendix.xlsx (arket Matrix) og i csv/.*" in text
    short = markdown_document([Sheet("Matrix", frame.head(3), "Rammematrix")])
    assert "De første" not in short and "respondent 2)" in short


def test_evidence_a_segment_backing_the_conclusion_is_no_counter_quote(coded: kv.Coded) -> None:
    # A segment coded kapacitet negativ and relevans positiv backs "negative about kapacitet or relevans",
    # and was also shown as its counter-quote: the same respondent on both sides.

    segment = coded.segments.loc[coded.segments["speaker_role"] == "respondent", "segment_id"].iloc[0]
    codings = pd.DataFrame({"segment_id": [segment, segment], "doc_id": [segment.split("#")[0]] * 2,
                            "code": ["kapacitet", "relevans"], "coder": ["rules", "rules"], "score": [1.0, 1.0],
                            "valence": ["negativ", "positiv"], "why": ["", ""]})
    conclusion = Conclusion("k", "Kritik af kapacitet og relevans", ("kapacitet", "relevans"), valence="negativ")
    quotes = evidence_quotes(coded.segments, codings, coded.codebook, [conclusion], pseudonymise=False)
    assert set(quotes.loc[quotes["kind"] == "støtte", "segment_id"]) == {segment}
    assert quotes.loc[quotes["kind"] == "modsigelse"].empty


def test_targets_round_half_up_and_keep_whole_numbers_whole(tmp_path: Path, tiny_corpus: Path,
                                                             small_codebook: kv.Codebook) -> None:
    # 93 of 80 is 116,25 %: Excel's ROUND and a reader say 116,3; round() gave 116,2. A count of 60
    # was written 60,0 because another indicator had a decimal.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nFamilier;80;93\nTrivsel (%);87,5;90\n", encoding="utf-8")
    table, overall = target_attainment(read_targets(path))
    assert table["pct_af_mål"].tolist() == [116.3, 102.9]
    assert overall["mean_pct_af_mål"] == 109.6  # (116.25 + 102.857) / 2 = 109.55...
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", targets=path, charts_enabled=False)
    written = pd.read_csv(tmp_path / "ud" / "csv" / "maalopfyldelse.csv", encoding="utf-8-sig", dtype=str)
    assert written["mål"].tolist() == ["80", "87.5"] and written["opnået"].tolist() == ["93", "90"]
    assert "| Familier | 80 | 93 |" in (tmp_path / "ud" / "bilag.md").read_text(encoding="utf-8")


def test_evidence_groups_named_where_the_corpus_has_no_groups_warn(tiny_corpus: Path,
                                                                    small_codebook: kv.Codebook) -> None:
    # Without metadata.csv a conclusion about samarbejdspartnere was counted over everyone, silently.
    (tiny_corpus / "metadata.csv").unlink()
    (tiny_corpus / "survey.xlsx").unlink()
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    assert "respondent_group" not in coded.segments
    with pytest.warns(kv.KvalevalWarning, match=r"W021.*\['samarbejdspartner'\]"):
        table = coded.evidence([Conclusion("p", "x", ("kapacitet",), groups=("samarbejdspartner",))])
    assert table["share"].tolist() == ["0/0", "0/0"]
    everyone = coded.evidence([Conclusion("a", "x", ("kapacitet",))])
    assert everyone["group"].tolist() == ["(alle)"] and everyone["respondents_total"].iloc[0] > 0


def test_quotes_give_the_same_words_once(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # Five respondents answering "Der er alt for lang ventetid." were five of the five quotes.
    from conftest import write_xlsx

    folder = tmp_path / "korpus"
    folder.mkdir()
    same = "Der er alt for lang ventetid."
    others = ["Ventetiden på rådgivningen er alt for lang, vi venter i ugevis.",
              "Lektiecaféen er rigtig god for min søn og hans venner.",
              "Jeg har aldrig hørt om sekretariatet eller helhedsplanen før.",
              "Naboerne hjælper hinanden mere nu end for et par år siden.",
              "Der burde være flere aktiviteter for de ældre i området."]
    write_xlsx(folder / "s.xlsx", [["id", "Hvad synes du?"], *[[i, same] for i in range(1, 6)],
                                   *[[i, text] for i, text in enumerate(others, start=6)],
                                   [11, "der er  alt for lang ventetid."]])
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    quoted = coded.quotes("kapacitet", n=5, pseudonymise=False)["quote"].tolist()
    assert quoted.count(same) == 1 and "der er  alt for lang ventetid." not in quoted, quoted
    assert len(quoted) == len(set(" ".join(q.casefold().split()) for q in quoted)) >= 2


def test_evidence_match_all_counts_respondents_with_every_theme(tmp_path: Path, coded: kv.Coded) -> None:
    # "De finder dem nyttige OG ønsker mere" was counted as relevans OR kapacitet (46/54 against 28/54).
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: begge\n  statement: Nyttige og for få pladser.\n  themes: [relevans, kapacitet]\n"
                    "  match: all\n", encoding="utf-8")
    [both] = kv.read_conclusions(path, codebook=coded.codebook)
    assert both.match == "all"
    respondents = coded.segments[coded.segments["speaker_role"] == "respondent"]
    person = respondents.set_index("segment_id")[["doc_id", "speaker"]].apply(tuple, axis=1)
    themes = coded.codings.assign(person=coded.codings["segment_id"].map(person)).groupby("person")["code"]
    expected = sum(1 for codes in themes.agg(set) if {"relevans", "kapacitet"} <= codes)
    any_of = coded.evidence([Conclusion("en", "x", ("relevans", "kapacitet"))]).set_index("group")
    every = coded.evidence([both]).set_index("group")
    assert every.loc["(alle)", "respondents"] == expected
    assert any_of.loc["(alle)", "respondents"] > expected  # the tiny corpus has people with one of them
    quoted = evidence_quotes(coded.segments, coded.codings, coded.codebook, [both])
    people = set(quoted.loc[quoted["kind"] == "støtte", "segment_id"].map(person))
    assert people and all({"relevans", "kapacitet"} <= themes.agg(set)[p] for p in people)


def test_frequencies_role_words_with_names_unsure_speakers_and_interpreters(tmp_path: Path) -> None:
    # "Beboer (Fatima):" ... made three residents one (only some role words took the name in the note),
    # "R?:" (unsure who) and "Tolk:" were one more respondent each.
    (tmp_path / "fokus.txt").write_text(
        "Moderator: Hvad synes I om familievejledningen?\n"
        "Beboer (Fatima): Den har hjulpet os meget, den er brugbar.\n"
        "Beboer (Ali): Ja, jeg synes også den er relevant.\n"
        "Frivillig (Grethe): Den er god og brugbar for familierne.\n"
        "R?: [uhørligt]\n"
        "Tolk: Hun siger, at den er brugbar.\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path), kv.read_codebook(CODEBOOK))
    speakers = coded.segments.loc[coded.segments["speaker_role"] == "respondent", "speaker"].tolist()
    assert speakers == ["Fatima", "Ali", "Grethe", "R?", "Tolk"]
    table = coded.frequencies(by=None).set_index("code")
    assert set(table["respondents_total"]) == {3}


def test_attribution_does_not_say_a_role_that_is_the_group() -> None:
    from kvaleval.analyse.quotes import attribution

    row = {"respondent_group": "elev", "role": "Elev", "doc_id": "elev02", "speaker": "B"}
    assert attribution(row, {"elev02": 2}) == "(Elev, interview 2)"  # was "(Elev, elev, interview 2)"
    row = {"respondent_group": "samarbejdspartner", "role": "skole", "doc_id": "p07", "speaker": "B"}
    assert attribution(row, {"p07": 7}) == "(Samarbejdspartner, skole, interview 7)"


def test_a_quote_for_two_themes_speaks_of_both_where_one_does(tmp_path: Path) -> None:
    # Under a conclusion about two themes (match: all) the quote spoke of one of them only, though the
    # respondent had a turn that spoke of both.
    (tmp_path / "b.txt").write_text(
        "I: Hvad synes du om familievejledningen?\n"
        "B: Familievejledningen er virkelig brugbar og relevant for os, den har hjulpet hele familien.\n"
        "I: Og ellers?\n"
        "B: Familievejledningen er brugbar, men der er lang ventetid og for få pladser i familievejledningen.\n",
        encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path), kv.read_codebook(CODEBOOK))
    both = coded.codings.groupby("segment_id")["code"].agg(set)
    assert both.get("b#3") == {"relevans", "kapacitet"} and both.get("b#1") == {"relevans"}
    conclusion = Conclusion(id="k", statement="Relevant, men for lidt", themes=("relevans", "kapacitet"),
                            match="all")
    quotes = evidence_quotes(coded.segments, coded.codings, coded.codebook, [conclusion], n_quotes=1)
    assert quotes.loc[quotes["kind"] == "støtte", "segment_id"].tolist() == ["b#3"]


def test_a_survey_respondent_is_named_in_the_quote_as_in_the_segment_table() -> None:
    # Qualtrics' ResponseId was "[respondent 100]" in Segmenter and "respondent R_4BdxOFWSuA8SADb" under the quote.
    from kvaleval.analyse.quotes import attribution

    row = {"doc_id": "s", "speaker": "R_4BdxOFWSuA8SADb"}
    named = {"R_4BdxOFWSuA8SADb": "[respondent 100]"}
    shown = attribution(row, {}, survey=True, pseudonymiser=lambda text, where: named.get(text, text))
    assert shown == "(spørgeskema, [respondent 100])"
    assert attribution({"doc_id": "s", "speaker": "17"}, {}, survey=True) == "(spørgeskema, respondent 17)"


def test_grouping_code_quotes_cooccurrence_and_matrix_take_its_codes(tiny_corpus: Path, tmp_path: Path) -> None:
    # A grouping code counted its codes in Frekvenser (n/N > 0) but had no quotes (coded.quotes and
    # Citater empty), zeros on Samforekomst's diagonal and an empty Matrix column: the appendix
    # contradicted itself.
    path = tmp_path / "grupperet.yaml"
    path.write_text(
        "name: grupperet\ncodes:\n"
        "  - name: indsatsen\n    label: Indsatsen\n    codable: false\n    children:\n"
        "      - name: relevans\n        terms: [{term: hjulpet, valence: positiv}]\n"
        "      - name: kapacitet\n        terms: [venteliste, ventetid]\n"
        "  - name: kendskab\n    terms: [aldrig hørt om]\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(tiny_corpus), kv.read_codebook(path))
    below = set(coded.codings.loc[coded.codings["code"].isin(["relevans", "kapacitet"]), "segment_id"])
    row = coded.frequencies(by=None).set_index("code").loc["indsatsen"]
    assert row.respondents > 1

    quoted = coded.quotes("indsatsen", n=10)
    assert len(quoted) == row.segments and set(quoted["segment_id"]) == below
    positive = coded.codings[(coded.codings["code"] == "relevans") & (coded.codings["valence"] == "positiv")]
    assert set(coded.quotes("indsatsen", valence="positiv")["segment_id"]) == set(positive["segment_id"])

    pairs = cooccurrence(coded.segments, coded.codings, coded.codebook).set_index(["code_a", "code_b"])
    assert pairs.loc[("indsatsen", "indsatsen"), "respondents"] == row.respondents
    assert pairs.loc[("indsatsen", "indsatsen"), "segments"] == row.segments

    matrix = framework_matrix(coded.segments, coded.codings, coded.codebook)
    assert (matrix["Indsatsen"] != "").sum() == row.respondents


def test_targets_as_a_table_read_with_pandas_are_read_as_the_file_is(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # A table from pd.read_csv without the optional columns raised KeyError: 'retning' from deep in
    # pandas, and a Danish decimal ("27,5", a string) was no number.
    import csv

    path = tmp_path / "indikatorer.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([
            ["indikator", "mål", "opnået"], ["Unge i fritidsjob", "120", "134"], ["Stopper tidligt (%)", "20", "27,5"]])
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "fil", targets=path, charts_enabled=False, qdpx=False)
    table = pd.read_csv(path, sep=";")
    kv.write_appendix(coded, tmp_path / "tabel", targets=table, charts_enabled=False, qdpx=False)
    from_file = pd.read_csv(tmp_path / "fil" / "csv" / "maalopfyldelse.csv")
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "tabel" / "csv" / "maalopfyldelse.csv"), from_file)
    assert from_file["opnået"].tolist() == [134, 27.5]

    with pytest.raises(kv.CorpusError, match=r"E012.*\['opnået'\]"):
        kv.write_appendix(coded, tmp_path / "ud", targets=pd.DataFrame({"indikator": ["x"], "mål": [1]}))
    with pytest.raises(kv.CorpusError, match=r"E022.*linje 2"):
        kv.write_appendix(coded, tmp_path / "ud", targets=pd.DataFrame(
            {"indikator": ["a", "b"], "mål": [1, 2], "opnået": [1, 2], "retning": ["højere", "sidelæns"]}))


def test_evidence_warns_once_at_the_users_own_line(coded: kv.Coded, tmp_path: Path) -> None:
    # W021/W032/W033 came twice each (the groups were looked up for the quotes and again for the
    # counts), and pointed at kvaleval's evidence.py, whose source line a notebook showed under the cell.
    import warnings

    conclusions = [Conclusion("a", "x", ("relevans",), groups=("lærer",)),
                   Conclusion("b", "x", ("relevans",), where=(("afdeling", ("skole",)),)),
                   Conclusion("c", "x", ("relevans",), where=(("role", ("lærer",)),))]
    for call in (lambda: coded.evidence(conclusions),
                 lambda: kv.write_appendix(coded, tmp_path / "ud", conclusions=conclusions, charts_enabled=False,
                                           qdpx=False)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        mine = [w for w in caught if issubclass(w.category, kv.KvalevalWarning)]
        assert sorted(str(w.message)[:6] for w in mine) == ["[W021]", "[W032]", "[W033]"]
        assert {Path(w.filename).name for w in mine} == {Path(__file__).name}


def test_targets_xlsx_sheet_after_a_front_page_and_a_title_above_the_header(tmp_path: Path) -> None:
    # Only the first sheet was read: a workbook opening with a front page was E012 ("Kolonner: [titlen]").
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Forside"
    workbook.active["A1"] = "Målopfyldelse 2026"
    sheet = workbook.create_sheet("Mål")
    sheet["A1"] = "Indikatorer fra årsrapporten"  # a title, an empty row, then the header
    sheet.append([])
    sheet.append(["Indikator", "Mål", "Opnået", "Retning"])
    sheet.append(["Familier i forløb", 60, 71, None])
    sheet.append(["Udsættelser", 15, 9, "lavere"])
    path = tmp_path / "indikatorer.xlsx"
    workbook.save(path)
    table = read_targets(path)
    assert table["indikator"].tolist() == ["Familier i forløb", "Udsættelser"]
    assert table["mål"].tolist() == [60.0, 15.0] and table["retning"].tolist() == ["højere", "lavere"]
    del workbook["Mål"]
    workbook.create_sheet("Noter")["A1"] = "kommer senere"
    workbook.save(path)
    with pytest.raises(kv.CorpusError, match=r"E032.*\['Forside', 'Noter'\].*'Målopfyldelse 2026'"):
        read_targets(path)


def test_targets_written_as_bounds_give_their_direction(tmp_path: Path) -> None:
    # "mindst 40" and "højst 5", as plans write targets, were E017 "er ikke et tal".
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;retning\nMentorforløb;mindst 40;46;\nPraktik;min. 20;19;\n"
                    "Sygefravær (dage);højst 5;6,5;\nVentetid (uger);maks. 4;3;lavere\nKlager;≤ 3;2;\n",
                    encoding="utf-8")
    table, _ = target_attainment(read_targets(path))
    assert table["mål"].tolist() == [40.0, 20.0, 5.0, 4.0, 3.0]
    assert table["retning"].tolist() == ["højere", "højere", "lavere", "lavere", "lavere"]
    assert table["opfyldt"].tolist() == [True, False, False, True, True]
    path.write_text("indikator;mål;opnået;retning\nMentorforløb;mindst 40;46;lavere\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E033.*linje 2: målet 'mindst 40' giver retningen 'højere'.*'lavere'"):
        read_targets(path)


def test_targets_milestones_written_yes_or_no_are_met_when_reached(tmp_path: Path) -> None:
    # "Ungeråd etableret;ja;ja", a milestone as Danish indicator frameworks write it, was E017 "er ikke et tal".
    from openpyxl import Workbook

    rows = [["Ungeråd etableret", "ja", "Ja"], ["Lokalavis udkommer", "ja", "nej"], ["Ingen venteliste", "nej", "nej"],
            ["Udsættelser i alt", "nej", "ja"], ["Unge i fritidsjob", 40, 52]]
    workbook = Workbook()
    workbook.active.append(["indikator", "mål", "opnået"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "indikatorer.xlsx")
    (tmp_path / "indikatorer.csv").write_text(
        "indikator;mål;opnået\n" + "".join(";".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
    for path in (tmp_path / "indikatorer.xlsx", tmp_path / "indikatorer.csv"):
        table, overall = target_attainment(read_targets(path))
        assert table["opfyldt"].tolist() == [True, False, True, False, True]
        assert table["retning"].tolist() == ["højere", "højere", "lavere", "lavere", "højere"]
        assert table["pct_af_mål"].tolist()[:2] == [100.0, 0.0] and overall["share_met"] == 60.0
    (tmp_path / "blandet.csv").write_text("indikator;mål;opnået\nUngeråd;ja;3\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E017.*'ja' i kolonnen 'mål'"):  # a yes beside a number: which?
        read_targets(tmp_path / "blandet.csv")


def test_targets_a_percent_beside_a_fraction_is_an_error(tmp_path: Path) -> None:
    # "80%" beside "0,88" (88 % written as a fraction) was read as 0.88 < 80: a target missed by far.
    from openpyxl import Workbook

    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nTilfredse (%);80%;0,88\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E034.*linje 2: '80%' i kolonnen 'mål' er en procent.*'0,88'"):
        read_targets(path)
    workbook = Workbook()  # a percent cell (0,8 shown as 80 %) beside a plain 0,88
    workbook.active.append(["indikator", "mål", "opnået"])
    workbook.active.append(["Tilfredse", 0.8, 0.88])
    workbook.active["B2"].number_format = "0%"
    workbook.save(tmp_path / "indikatorer.xlsx")
    with pytest.raises(kv.CorpusError, match=r"E034.*linje 2: '80 %'.*'0,88' i kolonnen 'opnået'"):
        read_targets(tmp_path / "indikatorer.xlsx")
    path.write_text("indikator;mål;opnået;retning\nFrafald (%);2 %;0,5 %;lavere\nAndel;0,8;0,88;\n"
                    "Unge i job (%);30 %;27,5;\n", encoding="utf-8")  # the same scale: no error
    assert read_targets(path)["opnået"].tolist() == [0.5, 0.88, 27.5]


def test_targets_a_met_column_that_the_numbers_contradict_is_an_error(tmp_path: Path) -> None:
    # "Udsættelser;15;9;ja" without a direction was read as higher is better: "nej", and the share met fell,
    # though the user's own column said the target was met.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;opfyldt\nFamilier;60;71;ja\nUdsættelser;15;9;ja\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E035.*linje 3: kolonnen 'opfyldt' siger 'ja' om 'Udsættelser'.*"
                                             r"opnået 9 mod målet 15 med retningen 'højere'"):
        read_targets(path)
    path.write_text("indikator;mål;opnået;retning;Opfyldt\nFamilier;60;71;;Ja\nUdsættelser;15;9;lavere;ja\n"
                    "Tryghed;100;84;;nej\nFrivillige;80;79;;delvist\n", encoding="utf-8")
    table, overall = target_attainment(read_targets(path))  # agreeing, or no plain yes or no: read as before
    assert table["opfyldt"].tolist() == [True, True, False, False] and overall["met"] == 2


def test_targets_csv_with_a_title_above_the_header(tmp_path: Path) -> None:
    # A sheet saved as CSV with its title kept: the title was taken for the header (E012).
    path = tmp_path / "indikatorer.csv"
    path.write_text("Målopfyldelse 2026\n\nIndikator;Mål;Opnået\nFamilier;60;71\nUnge i job;40;38,5\n",
                    encoding="utf-8")
    table = read_targets(path)
    assert table["indikator"].tolist() == ["Familier", "Unge i job"] and table["opnået"].tolist() == [71.0, 38.5]


def test_conclusions_as_evaluators_write_them(tmp_path: Path, coded: kv.Coded) -> None:
    # "id: 1.10" loaded as the number 1.1: refused, and reported as the id of "1.1" used twice; a single theme
    # or group without brackets, a numbered group and "Negativ" with a capital were each an error.
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- {id: 1.1, statement: x, themes: [kapacitet]}\n- {id: 1.10, statement: y, themes: [kapacitet]}\n"
                    "- id: 2.0\n  statement: z\n  themes: kapacitet\n  groups: Borger\n  valence: Negativ\n"
                    "- {id: 3, statement: w, themes: [kendskab], groups: [2025, borger]}\n", encoding="utf-8")
    conclusions = kv.read_conclusions(path, codebook=coded.codebook)
    assert [c.id for c in conclusions] == ["1.1", "1.10", "2.0", "3"]
    assert conclusions[2].themes == ("kapacitet",) and conclusions[2].groups == ("Borger",)
    assert conclusions[2].valence == "negativ" and conclusions[3].groups == ("2025", "borger")
    path.write_text("- {id: 1.1, statement: x, themes: [kapacitet]}\n- {id: 1.1, statement: y, themes: [kapacitet]}\n",
                    encoding="utf-8")
    with pytest.raises(kv.CodebookError, match=r"linje 2.*'1.1' er brugt to gange \(første gang i linje 1\)"):
        kv.read_conclusions(path, codebook=coded.codebook)


def test_focus_group_participants_stay_apart_in_the_segment_table(tmp_path: Path) -> None:
    # "Deltager 1" read as an address (Delt-ager 1, a street name): the three participants were all
    # "[adresse]" in Segmenter, and the appendix's n/N (3 respondents) could not be recounted from it.
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "fokusgruppe.txt").write_text(
        "Moderator: Hvordan er ventetiden på rådgivningen?\n"
        "Deltager 1: Der er lang venteliste, vi har ventet i måneder.\n"
        "Deltager 2: Ja, og de har for travlt, der er ikke tid nok.\n"
        "Deltager 3: Jeg er enig med Deltager 1, der mangler folk.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\nfokusgruppe.txt,borger\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(CODEBOOK))
    conclusion = Conclusion("ventetid", "Der er for lang ventetid", ("kapacitet",), valence="negativ")
    kv.write_appendix(coded, tmp_path / "out", conclusions=[conclusion])
    segments = pd.read_csv(tmp_path / "out" / "csv" / "segmenter.csv", dtype=str, keep_default_na=False)
    said = segments[segments["speaker_role"] == "respondent"]
    evidence = pd.read_csv(tmp_path / "out" / "csv" / "konklusioner.csv", dtype=str)
    assert said["speaker"].nunique() == 3 == int(evidence.loc[0, "respondents_total"])
    assert "[adresse]" not in " ".join(said["text"])  # "enig med Deltager 1" is no address either


def test_evidence_where_takes_an_attribute_by_its_header_in_the_appendix(tmp_path: Path, coded: kv.Coded) -> None:
    # The sheets head role "Rolle" and respondent_group "Gruppe"; "where: {Rolle: skole}", written from them,
    # was W032 and 0/0.
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- {id: a, statement: x, themes: [kapacitet], where: {role: skole}}\n"
                    "- {id: b, statement: x, themes: [kapacitet], where: {Rolle: skole}}\n"
                    "- {id: c, statement: x, themes: [kapacitet], where: {ROLE: skole, gruppe: samarbejdspartner}}\n",
                    encoding="utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = coded.evidence(kv.read_conclusions(path, codebook=coded.codebook))
    shares = table[table["group"] == "(alle)"].set_index("conclusion_id")["share"]
    assert shares["a"] == shares["b"] == shares["c"] != "0/0"


def test_targets_minus_as_word_and_danish_accounts_write_it(tmp_path: Path) -> None:
    # "−5" (U+2212, as Word and these docs write it) and "÷3" (Danish accounts) were E017 "er ikke et tal".
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;retning\nÆndring i ledighed;−5;÷ 6,5;lavere\nÆndring i fravær;÷3;–2;lavere\n",
                    encoding="utf-8")
    table, _ = target_attainment(read_targets(path))
    assert table["mål"].tolist() == [-5.0, -3.0] and table["opnået"].tolist() == [-6.5, -2.0]
    assert table["opfyldt"].tolist() == [True, False]


def test_small_cells_of_a_conclusion_limited_by_where_hide_nothing_in_the_others(tmp_path: Path) -> None:
    # The groups' N were suppressed as one set over every conclusion: a "where: {role: politi}" conclusion's
    # N of 1 hid the citizens' N and n (3 and 3, over k) in every other conclusion, where N is not the same.
    folder = tmp_path / "korpus"
    folder.mkdir()
    rows = ["file,respondent_group,role"]
    for name, group, role in [("b1", "borger", "forælder"), ("b2", "borger", "forælder"), ("b3", "borger", "ung"),
                              ("p1", "samarbejdspartner", "skole"), ("p2", "samarbejdspartner", "skole"),
                              ("p3", "samarbejdspartner", "politi")]:
        (folder / f"{name}.txt").write_text("I: Hvordan er ventetiden?\nB: Der er lang venteliste, vi venter "
                                            "i måneder, og der er alt for få medarbejdere.\n", encoding="utf-8")
        rows.append(f"{name}.txt,{group},{role}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(CODEBOOK))
    conclusions = [Conclusion("alle", "Der er ventetid", ("kapacitet",)),
                   Conclusion("politi", "Politiet oplever ventetid", ("kapacitet",), where=(("role", ("politi",)),))]
    kv.write_appendix(coded, tmp_path / "out", conclusions=conclusions, small_cells=2)
    shown = pd.read_csv(tmp_path / "out" / "csv" / "konklusioner.csv", dtype=str).set_index(["conclusion_id", "group"])
    assert shown.loc["alle", "share"].tolist() == ["3/3", "3/3", "6/6"]  # borger, samarbejdspartner, (alle)
    assert shown.loc[("politi", "samarbejdspartner"), "share"] == "< 2/< 2"  # below k: still hidden


def test_match_all_with_a_grouping_code_needs_one_of_its_codes(tmp_path: Path) -> None:
    # "themes: [indsatsen, ventetid], match: all" asked for every code under "indsatsen" (mentor AND praktik)
    # besides ventetid: the two respondents with one initiative and the waiting time did not count (0/3).
    book = tmp_path / "kodebog.yaml"
    book.write_text("name: grupperet\ncodes:\n"
                    "  - name: indsatsen\n    codable: false\n    children:\n"
                    "      - name: mentor\n        terms: [mentor]\n"
                    "      - name: praktik\n        terms: [praktik]\n"
                    "  - name: ventetid\n    terms: [venteliste]\n", encoding="utf-8")
    folder = tmp_path / "korpus"
    folder.mkdir()
    for name, said in [("a", "Min mentor er god, men der er lang venteliste."),
                       ("b", "Jeg er i praktik, men der er lang venteliste."),
                       ("c", "Min mentor fandt en praktik til mig.")]:
        (folder / f"{name}.txt").write_text(f"I: Hvordan går det?\nB: {said}\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(book))
    conclusions = tmp_path / "konklusioner.yaml"
    conclusions.write_text("- id: k\n  statement: De i en indsats venter.\n  themes: [indsatsen, ventetid]\n"
                           "  match: all\n", encoding="utf-8")
    table = coded.evidence(kv.read_conclusions(conclusions, codebook=coded.codebook))
    assert table["share"].tolist() == ["2/3"]
    quoted = evidence_quotes(coded.segments, coded.codings, coded.codebook,
                             kv.read_conclusions(conclusions, codebook=coded.codebook))
    assert sorted(quoted["doc_id"]) == ["a", "b"]


def test_targets_percent_in_words_and_a_direction_said_in_a_sentence(tmp_path: Path) -> None:
    # "80 pct." was E017, and "80 pct." beside "0,88" slipped past the check of a percent beside a fraction;
    # "lavere er bedre" in the column retning was E022.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået;retning\nUnge i job;30 pct.;27,5 procent;Højere er bedre\n"
                    "Frafald;15 pct;12 %;lavere er bedre\n", encoding="utf-8")
    table, _ = target_attainment(read_targets(path))
    assert table["mål"].tolist() == [30.0, 15.0] and table["opnået"].tolist() == [27.5, 12.0]
    assert table["retning"].tolist() == ["højere", "lavere"] and table["opfyldt"].tolist() == [False, True]
    path.write_text("indikator;mål;opnået\nTilfredse;80 pct.;0,88\n", encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E034.*'80 pct.' i kolonnen 'mål' er en procent"):
        read_targets(path)
