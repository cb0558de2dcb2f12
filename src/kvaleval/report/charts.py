"""Charts as Display objects (scikit-learn's pattern): compute once, keep the numbers, ``.plot(ax=None)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.frames import ALL


def _axes(ax: Any) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt

    if ax is None:
        figure, ax = plt.subplots(figsize=(8, 4.5))
    else:
        figure = ax.figure
    return figure, ax


@dataclass
class ThemeShareDisplay:
    """Share of respondents per theme and group (percent); the groups' legend stands to the
    right of the axes, where it covers no bar or label."""

    shares: pd.DataFrame  # themes x groups, percent
    title: str = "Andel af respondenter, der udtrykker temaet"

    @classmethod
    def from_frequencies(cls, frequencies: pd.DataFrame, by: str | None = "respondent_group") -> ThemeShareDisplay:
        if by is None or by not in frequencies:
            shares = frequencies.set_index("label")[["percent"]].rename(columns={"percent": "Alle"})
        else:
            part = frequencies[frequencies[by] != ALL]
            shares = part.pivot_table(index="label", columns=by, values="percent", sort=False)
            shares = shares.loc[list(dict.fromkeys(part["label"]))]
        return cls(shares=shares)

    def plot(self, ax: Any = None) -> ThemeShareDisplay:
        figure, ax = _axes(ax)
        groups = list(self.shares.columns)
        x = np.arange(len(self.shares.index))
        width = 0.8 / max(len(groups), 1)
        for i, group in enumerate(groups):
            bars = ax.bar(x + i * width - 0.4 + width / 2, self.shares[group].to_numpy(), width, label=str(group))
            ax.bar_label(bars, fmt="%.0f", fontsize=8)
        ax.set_xticks(x, [str(label) for label in self.shares.index], rotation=15, ha="right")
        ax.set_ylabel("Procent af respondenter")
        ax.set_ylim(0, 110)
        ax.set_yticks(range(0, 101, 20))
        ax.set_title(self.title)
        if len(groups) > 1:  # outside the axes, right of them: over the bars it hid a "100" label
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        figure.tight_layout()
        self.figure_, self.ax_ = figure, ax
        return self


@dataclass
class CooccurrenceDisplay:
    """Heatmap of respondents who raise both themes."""

    matrix: pd.DataFrame
    labels: list[str]
    title: str = "Samforekomst af temaer (respondenter)"

    def plot(self, ax: Any = None) -> CooccurrenceDisplay:
        figure, ax = _axes(ax)
        values = self.matrix.to_numpy(dtype=float)
        image = ax.imshow(values, cmap="Blues")
        ax.set_xticks(range(len(self.labels)), self.labels, rotation=30, ha="right")
        ax.set_yticks(range(len(self.labels)), self.labels)
        for (i, j), value in np.ndenumerate(values):
            ax.text(j, i, f"{value:.0f}", ha="center", va="center",
                    color="white" if value > values.max() / 2 else "black")
        figure.colorbar(image, ax=ax, fraction=0.046)
        ax.set_title(self.title)
        figure.tight_layout()
        self.figure_, self.ax_ = figure, ax
        return self


@dataclass
class SupportDisplay:
    """Supporting respondents per conclusion (overall), with the minimum marked."""

    support: pd.DataFrame  # conclusion_id, respondents, respondents_total, min_respondents
    title: str = "Støtte til konklusionerne (respondenter)"

    def plot(self, ax: Any = None) -> SupportDisplay:
        figure, ax = _axes(ax)
        y = np.arange(len(self.support))
        ax.barh(y, self.support["respondents_total"], color="#dddddd", label="Respondenter i alt")
        ax.barh(y, self.support["respondents"], color="#3D5A80", label="Støtter")
        ax.scatter(self.support["min_respondents"], y, marker="|", s=300, color="#E07A5F", label="Minimum")
        ax.set_yticks(y, self.support["conclusion_id"])
        ax.invert_yaxis()
        ax.set_xlabel("Respondenter")
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
