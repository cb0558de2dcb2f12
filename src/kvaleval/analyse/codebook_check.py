"""The codebook as a tested artefact: examples must be coded, counterexamples must not, terms must earn their place."""

from __future__ import annotations

import pandas as pd

from kvaleval.coding.rules import RuleCoder
from kvaleval.frames import require_columns
from kvaleval.records import RESPONDENT, Codebook


def check_examples(codebook: Codebook, *, coder: RuleCoder | None = None) -> pd.DataFrame:
    """Code every example and counterexample of every code with the rule coder.

    Returns
    -------
    DataFrame
        ``code, kind`` (eksempel | modeksempel), ``text, coded`` (the code was
        given), ``ok`` (coded for an example, not coded for a counterexample),
        ``evidence, why``.
    """
    coder = coder or RuleCoder(codebook)
    rows = []
    for index, code in enumerate(codebook.codes):
        items = [("eksempel", text) for text in code.examples] + [("modeksempel", t) for t in code.counterexamples]
        if not items:
            continue
        scores = coder.score([text for _, text in items])
        for row, (kind, text) in enumerate(items):
            coded = bool(scores.coded[row, index])
            finding = scores.findings.get((row, index))
            rows.append({
                "code": code.name, "kind": kind, "text": text, "coded": coded,
                "ok": coded if kind == "eksempel" else not coded,
                "evidence": round(float(scores.evidence[row, index]), 3),
                "why": ", ".join([*finding.terms, *finding.near]) if finding else "",
            })
    return pd.DataFrame(rows, columns=["code", "kind", "text", "coded", "ok", "evidence", "why"])


def shared_terms(codebook: Codebook) -> dict[str, list[str]]:
    """Term -> the codes it stands in, for the terms in more than one (each match codes them all)."""
    owners: dict[str, list[str]] = {}
    for code in codebook.codes:
        for label in dict.fromkeys(term.label.lower() for term in code.terms):
            owners.setdefault(label, []).append(code.name)
    return {label: names for label, names in owners.items() if len(names) > 1}


def same_words(codebook: Codebook) -> dict[str, list[str]]:
    """Code -> groups of its one-word terms that match a word in common (``ryg`` and ``ryggen``,
    ``virker`` and ``virket``: each is read with all its inflections), as "ryg = ryggen". Such a
    word counts once per code, for the heaviest term, so the weights do not add up."""
    from kvaleval.coding.forms import expand_forms

    words = {term.text.lower() for code in codebook.codes for term in code.terms
             if not term.exact and " " not in term.text.strip()}
    forms = expand_forms(words, dict(codebook.lemmas))
    found: dict[str, list[str]] = {}
    for code in codebook.codes:
        groups: list[tuple[set[str], list[str]]] = []
        for term in code.terms:
            text = term.text.lower()
            if term.exact or text not in forms:
                continue
            mine = set(forms[text]) | {text}
            joined = next((group for group in groups if group[0] & mine), None)
            if joined is None:
                groups.append((mine, [term.label]))
            elif term.label not in joined[1]:
                joined[0].update(mine)
                joined[1].append(term.label)
        shown = [" = ".join(labels) for _, labels in groups if len(labels) > 1]
        if shown:
            found[code.name] = shown
    return found


def term_usage(codebook: Codebook, segments: pd.DataFrame, *, gold: pd.DataFrame | None = None,
               coder: RuleCoder | None = None) -> pd.DataFrame:
    """How often each term matched respondent segments, and (with gold codings) how often wrongly.

    Returns
    -------
    DataFrame
        ``code, term, weight, segments`` (respondent segments where the term
        matched), ``in_questions`` (respondent segments whose question the term
        matched: answers that may take the code from their question), and with
        ``gold``: ``in_gold`` (of those, segments the gold coded with the code),
        ``false_positive_share`` and ``too_weak`` (segments the gold coded where
        the term matched but the evidence stayed below the code's threshold: a
        weight to raise). Sorted by code order, then most
        false positives, then most matches.
    """
    require_columns(segments, ["segment_id", "speaker_role", "text"])
    coder = coder or RuleCoder(codebook)
    respondents = segments[segments["speaker_role"] == RESPONDENT]
    ids = respondents["segment_id"].tolist()
    scores = coder.score(respondents["text"].tolist())
    matched: dict[tuple[int, str], set[str]] = {}
    short: dict[tuple[int, str], set[str]] = {}  # matched in a segment the code did not reach
    for (position, column), finding in scores.findings.items():
        for term in [*finding.terms, *finding.near]:
            matched.setdefault((column, term), set()).add(ids[position])
            if not scores.coded[position, column]:
                short.setdefault((column, term), set()).add(ids[position])
    asked = _matched_in_questions(coder, respondents)
    gold_sets: dict[str, set[str]] = {}
    if gold is not None:
        require_columns(gold, ["segment_id", "code"])
        gold_sets = {code: set(group["segment_id"]) for code, group in gold.groupby("code")}
    rows: list[dict[str, object]] = []
    for index, code in enumerate(codebook.codes):
        for label, weight in [(t.label, t.weight) for t in code.terms] + [(n.label, n.weight) for n in code.near]:
            hits = matched.get((index, label), set())
            row: dict[str, object] = {"code": code.name, "term": label, "weight": weight, "segments": len(hits),
                                      "in_questions": asked.get((index, label), 0)}
            if gold is not None:
                right = len(hits & gold_sets.get(code.name, set()))
                row["in_gold"] = right
                row["false_positive_share"] = round(1 - right / len(hits), 3) if hits else 0.0
                row["too_weak"] = len(short.get((index, label), set()) & gold_sets.get(code.name, set()))
                row["_false"] = len(hits) - right
            rows.append(row)
    table = pd.DataFrame(rows)
    order = {name: i for i, name in enumerate(codebook.names)}
    keys = ["_order"] + (["_false"] if gold is not None else []) + ["segments"]
    table = table.assign(_order=table["code"].map(order)).sort_values(
        keys, ascending=[True] + ([False] if gold is not None else []) + [False], kind="stable")
    return table.drop(columns=[c for c in ("_order", "_false") if c in table]).reset_index(drop=True)


