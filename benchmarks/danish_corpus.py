"""A seeded, Danish-like corpus of N words for the coding benchmark.

Words are drawn from a Zipf-Mandelbrot distribution (exponent 1.2, offset 2.7: the
100 commonest words make 55% of the text, "og" 5.7%, and 1M words hold about 93,000
distinct forms, 10M about 340,000, as in spoken Danish) over a ranked Danish
vocabulary: about 170 frequent spoken-Danish function words first, then every
alphabetic form of spacy-lookups-data's ``da_lemma_lookup`` (about 535,000),
ordered by length with noise, so short forms are frequent and long compounds
rare. Into respondent turns the codebook's own words are sprinkled at a rate that
codes roughly half of the turns: term words in their inflected forms, phrases
(gaps filled with 0-3 words), compounds built from a term (``kapacitet|s|udvidelse``,
``familie|vejledningen``), exclusion phrases, and negations before a term.

The corpus is written as interview transcripts (``I:`` / ``B:`` turns of 5-120
words, one turn a line, about 8,000 words a file, in ``interviews/``) and as one
survey export (``survey.csv``: a respondent id, an age band and three open
questions; answers of 3-80 words, some cells empty), with a ``metadata.csv``
giving each file a ``respondent_group``. Half of the words go to each.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FUNCTION_WORDS = """
og det er jeg at i så ikke en på der har vi de men med til som var han hun kan for et af den
øh altså jo bare også lige have nu hvad hvor skal eller om når man meget godt ja nej sådan
synes tror ved noget nogle hvis være været kunne ville skulle blive bliver blev hele helt
alle mange mere lidt rigtig faktisk egentlig måske fordi mig os dem sig min mit mine vores
deres hans hendes din dit jer her der derfor ud op ind ned over under efter før fra mod hos
igen også stadig allerede aldrig altid tit nogen ingen intet hver hvordan hvorfor hvem
sige siger sagt kommer kom komme går gik gå får fik få gør gjorde gøre ser så se tager tog
tage tid år dag gang folk børn ting sted måde del ligesom øhm hm ikk vel jamen nå okay
""".split()
"""The head of the rank list: what spoken Danish is mostly made of."""

INTERVIEWER_LEAD = ("Hvad", "Hvordan", "Kan du", "Fortæller du", "Hvorfor", "Har du", "Hvad synes du om")
NEGATIONS = ("ikke", "ikke", "ikke", "aldrig", "ingen", "ikke rigtig")
QUESTIONS = (
    "Hvad har indsatsen betydet for dig?",
    "Hvordan hørte du om tilbuddene i området?",
    "Har du andre kommentarer eller forslag?",
)
AGE_BANDS = ("18-29", "30-49", "50-64", "65+")
GROUPS = ("beboer", "partner", "medarbejder", "frivillig")


@dataclass(frozen=True)
class CorpusInfo:
    folder: Path
    words: int
    transcript_words: int
    survey_words: int
    files: int
    respondent_turns: int
    survey_answers: int


class Vocabulary:
    """Ranked Danish forms and a sampler over them; codebook items to sprinkle in."""

    def __init__(self, codebook_path: Path, *, seed: int, zipf: float = 1.2) -> None:
        import kvaleval as kv
        from kvaleval.coding.forms import expand_forms
        from kvaleval.coding.matcher import split_phrase
        from kvaleval.danish import lemma_table

        rng = np.random.default_rng(seed)
        table = lemma_table()
        head = list(dict.fromkeys(FUNCTION_WORDS))
        frequent = set(head)
        rest = sorted(form for form in table if form.isalpha() and 1 < len(form) <= 24 and form not in frequent)
        noise = rng.normal(0.0, 0.45, len(rest))
        keys = np.log(np.array([len(form) for form in rest], dtype=float)) + noise
        ranked = [rest[i] for i in np.argsort(keys, kind="stable")]
        self.words = np.array(head + ranked, dtype=object)
        ranks = np.arange(1, len(self.words) + 1, dtype=float)
        weights = 1.0 / (ranks + 2.7) ** zipf
        self.cumulative = np.cumsum(weights / weights.sum())
        # Parts for compounds: mid-frequency nouns and verbs of 4-10 letters.
        self.parts = [w for w in ranked[2000:60000] if 4 <= len(w) <= 10][:8000]

        codebook = kv.read_codebook(codebook_path)
        applied = [code for code in codebook.codes if code.codable]  # a grouping code's terms code nothing
        words = {word for code in applied for term in code.terms if not term.exact
                 for word, _ in split_phrase(term.text)}
        self.forms = {word: sorted(forms) for word, forms in expand_forms(words, dict(codebook.lemmas)).items()}
        self.terms = [(term.text, term.exact) for code in applied for term in code.terms]
        self.singles = [text for text, exact in self.terms if not exact and len(split_phrase(text)) == 1]
        self.excludes = [text for code in applied for text in code.exclude_terms]
        self.lexicon_words = sorted({w for _, words_ in codebook.lexicons for w in words_})
        self._split = split_phrase

    def draw(self, rng: np.random.Generator, n: int) -> list[str]:
        ids = np.searchsorted(self.cumulative, rng.random(n), side="right")
        return self.words[np.minimum(ids, len(self.words) - 1)].tolist()

    def codebook_item(self, rng: np.random.Generator) -> list[str]:
        """A term (inflected, in a compound, negated) or an exclusion, as words."""
        roll = rng.random()
        if roll < 0.05 and self.excludes:
            return self._phrase(self.excludes[rng.integers(len(self.excludes))], False, rng)
        if roll < 0.15 and self.lexicon_words:
            return [self.lexicon_words[rng.integers(len(self.lexicon_words))]]
        if roll < 0.30 and self.singles:
            return [self._compound(self.singles[rng.integers(len(self.singles))], rng)]
        if not self.terms:  # a codebook of patterns and near cues only
            return self.draw(rng, 1)
        text, exact = self.terms[rng.integers(len(self.terms))]
        words = self._phrase(text, exact, rng)
        if rng.random() < 0.2:
            words = [NEGATIONS[rng.integers(len(NEGATIONS))], *words]
        return words

    def _phrase(self, text: str, exact: bool, rng: np.random.Generator) -> list[str]:
        words: list[str] = []
        for word, gap in self._split(text):
            if gap > 0:  # "...": up to that many other words; a phrase's own punctuation is left out
                words.extend(self.draw(rng, int(rng.integers(0, gap + 1))))
            words.append(word if exact else self._inflect(word, rng))
        return words

    def _inflect(self, word: str, rng: np.random.Generator) -> str:
        forms = self.forms.get(word) or [word]
        return word if rng.random() < 0.5 else forms[rng.integers(len(forms))]

    def _compound(self, word: str, rng: np.random.Generator) -> str:
        part = self.parts[rng.integers(len(self.parts))]
        if len(word) >= 4 and rng.random() < 0.5:
            return word + ("s" if rng.random() < 0.6 else "") + part
        return part + self._inflect(word, rng)


def _sentence_text(words: list[str], rng: np.random.Generator) -> str:
    """Words with commas and full stops, capitals after a stop."""
    out = []
    capital = True
    marks = rng.random(len(words))
    for word, mark in zip(words, marks, strict=True):
        out.append(word.capitalize() if capital else word)
        capital = False
        if mark < 0.07:
            out[-1] += "."
            capital = True
        elif mark < 0.13:
            out[-1] += ","
    text = " ".join(out)
    return text if text.endswith(".") else text.rstrip(",") + "."


def respondent_words(vocabulary: Vocabulary, rng: np.random.Generator, n: int) -> list[str]:
    """``n`` drawn words with codebook items sprinkled in (about one per 70 words)."""
    words = vocabulary.draw(rng, n)
    inserts = rng.poisson(n / 70)
    for _ in range(inserts):
        item = vocabulary.codebook_item(rng)
        position = int(rng.integers(0, len(words) + 1))
        words[position:position] = item
    return words


def write_corpus(folder: Path, n_words: int, *, codebook: Path, seed: int = 7,
                 survey_share: float = 0.5, file_words: int = 8000) -> CorpusInfo:
    """Write the corpus of about ``n_words`` words into ``folder`` (created)."""
    rng = np.random.default_rng(seed)
    vocabulary = Vocabulary(codebook, seed=seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "interviews").mkdir(exist_ok=True)
    survey_target = int(n_words * survey_share)
    transcript_target = n_words - survey_target
    metadata = [("file", "respondent_group")]
    written = files = respondent_turns = 0
    number = 0
    while written < transcript_target:
        number += 1
        size = min(int(rng.integers(file_words // 2, file_words * 3 // 2)), transcript_target - written)
        lines, count, turns = _interview(vocabulary, rng, max(size, 20))
        name = f"interviews/interview{number:05d}.txt"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        metadata.append((name, GROUPS[number % len(GROUPS)]))
        written += count
        files += 1
        respondent_turns += turns
    survey_written, answers = _survey(folder / "survey.csv", vocabulary, rng, survey_target)
    metadata.append(("survey.csv", "survey"))
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(metadata)
    return CorpusInfo(folder, written + survey_written, written, survey_written, files + 1,
                      respondent_turns + answers, answers)


def _interview(vocabulary: Vocabulary, rng: np.random.Generator, size: int) -> tuple[list[str], int, int]:
    lines: list[str] = []
    count = turns = 0
    while count < size:
        asked = vocabulary.draw(rng, int(rng.integers(4, 25)))
        lead = INTERVIEWER_LEAD[rng.integers(len(INTERVIEWER_LEAD))]
        question = f"I: {lead} {' '.join(asked)}?"
        # Long answers are rarer than short ones: a log-uniform length in 5-120.
        length = int(math.exp(rng.uniform(math.log(5), math.log(121))))
        answer = respondent_words(vocabulary, rng, length)
        lines.append(question)
        lines.append("B: " + _sentence_text(answer, rng))
        count += len(question.split()) - 1 + len(answer)
        turns += 1
    return lines, count, turns


def _survey(path: Path, vocabulary: Vocabulary, rng: np.random.Generator, target: int) -> tuple[int, int]:
    written = answers = 0
    respondent = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent_id", "aldersgruppe", *QUESTIONS])
        while written < target:
            respondent += 1
            row = [f"R{respondent:07d}", AGE_BANDS[rng.integers(len(AGE_BANDS))]]
            for _ in QUESTIONS:
                if rng.random() < 0.15:
                    row.append("")
                    continue
                length = int(math.exp(rng.uniform(math.log(3), math.log(81))))
                words = respondent_words(vocabulary, rng, length)
                row.append(_sentence_text(words, rng))
                written += len(words)
                answers += 1
            writer.writerow(row)
    return written, answers
