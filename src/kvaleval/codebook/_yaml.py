"""Safe YAML with line numbers: the data, and where each value sits in the file.

Codebooks and conclusions are human-edited, and may come from anywhere, so they
are read with PyYAML's safe loader only (``!!python/object`` and other Python
tags are refused), parsed once into a node tree that is checked before anything
is built from it: an alias bomb ("billion laughs"), a recursive alias, very deep
nesting or a huge file is refused with a clear message instead of exhausting
memory or the stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from kvaleval.errors import CodebookError, Errors, Texts, os_error

MAX_ALIASES = 100
"""More aliases than this is an alias bomb, not a hand-written codebook."""
MAX_NODES = 200_000
"""More values than this, once aliases are expanded, is not a hand-written codebook."""
MAX_DEPTH = 60
"""Deeper nesting than this is not a hand-written codebook (and would exhaust the stack)."""
MAX_BYTES = 10 * 1024 * 1024
"""A codebook larger than this is refused before it is parsed."""


class LocatedYaml:
    """Parsed YAML data plus its node tree, to find the line of a value by its path."""

    def __init__(self, data: Any, root: yaml.Node | None, lines: Sequence[str] = ()) -> None:
        self.data = data
        self.root = root
        self.lines = list(lines)

    def text_of(self, line: int | None) -> str:
        """The text of a 1-based line ("" if unknown)."""
        return self.lines[line - 1] if line is not None and 0 < line <= len(self.lines) else ""

    def written(self, location: Sequence[str | int]) -> str | None:
        """The text of the scalar at ``location`` as the file writes it (``1.10``, which loads as 1.1)."""
        node = self.root
        for key in location:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                node = node.value[key]
            else:
                return None
        return node.value if isinstance(node, yaml.ScalarNode) else None

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
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(key, int)
                and 0 <= key < len(node.value)
            ):
                node = node.value[key]
            else:
                break
            line = node.start_mark.line + 1
        return line


def load_yaml(path: Path, *, shown: str) -> LocatedYaml:
    """Load a YAML file with the safe loader only, refusing bombs and deep nesting.

    Parameters
    ----------
    path : Path
        The YAML file (UTF-8, with or without BOM).
    shown : str
        The file as named in messages.

    Returns
    -------
    LocatedYaml
        The data and its node tree.

    Raises
    ------
    CodebookError
        E202 for anything that is not safe, well-formed YAML of a sane size,
        with the line where there is one.
    """
    text = _read_text(path, shown)
    loader: yaml.SafeLoader | None = None
    try:
        loader = _SAFE_LOADER(text)
        root = loader.get_single_node()
        if root is not None:
            _check_size(root, shown)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        detail = err.problem or _one_line(err)
        if err.context_mark is not None and "quoted scalar" in (err.context or ""):
            # "found unexpected end of stream" at the last line: the quote that never closes is the news
            mark, detail = err.context_mark, Texts.yaml_unclosed_quote
        elif (err.context_mark is not None and (err.context or "").startswith("while parsing a flow")
              and err.problem_mark is not None and err.problem_mark.line > err.context_mark.line):
            mark, detail = err.context_mark, Texts.yaml_unclosed_flow.format()
        line = mark.line + 1 if mark is not None else "?"
        lines = text.splitlines()
        if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
            detail = Texts.yaml_tab
        if "tag:yaml.org,2002:python/" in detail:
            detail = Texts.yaml_python_tag
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=line)) from None
    except yaml.YAMLError as err:
        detail, line = _one_line(err), _error_line(err, text)
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=line)) from None
    except RecursionError:
        detail = Texts.yaml_too_deep
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line="?")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return LocatedYaml(data, root, text.splitlines())


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (about 10x faster), the same safe constructor either way."""


def _read_text(path: Path, shown: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            detail = Texts.yaml_too_large.format(limit=MAX_BYTES // (1024 * 1024))
            raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=1))
        data = path.read_bytes()
    except OSError as err:
        detail = Texts.yaml_unreadable.format(error=os_error(err))
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line="?")) from err
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        detail = Texts.yaml_not_utf8
        raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=line)) from err


def _check_size(root: yaml.Node, shown: str) -> None:
    """Refuse alias bombs, recursive aliases and deep nesting before constructing anything.

    Aliases point at the same node object, so the expanded size of each node is
    counted once per distinct node (memoised), without expanding anything.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    seen: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        nonlocal aliases
        key = id(node)
        if key in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                _refuse(shown, node, Texts.yaml_aliases.format(limit=MAX_ALIASES))
        if key in on_path:
            _refuse(shown, node, Texts.yaml_alias_loop)
        if key in sizes:
            return sizes[key]
        if depth > MAX_DEPTH:
            _refuse(shown, node, Texts.yaml_nested.format(limit=MAX_DEPTH))
        seen.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            _check_duplicate_keys(node, shown)
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            on_path.add(key)
            children = (
                node.value if isinstance(node, yaml.SequenceNode)
                else [item for pair in node.value for item in pair]
            )
            for child in children:
                total += size(child, depth + 1)
                if total > MAX_NODES:
                    _refuse(shown, node, Texts.yaml_alias_bomb.format(limit=f"{MAX_NODES:,}".replace(",", " ")))
            on_path.discard(key)
        sizes[key] = total
        return total

    size(root, 0)


def _refuse(shown: str, node: yaml.Node, detail: str) -> None:
    line = node.start_mark.line + 1
    raise CodebookError(Errors.E202.format(path=shown, detail=detail, line=line))


def _check_duplicate_keys(node: yaml.MappingNode, shown: str) -> None:
    """YAML keeps the last of two equal keys silently; a codebook that has them loses the first."""
    first: dict[str, yaml.Node] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in first:
                line = first[key.value].start_mark.line + 1
                _refuse(shown, key, Texts.yaml_key_twice.format(key=key.value, line=line))
            first[key.value] = key


def _error_line(err: yaml.YAMLError, text: str) -> int | str:
    """The line of a reader error (a character YAML does not allow), from its position."""
    position = getattr(err, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1
    return "?"


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200]
