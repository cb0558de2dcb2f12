"""A model coder that learns from human codings what the rules cannot see.

Stacking: the features are the segment's words (Danish lemmas, word 1–2-grams),
character 3–5-grams within words (so compounds share features with their parts),
the question it answered, and the rule coder's evidence per theme. One logistic
regression per code gives a probability; each code's threshold is tuned on
out-of-fold predictions (grouped by document, so a document never predicts
itself). With ``combine="union"`` (the default, matching ``kv.code(..., model=...)``,
which keeps the rules' codings and adds the model's), the threshold maximises F1
of rules ∪ model; with ``combine="model"`` of the model alone.

The estimator follows scikit-learn's contract: ``__init__`` stores parameters,
``fit`` returns ``self``, fitted state ends in ``_``, ``random_state`` seeds
everything. Nothing is pickled: :meth:`ModelCoder.to_json` stores the parameters
and the training codings, and :meth:`ModelCoder.from_json` refits (seconds).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from kvaleval.coding.rules import RuleCoder
from kvaleval.danish import lemma_table
from kvaleval.errors import CodingError, Errors, Texts, os_error
from kvaleval.frames import CODING_COLUMNS, empty_codings, require_columns
from kvaleval.records import RESPONDENT, Codebook

if TYPE_CHECKING:
    from kvaleval.coding.human import HumanCodings

MACHINE_CODERS = frozenset({"rules", "model"})
_TOKEN = re.compile(r"[^\W\d_]+")


def lemmas(text: str) -> list[str]:
    """Lower-cased tokens mapped to their Danish lemma (the analyzer of the word features)."""
    table = lemma_table()
    return [table.get(token, token) for token in _TOKEN.findall(text.lower())]


class ModelCoder(BaseEstimator):
    """Learns one probability per code from human codings, stacked on the rule coder's evidence.

    Parameters
    ----------
    codebook : Codebook, optional
        Gives the codes and the rule coder; without it the codes come from the
        training codings and no rule features are used.
    C : float
        Inverse regularisation strength of the logistic regressions.
    use_rules : bool
        Use the rule coder's per-theme evidence as features (stacking).
    use_question : bool
        Use the words of the question a segment answered.
    combine : {"union", "model"}
        What the thresholds are tuned for (see the module docstring).
    cv : int
        Folds (grouped by document) for the out-of-fold threshold tuning.
    random_state : int
        Seed for the solvers and folds.
    """

    def __init__(
        self,
        codebook: Codebook | None = None,
        *,
        C: float = 2.0,
        use_rules: bool = True,
        use_question: bool = True,
        combine: str = "union",
        cv: int = 5,
        random_state: int = 0,
    ) -> None:
        self.codebook = codebook
        self.C = C
        self.use_rules = use_rules
        self.use_question = use_question
        self.combine = combine
        self.cv = cv
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------------

    def fit(
        self,
        segments: pd.DataFrame,
        codings: pd.DataFrame | HumanCodings,
        *,
        units: str = "coded_documents",
    ) -> ModelCoder:
        """Learn from the human codings of the respondent segments of the coded documents.

        Parameters
        ----------
        segments : DataFrame
            A segment table.
        codings : DataFrame or HumanCodings
            Human codings (rows by the coders ``rules`` and ``model`` are ignored).
            From :func:`kvaleval.read_human_codings`, a coding sheet's turns are
            the units of its coder (a review sheet of 30 turns trains on those 30).
        units : {"coded_documents", "all"}
            The training units: the turns a coding sheet listed and, for codings
            without a sheet, the respondent segments of every document with at
            least one human coding (a coded document is taken to be coded in full:
            its uncoded segments are negatives); or every respondent segment given.
        """
        from kvaleval.coding.human import unpack

        require_columns(segments, ["segment_id", "doc_id", "speaker_role", "text"])
        codings, seen, _, _ = unpack(codings)
        require_columns(codings, ["segment_id", "code"])
        if self.combine not in ("union", "model"):
            raise CodingError(Errors.E301.format(method=f"combine={self.combine}", methods="union, model"))
        human = codings[~codings.get("coder", pd.Series("", index=codings.index)).isin(MACHINE_CODERS)]
        everything = units == "all"
        sheets = {coder: ids for coder, ids in seen.items() if coder not in MACHINE_CODERS}
        table = self._units(segments, human, sheets, everything=everything)
        self.codes_ = list(self.codebook.names) if self.codebook is not None else sorted(human["code"].unique())
        y = self._labels(table, human)
        self.training_ = table.assign(**{f"_y_{c}": y[:, j] for j, c in enumerate(self.codes_)})
        self.rules_ = self._rule_coder()
        rule_block, rules_coded = self._rule_features(table)
        groups = table["doc_id"].to_numpy()
        probabilities = self._out_of_fold(table, y, groups, rule_block)
        self.thresholds_ = np.array([
            _best_threshold(y[:, j], probabilities[:, j], rules_coded[:, j] if self._union else None)
            for j in range(len(self.codes_))
        ])
        self._fit_full(table, y, rule_block)
        return self

    def _units(self, segments: pd.DataFrame, human: pd.DataFrame, sheets: dict[str, set[str]], *,
               everything: bool) -> pd.DataFrame:
        """Every respondent segment, or those of the sheets and of the documents coded without one."""
        without = human[~human["coder"].astype(str).isin(sheets)] if "coder" in human else human
        coded_docs = set(without["doc_id"]) if "doc_id" in without else set(
            segments.loc[segments["segment_id"].isin(without["segment_id"]), "doc_id"])
        listed = set().union(*sheets.values())
        units = segments[segments["speaker_role"] == RESPONDENT]
        if not everything:
            units = units[units["doc_id"].isin(coded_docs) | units["segment_id"].isin(listed)]
        if units.empty:
            raise CodingError(Errors.E305.format(n=0))
        return units.reset_index(drop=True)

    def _labels(self, units: pd.DataFrame, human: pd.DataFrame) -> np.ndarray:
        index = {segment: i for i, segment in enumerate(units["segment_id"])}
        y = np.zeros((len(units), len(self.codes_)), dtype=bool)
        for segment, code in zip(human["segment_id"], human["code"], strict=True):
            if segment in index and code in self.codes_:
                y[index[segment], self.codes_.index(code)] = True
        return y

    def _out_of_fold(self, units: pd.DataFrame, y: np.ndarray, groups: np.ndarray,
                     rule_block: np.ndarray | None) -> np.ndarray:
        probabilities = np.zeros(y.shape, dtype=float)
        folds = min(self.cv, len(set(groups)))
        if folds < 2:
            return probabilities + 0.5
        for train, test in GroupKFold(n_splits=folds).split(units, groups=groups):
            features = self._fit_features(units.iloc[train])
            x_train = self._transform(units.iloc[train], features, _rows(rule_block, train))
            x_test = self._transform(units.iloc[test], features, _rows(rule_block, test))
            for j in range(len(self.codes_)):
                probabilities[test, j] = self._fit_one(x_train, y[train, j]).predict_proba(x_test)[:, 1] \
                    if y[train, j].any() and not y[train, j].all() else float(y[train, j].mean())
        return probabilities

    def _fit_full(self, units: pd.DataFrame, y: np.ndarray, rule_block: np.ndarray | None) -> None:
        self.features_ = self._fit_features(units)
        x = self._transform(units, self.features_, rule_block)
        self.estimators_ = [
            self._fit_one(x, y[:, j]) if y[:, j].any() and not y[:, j].all() else None
            for j in range(len(self.codes_))
        ]
        self.priors_ = y.mean(axis=0)

    def _fit_one(self, x: sp.spmatrix, y: np.ndarray) -> LogisticRegression:
        model = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear",
                                   random_state=self.random_state, max_iter=1000)
        return model.fit(x, y)

    # -- features ------------------------------------------------------------------------------

    def _fit_features(self, units: pd.DataFrame) -> dict[str, Any]:
        texts = units["text"].tolist()
        words = TfidfVectorizer(analyzer=lemmas, ngram_range=(1, 1), sublinear_tf=True, min_df=1).fit(texts)
        bigrams = TfidfVectorizer(tokenizer=lemmas, token_pattern=None, lowercase=False, ngram_range=(2, 2),
                                  sublinear_tf=True, min_df=2).fit(texts) if len(texts) > 20 else None
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2,
                                max_features=40000).fit(texts) if len(texts) > 20 else None
        questions = None
        if self.use_question and "question" in units:
            asked = [q if isinstance(q, str) else "" for q in units["question"]]
            if any(asked) and len(asked) > 20:  # as the bigrams: min_df=2 needs some units
                questions = TfidfVectorizer(analyzer=lemmas, sublinear_tf=True, min_df=2).fit(asked)
        return {"words": words, "bigrams": bigrams, "chars": chars, "questions": questions}

    def _transform(self, units: pd.DataFrame, features: dict[str, Any],
                   rule_block: np.ndarray | None = None) -> sp.csr_matrix:
        texts = units["text"].tolist()
        blocks = [features["words"].transform(texts)]
        if features["bigrams"] is not None:
            blocks.append(features["bigrams"].transform(texts))
        if features["chars"] is not None:
            blocks.append(0.5 * features["chars"].transform(texts))
        if features["questions"] is not None:
            asked = [q if isinstance(q, str) else "" for q in units.get("question", [""] * len(units))]
            blocks.append(0.5 * features["questions"].transform(asked))
        if self.use_rules and self.codebook is not None:
            if rule_block is None:
                rule_block = self._rule_features(units)[0]
            blocks.append(sp.csr_matrix(rule_block))
        return sp.hstack(blocks, format="csr")

    def _rule_coder(self) -> RuleCoder | None:
        if self.codebook is None:
            return None
        from kvaleval.analyse.quotes import rule_coder

        return rule_coder(self.codebook)

    def _rule_scores(self, units: pd.DataFrame) -> Any:
        coder = self._rule_coder()
        assert coder is not None
        questions = [q if isinstance(q, str) else None for q in units.get("question", [None] * len(units))]
        return coder.score(units["text"].tolist(), questions)

    def _rule_features(self, units: pd.DataFrame) -> tuple[np.ndarray | None, np.ndarray]:
        """The rule coder's evidence (relative to each threshold) and decisions, per unit and code."""
        if self.codebook is None:
            return None, np.zeros((len(units), len(self.codes_)), dtype=bool)
        scores = self._rule_scores(units)
        ratio = np.clip(scores.evidence / scores.thresholds, -1.0, 3.0)
        coded = np.column_stack([scores.coded[:, self.codebook.names.index(c)] for c in self.codes_])
        return np.hstack([ratio, scores.coded.astype(float)]), coded

    @property
    def _union(self) -> bool:
        return self.combine == "union" and self.codebook is not None

    # -- prediction ----------------------------------------------------------------------------

    def predict_proba(self, segments: pd.DataFrame) -> np.ndarray:
        """Probability per respondent segment (rows in table order) and code (``codes_`` order)."""
        self._check_fitted()
        units = segments[segments["speaker_role"] == RESPONDENT]
        if units.empty:
            return np.zeros((0, len(self.codes_)))
        x = self._transform(units, self.features_)
        return np.column_stack([
            model.predict_proba(x)[:, 1] if model is not None else np.full(x.shape[0], prior)
            for model, prior in zip(self.estimators_, self.priors_, strict=True)
        ])

    def predict(self, segments: pd.DataFrame) -> np.ndarray:
        """Coded or not, per respondent segment and code, with the tuned thresholds."""
        return self.predict_proba(segments) >= self.thresholds_

    def codings(self, segments: pd.DataFrame) -> pd.DataFrame:
        """The model's codings (coder ``model``), with valence from the rule coder's evaluative words."""
        units = segments[segments["speaker_role"] == RESPONDENT].reset_index(drop=True)
        probabilities = self.predict_proba(segments)
        rows, columns = np.nonzero(probabilities >= self.thresholds_)
        if len(rows) == 0:
            return empty_codings()
        texts = units["text"].tolist()
        records = []
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            code = self.codes_[column]
            valence = ""
            if self.rules_ is not None and self.codebook is not None:
                valence = self.rules_.valence_of(texts[row], self.codebook.names.index(code))
            records.append((units.at[row, "segment_id"], units.at[row, "doc_id"], code, "model",
                            round(float(probabilities[row, column]), 4), valence,
                            f"model: sandsynlighed {probabilities[row, column]:.2f} "
                            f"(tærskel {self.thresholds_[column]:.2f})"))
        return pd.DataFrame.from_records(records, columns=list(CODING_COLUMNS))

    def _check_fitted(self) -> None:
        if not hasattr(self, "estimators_"):
            raise NotFittedError(Errors.E310)

    # -- persistence without pickles --------------------------------------------------------------

    def to_json(self, path: str | Path) -> None:
        """Store the parameters and the training data (text, question, labels) as JSON."""
        self._check_fitted()
        from kvaleval.report.atomic import write_text

        training = self.training_
        data = {
            "kvaleval_model": 1,
            "params": {k: v for k, v in self.get_params().items() if k != "codebook"},
            "codebook": _codebook_reference(self.codebook),
            "codes": self.codes_,
            "units": [
                {"segment_id": r["segment_id"], "doc_id": r["doc_id"], "text": r["text"],
                 "question": r["question"] if isinstance(r.get("question"), str) else None,
                 "codes": [c for c in self.codes_ if r[f"_y_{c}"]]}
                for r in training.to_dict("records")
            ],
        }
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1))

    @classmethod
    def from_json(cls, path: str | Path, *, codebook: Codebook | None = None) -> ModelCoder:
        """Refit a model stored with :meth:`to_json` (same parameters, same training data).

        Parameters
        ----------
        path : str or Path
            The model file.
        codebook : Codebook, optional
            The codebook the model was trained with. Default: the codebook file the
            model names (its absolute path), if it is unchanged (same SHA-256); the
            rule features need it, so without it the model would code differently.

        Raises
        ------
        CodingError
            If the file is missing or is not a model written by :meth:`to_json`, or
            the model was trained with a codebook that is not given and whose file
            is missing or has changed.
        """
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            units = pd.DataFrame(data["units"]).assign(speaker_role=RESPONDENT)
            codings = pd.DataFrame(
                [(u["segment_id"], u["doc_id"], code) for u in data["units"] for code in u["codes"]],
                columns=["segment_id", "doc_id", "code"],
            ).assign(coder="gemt")
            params = dict(data["params"])
        except OSError as err:
            raise CodingError(Errors.E307.format(path=path, detail=os_error(err))) from err
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            detail = Texts.not_model_file.format(error=f"{type(err).__name__}: {str(err)[:80]}")
            raise CodingError(Errors.E307.format(path=path, detail=detail)) from err
        if codebook is None and data.get("codebook") is not None:
            codebook = _stored_codebook(path, data["codebook"])
        model = cls(codebook=codebook, **params)
        return model.fit(units, codings, units="all")