def _matched_in_questions(coder: RuleCoder, respondents: pd.DataFrame) -> dict[tuple[int, str], int]:
    """(code column, term) -> the respondent segments whose question the term matched."""
    if "question" not in respondents:
        return {}
    questions = respondents["question"].astype(object).where(respondents["question"].notna(), "")
    answers = questions[questions.map(lambda value: isinstance(value, str) and bool(value.strip()))]
    if answers.empty:
        return {}
    counts = answers.value_counts()
    unique = counts.index.tolist()
    scores = coder.score(unique)
    found: dict[tuple[int, str], int] = {}
    for (position, column), finding in scores.findings.items():
        for term in dict.fromkeys([*finding.terms, *finding.near]):
            found[(column, term)] = found.get((column, term), 0) + int(counts.iloc[position])
    return found


def compound_matches(codebook: Codebook, segments: pd.DataFrame, *, coder: RuleCoder | None = None) -> pd.DataFrame:
    """The longer words each term matched inside (compounds): what the coder took for the theme
    beyond the term's own forms, for the evaluator to keep or exclude (``koordinator`` inside
    "frivilligkoordinatoren", ``læge`` inside "tandlægen": ``exclude_terms``).

    Returns
    -------
    DataFrame
        ``code, term, word`` (the whole word, lower-cased), ``segments`` (respondent segments where
        the term's first match was inside that word). Sorted by code order, then most segments.
    """
    require_columns(segments, ["segment_id", "speaker_role", "text"])
    coder = coder or RuleCoder(codebook)
    texts = segments.loc[segments["speaker_role"] == RESPONDENT, "text"].tolist()
    scores = coder.score(texts)
    found: dict[tuple[int, str, str], int] = {}
    # A span carries its term's words, not its label: a term that found a word a heavier term of the
    # code had counted is among a finding's terms without a span, so the two do not pair up by position.
    labels = [{term.words: term.label for term in code.terms} for code in coder.codes]
    for (row, column), finding in scores.findings.items():
        text = texts[row]
        for start, end, words, _ in finding.spans:
            label = labels[column].get(words)
            if label is None:  # a near cue's or a pattern's hit
                continue
            whole_start, whole_end = _word_around(text, start, end)
            if (whole_start, whole_end) != (start, end):
                key = (column, label, text[whole_start:whole_end].lower())
                found[key] = found.get(key, 0) + 1
    names = codebook.names
    table = pd.DataFrame([(names[column], label, word, n) for (column, label, word), n in found.items()],
                         columns=["code", "term", "word", "segments"])
    order = table.assign(_order=table["code"].map({name: i for i, name in enumerate(names)}))
    order = order.sort_values(["_order", "segments", "word"], ascending=[True, False, True], kind="stable")
    return order.drop(columns="_order").reset_index(drop=True)


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole word ``text[start:end]`` lies in: letters, and letters joined by a hyphen (``demens-koordinator``;
    not an apostrophe, which joins an ending: ``GPS'erne`` is a form of the term, not a compound)."""
    while start > 0 and (text[start - 1].isalpha() or (text[start - 1] in _JOINERS and start > 1
                                                         and text[start - 2].isalpha())):
        start -= 1
    while end < len(text) and (text[end].isalpha() or (text[end] in _JOINERS and end + 1 < len(text)
                                                       and text[end + 1].isalpha())):
        end += 1
    return start, end


_JOINERS = "-"
