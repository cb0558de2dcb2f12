"""Safe YAML with line numbers: the data, and where each value sits in the file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from kvaleval.errors import CodebookError, Errors

MAX_ALIASES = 100
"""More aliases than this is an alias bomb, not a hand-written codebook."""


class LocatedYaml:
    """Parsed YAML data plus its node tree, to find the line of a value by its path."""

    def __init__(self, data: Any, root: yaml.Node | None) -> None:
        self.data = data
        self.root = root

    def line(self, location: Sequence[str | int]) -> int | None:
        """1-based line of the value at ``location`` (the deepest node found on the way)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in location:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
                if match is None:
                    break
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                break
            line = node.start_mark.line + 1
        return line


def load_yaml(path: Path, *, shown: str) -> LocatedYaml:
    """Load a YAML file with the safe loader only (no Python tags), refusing alias bombs."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CodebookError(
            Errors.E202.format(path=shown, detail="the file is not UTF-8; save it as UTF-8", line=1)
        ) from err
    try:
        aliases = sum(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader))
        if aliases > MAX_ALIASES:
            raise CodebookError(
                Errors.E202.format(path=shown, detail=f"{aliases} aliases (*) — not a codebook", line=1)
            )
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else "?"
        detail = err.problem or str(err)
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=line)) from err
    except yaml.YAMLError as err:
        raise CodebookError(Errors.E202.format(path=shown, detail=err, line="?")) from err
    return LocatedYaml(data, root)