def _codebook_reference(codebook: Codebook | None) -> dict[str, str] | None:
    """Where the codebook file is (absolute) and its SHA-256, so that from_json can load it again."""
    if codebook is None:
        return None
    file = Path(codebook.path).resolve() if codebook.path else None
    digest = _sha256(file) if file is not None and file.is_file() else ""
    return {"path": str(file) if file is not None else "", "sha256": digest}


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stored_codebook(model: str | Path, stored: Any) -> Codebook:
    """The codebook a model file names, if its file is there and unchanged."""
    from kvaleval.codebook import read_codebook

    if isinstance(stored, str):  # files written before the hash was stored
        stored = {"path": stored, "sha256": ""}
    file = Path(stored.get("path") or "")
    if not stored.get("path") or not file.is_file():
        raise CodingError(Errors.E849.format(path=model, codebook=stored.get("path") or Texts.not_stored,
                                             problem=Texts.model_codebook_missing))
    if not stored.get("sha256") or _sha256(file) != stored["sha256"]:
        problem = Texts.model_codebook_changed if stored.get("sha256") else Texts.model_codebook_no_checksum
        raise CodingError(Errors.E849.format(path=model, codebook=file, problem=problem))
    return read_codebook(file)


def _rows(block: np.ndarray | None, rows: np.ndarray) -> np.ndarray | None:
    return None if block is None else block[rows]


def _best_threshold(y: np.ndarray, probabilities: np.ndarray, rules: np.ndarray | None) -> float:
    """The threshold on out-of-fold probabilities with the best F1 (of rules ∪ model when rules are given)."""
    if not y.any():
        return 1.01
    candidates = np.unique(np.round(probabilities, 4))
    best, best_f1 = 1.01, -1.0
    base = rules if rules is not None else np.zeros_like(y)
    for threshold in np.concatenate([candidates, [1.01]]):
        predicted = base | (probabilities >= threshold)
        tp = int((predicted & y).sum())
        f1 = 2 * tp / (predicted.sum() + y.sum()) if (predicted.sum() + y.sum()) else 0.0
        if f1 > best_f1 + 1e-12:
            best, best_f1 = float(threshold), f1
    return best

