"""Codebooks as REFI-QDA ``.qdc`` files, and the code tree shared with projects."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kvaleval.errors import Errors, ExchangeError, Texts, Warnings, os_error, warn
from kvaleval.records import Code, Codebook, CodeSet
from kvaleval.refi._archive import write_bytes
from kvaleval.refi._description import fold, fold_settings, unfold_checked, unfold_settings
from kvaleval.refi._xml import (
    NS_CODEBOOK,
    child,
    child_text,
    children,
    kept_guids,
    local,
    namespace_problem,
    norm_guid,
    normalise_color,
    parse_xml,
    root_element,
    text_element,
    to_bytes,
)
from kvaleval.refi._xml import element as make

MAX_QDC_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
"""Deeper code trees than this are not hand-made; refusing them bounds the work."""


def origin() -> str:
    """The ``origin`` kvaleval writes: name and version."""
    from kvaleval import __version__

    return f"kvaleval {__version__}"


def write_qdc(codebook: Codebook, path: str | Path) -> Path:
    """Write a codebook as a REFI-QDA ``.qdc`` file (atomically).

    Nested codes stay nested, colours are written as ``#RRGGBB``, and each code's
    definition, criteria, examples, terms, near cues and threshold are folded
    into its ``Description`` in a readable Danish layout that :func:`read_qdc`
    parses back. GUIDs are uuid5 of the codebook name and the code name, so the
    same codebook always gives the same file.

    Parameters
    ----------
    codebook : Codebook
        The codebook to write.
    path : str or Path
        The ``.qdc`` file to write; its folder is created if needed.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExchangeError
        If the file cannot be written, or a code is named ``kvaleval-ordlister`` (E612).

    Examples
    --------
    >>> import kvaleval as kv
    >>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")  # doctest: +SKIP
    >>> kv.write_qdc(codebook, "out/vollsmose.qdc")  # doctest: +SKIP
    """
    path = Path(path)
    refuse_reserved_names(codebook.names, path)
    root = root_element("CodeBook", NS_CODEBOOK, origin=origin())
    code_guids = add_codes(root, codebook, NS_CODEBOOK)
    add_code_sets(root, codebook, code_guids, path)
    write_bytes(path, to_bytes(root, NS_CODEBOOK))
    return path


def refuse_reserved_names(names: Iterable[str], path: Path) -> None:
    """Refuse a code named like the hidden code that carries the codebook's own fields: the two
    would share a GUID (an invalid project) and the user's code would be lost on reading.

    Raises
    ------
    ExchangeError
        E612, naming the code.
    """
    if SETTINGS_CODE in names:
        raise ExchangeError(Errors.E612.format(path=path, code=SETTINGS_CODE))


def add_codes(parent: ET.Element, codebook: Codebook, namespace: str, extra: Iterable[str] = ()) -> dict[str, str]:
    """Add ``<Codes>`` (nested) under ``parent``; returns code name -> GUID.

    ``extra`` names codes used in codings but absent from the codebook; they are
    added at the top level. Nothing is added when there are no codes at all (an
    empty ``<Codes/>`` is invalid).
    """
    codes = list(codebook.codes) + [Code(name=name) for name in extra if name not in codebook]
    ruled = any(code.terms or code.near or code.patterns for code in codes)
    # lexicons, lemma overrides, valence words and (where codes have rules another program could lose
    # with them) the codes as written ride along in a code that is never applied
    if fold_settings(codebook) or ruled:
        codes.append(Code(name=SETTINGS_CODE, codable=False))
    if not codes:
        return {}
    holder = make(parent, "CodeBook", namespace) if namespace != NS_CODEBOOK else parent
    container = make(holder, "Codes", namespace)
    nodes: dict[str, ET.Element] = {}
    names = {code.name for code in codes}
    guids = kept_guids({code.name: code.guid for code in codes}, "code", codebook.name)
    settings = fold_settings(codebook, {name: guid for name, guid in guids.items() if name != SETTINGS_CODE}
                             if ruled else None)
    for code in codes:
        node = make(
            None,
            "Code",
            namespace,
            guid=guids[code.name],
            name=_shown_name(code, names),
            isCodable="true" if code.codable else "false",
            color=normalise_color(code.color)[0],
        )
        description = settings if code.name == SETTINGS_CODE and settings else fold(code)
        if description:
            text_element(node, "Description", namespace, description)
        nodes[code.name] = node
    parents = {code.name: code.parent for code in codes}
    for code in codes:
        parent_node = nodes.get(code.parent or "") if _reaches_root(code.name, parents) else None
        (parent_node if parent_node is not None else container).append(nodes[code.name])
    return {name: node.get("guid", "") for name, node in nodes.items()}


def _shown_name(code: Code, names: set[str]) -> str:
    """The name as the other tool had it: a code read as ``Ledere/Positivt`` (a second
    ``Positivt``, made unique with its parent's name on import) is ``Positivt`` under ``Ledere``,
    and one read as ``Positivt (2)`` (a second ``Positivt`` at the top) is ``Positivt``."""
    name = code.name
    copy = _COPY.fullmatch(name)
    if copy is not None and copy["name"] in names:
        name = copy["name"]
    prefix = f"{code.parent}/" if code.parent else ""
    short = name.removeprefix(prefix) if prefix and name.startswith(prefix) else ""
    return short if short and short in names else name


_COPY = re.compile(r"(?P<name>.+) \((?P<number>[2-9]|[1-9]\d+)\)")
"""How :func:`_unique_name` tells a code from an earlier one of the same name: ``Positivt (2)``."""


def _reaches_root(name: str, parents: dict[str, str | None]) -> bool:
    """False for a code in a parent cycle (it is then written at the top level)."""
    seen = {name}
    current = parents.get(name)
    while current is not None and current in parents:
        if current in seen:
            return False
        seen.add(current)
        current = parents[current]
    return True


def read_qdc(path: str | Path) -> Codebook:
    """Read a REFI-QDA ``.qdc`` codebook.

    The codebook's name is the file name without suffix. Accepted besides the
    standard: the namespaces ``urn:QDA-XML:codebook:1:0`` (NVivo Mac) and
    ``…:0:4`` (ATLAS.ti) or none, an empty ``<Sets/>`` (Taguette), colours with
    an alpha channel or as ``rgb()`` (normalised to ``#RRGGBB``), codes without
    a name or ``isCodable``, and duplicate code names (made unique with the
    parent's name). Everything tolerated is reported in one warning. Code sets
    (``Sets``) are kept in ``Codebook.sets`` and written back by :func:`write_qdc`.

    Parameters
    ----------
    path : str or Path
        The ``.qdc`` file.

    Returns
    -------
    Codebook
        Codes depth-first with ``parent`` set; a kvaleval-written description
        gives back label, definition, criteria, examples, terms, near cues and
        threshold, any other description becomes the definition.

    Raises
    ------
    ExchangeError
        If the file is missing, not XML, declares a DTD or entities, or is not a codebook.
    """
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_QDC_BYTES:
            raise ExchangeError(Errors.E603.format(path=shown, member=path.name,
                                                   detail=Texts.size_mb.format(size=size // (1024 * 1024))))
        data = path.read_bytes()
    except OSError as err:
        raise ExchangeError(Errors.E611.format(path=shown, detail=os_error(err))) from None
    root = parse_xml(data, path=shown, member=path.name)
    if local(root) != "CodeBook":
        raise ExchangeError(Errors.E608.format(path=shown, member=path.name, kind=Texts.kind_qdc, root=local(root)))
    tolerated: list[str] = []
    problem = namespace_problem(root, "codebook")
    if problem:
        tolerated.append(problem)
    codes_element = child(root, "Codes")
    if codes_element is None or not list(children(codes_element, "Code")):
        raise ExchangeError(
            Errors.E608.format(
                path=shown,
                member=path.name,
                kind=Texts.kind_codebook_with_codes,
                root=Texts.codebook_without_codes,
            )
        )
    all_codes, guids = read_codes(codes_element, tolerated, codebook_name=path.stem)
    codes, settings = split_settings(all_codes, tolerated)
    written = settings.pop("codes", None)
    sets: list[CodeSet] = []
    for holder in children(root, "Sets"):
        if not list(holder):
            tolerated.append(Texts.refi_empty_sets)
        sets += [read_code_set(node, guids, tolerated) for node in children(holder, "Set")]
    if tolerated:
        warn(Warnings.W601.format(path=shown, items="; ".join(tolerated)))
    if written is not None:
        say_changes(written, guids, codes, shown)
    return Codebook(name=path.stem, codes=codes, path=shown, sha256=hashlib.sha256(data).hexdigest(),
                    sets=tuple(sets), **settings)


def say_changes(written: dict[str, str], guids: dict[str, str], codes: tuple[Code, ...], shown: str) -> None:
    """What another program did to a codebook kvaleval wrote with rules (``written``: its codes then,
    name -> GUID; ``guids``: GUID -> name now): codes renamed, and codes gone (merged into another or
    removed, their terms with them) (W650); codes added there without rules, which the rule coder
    never codes (W649). A code whose kvaleval fields no longer read is said in W601."""
    renamed = [f"{name} → {guids[guid]}" for name, guid in written.items() if guid in guids and guids[guid] != name]
    gone = [name for name, guid in written.items() if guid not in guids]
    if renamed or gone:
        warn(Warnings.W650.format(path=shown, renamed=renamed or "–", gone=gone or "–"))
    known = set(written.values())
    bare = [code.name for code in codes
            if code.codable and not (code.terms or code.near or code.patterns) and code.guid not in known]
    if bare:
        warn(Warnings.W649.format(path=shown, n=len(bare), codes=bare[:10]))


def read_code_set(node: ET.Element, guids: dict[str, str], tolerated: list[str]) -> CodeSet:
    """A code ``Set``: its members by code name. A ``.qdc`` names them with ``guid`` (Codebook.xsd),
    a project with ``targetGUID``; a member that is no code is left out and said."""
    name = node.get("name") or ""
    members = [norm_guid(member.get("guid") or member.get("targetGUID")) for member in children(node, "MemberCode")]
    unknown = [member for member in members if member not in guids]
    if unknown:
        tolerated.append(Texts.refi_code_set_unknown.format(name=name, n=len(unknown)))
    return CodeSet(name=name, codes=tuple(guids[member] for member in members if member in guids),
                   description=child_text(node, "Description"), guid=norm_guid(node.get("guid")) or None)


def add_code_sets(root: ET.Element, codebook: Codebook, code_guids: dict[str, str], path: Path) -> None:
    """A ``.qdc``'s ``<Sets>``: the codebook's code sets, their GUIDs kept; members no longer in the
    codebook are left out (W648)."""
    if not codebook.sets:
        return
    holder = make(root, "Sets", NS_CODEBOOK)
    guids = kept_guids({str(n): code_set.guid for n, code_set in enumerate(codebook.sets)}, "set", codebook.name)
    missing: dict[str, list[str]] = {}
    for n, code_set in enumerate(codebook.sets):
        node = make(holder, "Set", NS_CODEBOOK, guid=guids[str(n)], name=code_set.name)
        if code_set.description:
            text_element(node, "Description", NS_CODEBOOK, code_set.description)
        for code in code_set.codes:
            if code in code_guids:
                make(node, "MemberCode", NS_CODEBOOK, guid=code_guids[code])  # Codebook.xsd: guid, not targetGUID
            else:
                missing.setdefault(code_set.name, []).append(code)
    if missing:
        codes = [code for found in missing.values() for code in found]
        warn(Warnings.W648.format(path=path, sets=sorted(missing), n=len(codes), codes=codes[:5]))


SETTINGS_CODE = "kvaleval-ordlister"
"""The code (never applied) that carries a codebook's own fields through a .qdc or .qdpx file: its
label, lexicons, lemma overrides and valence words, which REFI-QDA has no place for."""


def split_settings(codes: tuple[Code, ...], tolerated: list[str]) -> tuple[tuple[Code, ...], dict[str, Any]]:
    """The codes without kvaleval's settings code, and the :class:`Codebook` fields it carries."""
    kept, settings = [], {}
    for code in codes:
        if code.name == SETTINGS_CODE and not code.codable and code.parent is None:
            try:
                settings = unfold_settings(code.definition)
            except (ValueError, TypeError, AttributeError):
                tolerated.append(Texts.refi_settings_code_foreign.format(code=SETTINGS_CODE))
            continue
        kept.append(code)
    return tuple(kept), settings


def read_codes(
    codes_element: ET.Element, tolerated: list[str], *, codebook_name: str
) -> tuple[tuple[Code, ...], dict[str, str]]:
    """The codes under ``<Codes>``, depth-first, and GUID -> code name.

    Raises
    ------
    ExchangeError
        If the tree is deeper than :data:`MAX_DEPTH`.
    """
    codes: list[Code] = []
    names: dict[str, str] = {}
    used: set[str] = set()
    stack: list[tuple[ET.Element, str | None, int]] = [
        (node, None, 0) for node in reversed(list(children(codes_element, "Code")))
    ]
    while stack:
        node, parent, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExchangeError(
                Errors.E608.format(
                    path=codebook_name,
                    member="Codes",
                    kind=Texts.kind_code_tree,
                    root=Texts.codes_nested.format(depth=MAX_DEPTH),
                )
            )
        name = _unique_name(node, parent, used, tolerated)
        color, note = normalise_color(node.get("color"))
        if note:
            tolerated.append(Texts.refi_code_colour.format(name=name, note=note))
        if node.get("isCodable") is None:
            tolerated.append(Texts.refi_no_is_codable.format(name=name))
        description = child(node, "Description")
        fields, unread = unfold_checked(description.text or "" if description is not None else "")
        if unread:
            tolerated.append(Texts.refi_description_unread.format(name=name, detail=unread))
        codable = (node.get("isCodable") or "true").strip().lower() not in ("false", "0")  # xs:boolean
        key = norm_guid(node.get("guid"))
        twice = key in names
        codes.append(Code(name=name, color=color, parent=parent, codable=codable,
                          guid=key if key and not twice else None, **fields))
        if twice:
            tolerated.append(Texts.refi_code_guid_twice.format(guid=key, first=names[key], name=name))
        elif key:
            names[key] = name
        stack.extend((sub, name, depth + 1) for sub in reversed(list(children(node, "Code"))))
    return tuple(codes), names


def _unique_name(node: ET.Element, parent: str | None, used: set[str], tolerated: list[str]) -> str:
    name = (node.get("name") or "").strip()
    if not name:
        name = f"kode {norm_guid(node.get('guid'))[:8] or len(used) + 1}"
        tolerated.append(Texts.refi_code_without_name.format(name=name))
    if name in used:
        candidate = f"{parent}/{name}" if parent else name
        number = 2
        while candidate in used:
            candidate = f"{parent + '/' if parent else ''}{name} ({number})"
            number += 1
        tolerated.append(Texts.refi_code_name_twice.format(name=name, candidate=candidate))
        name = candidate
    used.add(name)
    return name
