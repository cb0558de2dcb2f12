"""Progress bars on standard error (tqdm): a widget in a notebook that has ipywidgets, text elsewhere."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Any


def progress_bar(*args: Any, **kwargs: Any) -> Any:
    """A tqdm bar: ``tqdm.auto``'s notebook widget only where ipywidgets is installed, since without
    it ``tqdm.auto`` warns ("IProgress not found") before falling back to the text bar anyway."""
    if find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm(*args, **kwargs)


def per_second(count: float, seconds: float, unit: str) -> str:
    """``406 178 ord/s``: a space between thousands, so that it is read alike in Danish and English
    next to tqdm's own ``14.4k segm./s``."""
    return f"{count / max(seconds, 1e-9):,.0f} {unit}/s".replace(",", " ")
