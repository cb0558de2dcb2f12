"""How well automatic codes agree with a careful human coder, against the baselines peers offer.

Prints macro-F1 and Cohen's κ per theme for:

- ``keyword``: whole-word search for the codebook's single-word terms, as NVivo,
  ATLAS.ti, MAXQDA and QualCoder text search do it (no Danish inflection or compounds);
- ``keyword+bøjning``: the same with kvaleval's Danish inflections and compounds, any
  term match codes (no weights, phrases, context or thresholds);
- ``tfidf+LR``: a plain TF-IDF + logistic regression trained on human codings;
- ``regler``: kvaleval's rule coder;
- ``model`` and ``regler+model``: kvaleval's stacked model coder, alone and as the union
  with the rules (what ``kv.code(..., model=...)`` gives);

on (1) the demo corpus, two-fold by document (train on half the files, test on the
other half, both ways), with a learning curve of 50, 100 and 200 training turns; (2) the
development corpus (``benchmarks/devset``: other authors, another coder; its errors may be
read when writing rules); and (3) the held-out corpus (``benchmarks/heldout``, never used
for tuning, its errors never read). The model is trained on the whole demo for (2) and (3),
and for (3) also on the demo and the development corpus together. Then (4) two other domains,
each with its own codebook written by someone else (``benchmarks/ungespor``, ``benchmarks/demens``,
``benchmarks/jobsundhed``),
two-fold by document for what learns.

Run: ``python benchmarks/bench_agreement.py`` (about 3-5 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score, f1_score

import kvaleval as kv
from kvaleval.coding.forms import compound_ok, expand_forms
from kvaleval.records import RESPONDENT

ROOT = Path(__file__).resolve().parents[1]
SIZES = (50, 100, 200)
OTHER_CORPORA = (
    ("devset", "Udviklingskorpus (Lærkehøj, andre forfattere og en anden koder; bruges til tuning fra session 4):"),
    ("heldout", "Held-out-korpus (Stjerneparken, kodet af en anden koder; aldrig brugt til tuning):"),
)


def labels(units: pd.DataFrame, codings: pd.DataFrame, codes: list[str]) -> np.ndarray:
    index = {s: i for i, s in enumerate(units["segment_id"])}
    y = np.zeros((len(units), len(codes)), dtype=bool)
    for segment, code in zip(codings["segment_id"], codings["code"], strict=True):
        if segment in index and code in codes:
            y[index[segment], codes.index(code)] = True
    return y


def scores(y: np.ndarray, predicted: np.ndarray) -> tuple[float, list[float]]:
    f1 = [f1_score(y[:, j], predicted[:, j], zero_division=0) for j in range(y.shape[1])]
    kappa = [cohen_kappa_score(y[:, j], predicted[:, j]) if y[:, j].any() or predicted[:, j].any() else 1.0
             for j in range(y.shape[1])]
    return float(np.mean(f1)), kappa


def keyword(units: pd.DataFrame, codebook: kv.Codebook, *, inflect: bool) -> np.ndarray:
    """Whole-word search for single-word terms; with ``inflect`` also forms and compounds."""
    words = [[t.text.lower() for t in code.terms if " " not in t.text and "..." not in t.text]
             for code in codebook.codes]
    forms = expand_forms({w for ws in words for w in ws}, dict(codebook.lemmas)) if inflect else {}
    out = np.zeros((len(units), len(codebook.codes)), dtype=bool)
    for row, text in enumerate(units["text"]):
        tokens = re.findall(r"[^\W\d_]+", text.lower())
        for j, ws in enumerate(words):
            for w in ws:
                if not inflect:
                    hit = w in tokens
                else:
                    options = forms.get(w, {w})
                    hit = any(token in options or _compound(token, w, options) for token in tokens)
                if hit:
                    out[row, j] = True
                    break
    return out


def _compound(token: str, word: str, options: frozenset[str] | set[str]) -> bool:
    for form in options:
        position = token.find(form)
        if position > 0 or (position == 0 and len(token) > len(form)):
            if compound_ok(word, token[:position], token[position + len(form):]):
                return True
    return False


def tfidf_lr(train: pd.DataFrame, y: np.ndarray, test: pd.DataFrame) -> np.ndarray:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    x_train = vectorizer.fit_transform(train["text"])
    x_test = vectorizer.transform(test["text"])
    out = np.zeros((len(test), y.shape[1]), dtype=bool)
    for j in range(y.shape[1]):
        if y[:, j].any() and not y[:, j].all():
            model = LogisticRegression(class_weight="balanced", max_iter=1000, random_state=0).fit(x_train, y[:, j])
            out[:, j] = model.predict(x_test).astype(bool)
    return out


def kvaleval_predictions(corpus: kv.Corpus, codebook: kv.Codebook, units: pd.DataFrame,
                         model: kv.ModelCoder | None) -> dict[str, np.ndarray]:
    sub = kv.Corpus(corpus.root, corpus.documents, units.reset_index(drop=True))
    codes = list(codebook.names)
    rules = kv.code(sub, codebook).codings
    result = {"regler": labels(units, rules, codes)}
    if model is not None:
        model_codings = model.codings(units)
        result["model"] = labels(units, model_codings, codes)
        result["regler+model"] = result["regler"] | result["model"]
    return result


def respondents(corpus: kv.Corpus, docs: set[str]) -> pd.DataFrame:
    segments = corpus.segments
    return segments[(segments["speaker_role"] == RESPONDENT) & segments["doc_id"].isin(docs)].reset_index(drop=True)


def report(title: str, rows: list[tuple[str, float, list[float]]], codes: list[str]) -> None:
    print(f"\n{title}")
    print(f"  {'metode':30s} {'makro-F1':>8s}  " + "  ".join(f"κ {c[:11]:>11s}" for c in codes) + "  min κ")
    for name, f1, kappa in rows:
        print(f"  {name:30s} {f1:8.3f}  " + "  ".join(f"{k:13.2f}" for k in kappa) + f"  {min(kappa):5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codebook", default=str(ROOT / "codebooks" / "vollsmose.yaml"))
    parser.add_argument("--no-curve", action="store_true", help="skip the learning curve")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    codebook = kv.read_codebook(args.codebook)
    codes = list(codebook.names)
    demo = kv.read_corpus(ROOT / "corpus")
    gold = kv.read_codings(ROOT / "codings" / "demo_gold.csv", segments=demo.segments)
    docs = sorted(demo.segments["doc_id"].unique())
    halves = (set(docs[::2]), set(docs[1::2]))

    # (1) demo, two-fold by document
    pooled: dict[str, list[np.ndarray]] = {}
    truth: list[np.ndarray] = []
    for train_docs, test_docs in (halves, halves[::-1]):
        train, test = respondents(demo, train_docs), respondents(demo, test_docs)
        y_train, y_test = labels(train, gold, codes), labels(test, gold, codes)
        model = kv.ModelCoder(codebook).fit(train, gold[gold["doc_id"].isin(train_docs)], units="all")
        predictions = {
            "keyword": keyword(test, codebook, inflect=False),
            "keyword+bøjning": keyword(test, codebook, inflect=True),
            "tfidf+LR": tfidf_lr(train, y_train, test),
            **kvaleval_predictions(demo, codebook, test, model),
        }
        for name, predicted in predictions.items():
            pooled.setdefault(name, []).append(predicted)
        truth.append(y_test)
    y_all = np.vstack(truth)
    report("Demo-korpus, to-delt krydsvalidering efter dokument (trænet på halvdelen af filerne):",
           [(name, *scores(y_all, np.vstack(parts))) for name, parts in pooled.items()], codes)

    if not args.no_curve:
        rows = []
        rng = np.random.default_rng(0)
        for size in SIZES:
            collected: dict[str, list[np.ndarray]] = {}
            for train_docs, test_docs in (halves, halves[::-1]):
                train_all, test = respondents(demo, train_docs), respondents(demo, test_docs)
                chosen = np.sort(rng.choice(len(train_all), size=min(size, len(train_all)), replace=False))
                train = train_all.iloc[chosen].reset_index(drop=True)
                model = kv.ModelCoder(codebook).fit(train, gold[gold["segment_id"].isin(train["segment_id"])],
                                                    units="all")
                for name, predicted in kvaleval_predictions(demo, codebook, test, model).items():
                    collected.setdefault(name, []).append(predicted)
            for name in ("model", "regler+model"):
                rows.append((f"{name} @ {size} ture", *scores(y_all, np.vstack(collected[name]))))
        rows.append(("regler (ingen træning)", *scores(y_all, np.vstack(pooled["regler"]))))
        report("Læringskurve på demo (træningsture udtrukket fra trænings-filerne, test på de andre filer):",
               rows, codes)

    # (2) other corpora by other authors and coders, trained on the whole demo; the held-out
    # corpus also with a model trained on the demo and the development corpus together
    train = respondents(demo, set(docs))
    model = kv.ModelCoder(codebook).fit(train, gold, units="all")
    more = _with_devset(train, gold, codebook)
    for folder, title in OTHER_CORPORA:
        extra = {"demo+udvikling": more} if folder == "heldout" and more is not None else {}
        other_report(ROOT / "benchmarks" / folder, title, codebook, train, labels(train, gold, codes), model, extra)
    for folder, title in DOMAINS:
        domain_report(ROOT / "benchmarks" / folder, title)


DOMAINS = [
    ("ungespor", "Andet domæne (Ungespor: unge uden uddannelse, egen kodebog skrevet af en anden; "
                 "fejlene læst i session 10), to-delt krydsvalidering efter dokument for tfidf og model:"),
    ("demens", "Tredje domæne (Demensvenlig kommune, egen kodebog skrevet af en anden; blind måling 0,567 "
               "i session 11, fejlene læst derefter), to-delt krydsvalidering efter dokument for tfidf og model:"),
    ("jobsundhed", "Fjerde domæne (Job og sundhed, egen kodebog skrevet af en anden; blind måling 0,56 i session "
                   "13, fejlene læst derefter), to-delt krydsvalidering efter dokument for tfidf og model:"),
]


def domain_report(folder: Path, title: str) -> None:
    """Every method on a corpus of another domain, with the codebook written for it; what learns from
    human codings is trained on half the files and tested on the other half, both ways."""
    if not (folder / "gold.csv").exists():
        return
    codebook = kv.read_codebook(folder / "codebook.yaml")
    codes = list(codebook.names)
    corpus = kv.read_corpus(folder / "corpus")
    gold = kv.read_codings(folder / "gold.csv", segments=corpus.segments)
    documents = sorted(corpus.segments["doc_id"].unique())
    folds = [set(documents[0::2]), set(documents[1::2])]
    test = respondents(corpus, set(documents))
    y = labels(test, gold, codes)
    predictions = {"keyword": keyword(test, codebook, inflect=False),
                   "keyword+bøjning": keyword(test, codebook, inflect=True),
                   **{name: np.zeros_like(y) for name in ("tfidf+LR", "regler", "model", "regler+model")}}
    for train_docs, test_docs in (folds, folds[::-1]):
        train, part = respondents(corpus, train_docs), respondents(corpus, test_docs)
        rows = test["segment_id"].isin(part["segment_id"]).to_numpy()
        model = kv.ModelCoder(codebook).fit(train, gold[gold["doc_id"].isin(train_docs)], units="all")
        predictions["tfidf+LR"][rows] = tfidf_lr(train, labels(train, gold, codes), part)
        for name, found in kvaleval_predictions(corpus, codebook, part, model).items():
            predictions[name][rows] = found
    report(title, [(name, *scores(y, predicted)) for name, predicted in predictions.items()], codes)


def _with_devset(train: pd.DataFrame, gold: pd.DataFrame, codebook: kv.Codebook) -> kv.ModelCoder | None:
    """A model trained on the demo and the development corpus (other authors, another coder)."""
    folder = ROOT / "benchmarks" / "devset"
    if not (folder / "gold.csv").exists():
        return None
    corpus = kv.read_corpus(folder / "corpus")
    dev_gold = kv.read_codings(folder / "gold.csv", segments=corpus.segments)
    units = pd.concat([train, respondents(corpus, set(corpus.segments["doc_id"]))], ignore_index=True)
    return kv.ModelCoder(codebook).fit(units, pd.concat([gold, dev_gold], ignore_index=True), units="all")


def other_report(folder: Path, title: str, codebook: kv.Codebook, train: pd.DataFrame, y_train: np.ndarray,
                 model: kv.ModelCoder, extra: dict[str, kv.ModelCoder]) -> None:
    """Every method on a corpus written and coded by others, the model trained on the demo (and
    ``extra`` models, named by what they were trained on)."""
    if not (folder / "gold.csv").exists():
        return
    codes = list(codebook.names)
    corpus = kv.read_corpus(folder / "corpus")
    gold = kv.read_codings(folder / "gold.csv", segments=corpus.segments)
    test = respondents(corpus, set(corpus.segments["doc_id"]))
    predictions = {
        "keyword": keyword(test, codebook, inflect=False),
        "keyword+bøjning": keyword(test, codebook, inflect=True),
        "tfidf+LR": tfidf_lr(train, y_train, test),
        **kvaleval_predictions(corpus, codebook, test, model),
    }
    for trained_on, other in extra.items():
        found = kvaleval_predictions(corpus, codebook, test, other)
        predictions.update({f"{name} ({trained_on})": found[name] for name in ("model", "regler+model")})
    report(title, [(name, *scores(labels(test, gold, codes), predicted)) for name, predicted in predictions.items()],
           codes)


if __name__ == "__main__":
    main()
