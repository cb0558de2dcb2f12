"""The review queue: the segments where one more human label teaches the model most."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kvaleval.errors import CodingError, Errors, Texts
from kvaleval.records import RESPONDENT

REVIEW_COLUMNS = ("segment_id", "doc_id", "speaker", "text", "priority", "reason")


def review_queue(segments: pd.DataFrame, codings: pd.DataFrame, model: object, n: int = 30) -> pd.DataFrame:
    """Rank the respondent segments not yet in the model's training data.

    The priority of a segment is, over the codes, the largest of: how close the
    model's probability is to the code's threshold (1 at the threshold, 0 half a
    probability away), weighted up for codes with few training examples; plus 0.5
    when the rules and the model disagree on a code.

    Returns
    -------
    DataFrame
        ``segment_id, doc_id, speaker, text, priority, reason`` for the ``n``
        highest priorities, highest first (ties in segment order).
    """
    units = segments[segments["speaker_role"] == RESPONDENT].reset_index(drop=True)
    trained = set(model.training_["segment_id"])  # type: ignore[attr-defined]
    if len(units) and units["segment_id"].isin(trained).all():
        raise CodingError(Errors.E308.format(n=len(units)))
    probabilities = model.predict_proba(segments)  # type: ignore[attr-defined]
    thresholds = model.thresholds_  # type: ignore[attr-defined]
    codes = model.codes_  # type: ignore[attr-defined]
    positives = model.training_[[f"_y_{c}" for c in codes]].sum().to_numpy()  # type: ignore[attr-defined]
    rarity = 1 / np.sqrt(positives + 1)
    rarity = rarity / rarity.max()
    closeness = np.clip(1 - np.abs(probabilities - thresholds) / 0.5, 0, 1) * (0.5 + 0.5 * rarity)
    rules = codings[codings["coder"] == "rules"]
    rule_sets = {code: set(rules.loc[rules["code"] == code, "segment_id"]) for code in codes}
    rows = []
    for i, segment in enumerate(units["segment_id"]):
        if segment in trained:
            continue
        model_says = probabilities[i] >= thresholds
        disagree = [c for j, c in enumerate(codes) if bool(model_says[j]) != (segment in rule_sets[c])]
        best = int(np.argmax(closeness[i]))
        priority = float(closeness[i, best]) + (0.5 if disagree else 0.0)
        reason = Texts.review_unsure.format(code=codes[best], p=probabilities[i, best], threshold=thresholds[best])
        if disagree:
            reason += Texts.review_disagree.format(codes=", ".join(disagree))
        rows.append((segment, units.at[i, "doc_id"], units.at[i, "speaker"], units.at[i, "text"],
                     round(priority, 4), reason, i))
    table = pd.DataFrame(rows, columns=[*REVIEW_COLUMNS, "_order"])
    table = table.sort_values(["priority", "_order"], ascending=[False, True], kind="stable").head(n)
    return table.drop(columns="_order").reset_index(drop=True)
