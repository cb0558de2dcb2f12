"""Charts as Display objects (scikit-learn's pattern): compute once, keep the numbers, ``.plot(ax=None)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.frames import ALL
from kvaleval.report.tables import own_values
from kvaleval.words import Words, number

MAX_THEMES = 25
"""Themes a chart shows at most, the most frequent, in codebook order: 155 pooled themes made
the heatmap a black block of 24,025 numbers and took a minute to draw. The tables hold them all."""
DASH = "–"
"""A number hidden by --small-cells, as the tables write it."""
MAX_CELL_LABELS = 12
"""Themes up to which the heatmap writes each cell's number (more are too small to read)."""


def _axes(ax: Any, size: tuple[float, float] = (8, 4.5)) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt

    if ax is None:
        figure, ax = plt.subplots(figsize=size)
    else:
        figure = ax.figure
    return figure, ax


def _most_frequent(weights: np.ndarray, top: int | None) -> np.ndarray:
    """Positions of the ``top`` largest weights (all when ``top`` is None), in their own order."""
    if top is None or len(weights) <= top:
        return np.arange(len(weights))
    return np.sort(np.argsort(-weights, kind="stable")[:top])


def _shown_title(title: str, shown: int, total: int) -> str:
    return title if shown == total else f"{title}\n{Words.chart_most_frequent.format(shown=shown, total=total)}"


@dataclass
class ThemeShareDisplay:
    """Share of respondents per theme and group (percent); the groups' legend stands to the
    right of the axes, where it covers no bar or label."""

    shares: pd.DataFrame  # themes x groups, percent
    title: str = field(default_factory=lambda: Words.chart_shares)

    @classmethod
    def from_frequencies(cls, frequencies: pd.DataFrame, by: str | None = "respondent_group") -> ThemeShareDisplay:
        if by is None or by not in frequencies:
            shares = frequencies.set_index("label")[["percent"]].rename(columns={"percent": Words.everyone})
        else:
            part = frequencies[frequencies[by] != ALL]
            shares = part.pivot_table(index="label", columns=by, values="percent", sort=False, dropna=False)
            shares = shares.loc[list(dict.fromkeys(part["label"]))]
            own = own_values()
            shares = shares.rename(columns=lambda group: own.get(group, group))
        return cls(shares=shares)

    def plot(self, ax: Any = None, *, top: int | None = MAX_THEMES) -> ThemeShareDisplay:
        """Bars per theme and group; ``top``: at most that many themes, those with the largest share."""
        keep = _most_frequent(self.shares.fillna(0).max(axis=1).to_numpy(dtype=float), top)
        shares = self.shares.iloc[keep]
        groups = list(shares.columns)
        size = (max(8.0, 0.3 * len(shares) * max(len(groups), 2)), 4.5 + 0.04 * max(0, len(shares) - 8))
        figure, ax = _axes(ax, size)
        x = np.arange(len(shares.index))
        width = 0.8 / max(len(groups), 1)
        for i, group in enumerate(groups):
            bars = ax.bar(x + i * width - 0.4 + width / 2, shares[group].to_numpy(), width, label=str(group))
            ax.bar_label(bars, fmt=percent_label, fontsize=8)
        ax.set_xticks(x, [str(label) for label in shares.index], rotation=15 if len(shares) <= 8 else 45, ha="right")
        ax.set_ylabel(Words.chart_shares_axis)
        ax.set_ylim(0, 110)
        ax.set_yticks(range(0, 101, 20))
        ax.set_title(_shown_title(self.title, len(shares), len(self.shares)))
        if len(groups) > 1:  # outside the axes, right of them: over the bars it hid a "100" label
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        figure.tight_layout()
        self.figure_, self.ax_ = figure, ax
        return self



def percent_label(value: float) -> str:
    """A bar's label as the tables write its share: ``62,5``, ``40`` (``%.0f`` gave 62 for 62,5
    but 38 for 37,5, rounding half to even, so the chart disagreed with the table)."""
    if np.isnan(value):  # hidden (--small-cells): no bar, and a dash as in the table
        return DASH
    return number(value).removesuffix(",0").removesuffix(".0")

@dataclass
class CooccurrenceDisplay:
    """Heatmap of respondents who raise both themes."""

    matrix: pd.DataFrame
    labels: list[str]
    title: str = field(default_factory=lambda: Words.chart_cooccurrence)

    def plot(self, ax: Any = None, *, top: int | None = MAX_THEMES) -> CooccurrenceDisplay:
        """The heatmap; ``top``: at most that many themes, those most respondents raise (the diagonal)."""
        everything = self.matrix.to_numpy(dtype=float)
        keep = _most_frequent(np.diagonal(everything), top)
        values = everything[np.ix_(keep, keep)]
        labels = [self.labels[i] for i in keep]
        side = max(4.5, 0.3 * len(labels) + 2)
        figure, ax = _axes(ax, (max(8.0, side + 3), side))
        image = ax.imshow(values, cmap="Blues")
        ax.set_xticks(range(len(labels)), labels, rotation=30 if len(labels) <= 8 else 60, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        if len(labels) <= MAX_CELL_LABELS:
            for (i, j), value in np.ndenumerate(values):
                ax.text(j, i, DASH if np.isnan(value) else f"{value:.0f}", ha="center", va="center",
                        color="white" if value > np.nanmax(values) / 2 else "black")
        figure.colorbar(image, ax=ax, fraction=0.046)
        ax.set_title(_shown_title(self.title, len(labels), len(self.labels)))
        figure.tight_layout()
        self.figure_, self.ax_ = figure, ax
        return self


@dataclass
class SupportDisplay:
    """Supporting respondents per conclusion (overall), with the minimum marked."""

    support: pd.DataFrame  # conclusion_id, respondents, respondents_total, min_respondents
    title: str = field(default_factory=lambda: Words.chart_support)

    def plot(self, ax: Any = None) -> SupportDisplay:
        figure, ax = _axes(ax)
        y = np.arange(len(self.support))
        ax.barh(y, self.support["respondents_total"], color="#dddddd", label=Words.chart_total)
        ax.barh(y, self.support["respondents"], color="#3D5A80", label=Words.chart_supporting)
        ax.scatter(self.support["min_respondents"], y, marker="|", s=300, color="#E07A5F", label=Words.chart_minimum)
        ax.set_yticks(y, self.support["conclusion_id"])
        ax.invert_yaxis()
        ax.set_xlabel(Words.chart_respondents)
        ax.set_title(self.title)
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
        figure.tight_layout()
        self.figure_, self.ax_ = figure, ax
        return self


def save(display: Any, stem: str) -> list[str]:
    """Save a plotted display as PNG and SVG (atomically); returns the file names written."""
    import matplotlib.pyplot as plt

    from kvaleval.report.atomic import atomic_path

    written = []
    for suffix in (".png", ".svg"):
        with atomic_path(stem + suffix) as temporary:
            display.figure_.savefig(temporary, format=suffix[1:], dpi=150, metadata=_metadata(suffix))
        written.append(stem + suffix)
    plt.close(display.figure_)
    return written


def _metadata(suffix: str) -> dict[str, Any]:
    # No dates in the files, so the same input gives byte-identical charts.
    return {"Date": None} if suffix == ".svg" else {"Software": "kvaleval"}
