"""Check a written ``.qdpx`` / ``.qdc`` beyond what the XSD can express.

The checks of ``refi-qda/NOTES.md`` §6: exact member names (``project.qde`` and
``sources/`` only), no BOM before ``<?xml``, unique GUIDs, every ``targetGUID``
and user reference resolving, every ``internal://`` file present, UTF-8 text
sources without BOM or CR, and every selection inside its source. With
``schema=`` (and ``xmlschema`` installed) the XML is validated against the
REFI-QDA XSD too.
"""

from __future__ import annotations

import codecs
import io
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from kvaleval.errors import Texts
from kvaleval.refi._archive import ProjectArchive
from kvaleval.refi._xml import NS_CODEBOOK, NS_PROJECT, local, norm_guid, parse_xml, split_tag

_USER_ATTRIBUTES = ("creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID")
_PATH_ATTRIBUTES = ("plainTextPath", "richTextPath", "path")


def check_qdpx(path: str | Path, *, schema: str | Path | None = None) -> list[str]:
    """Problems with a project file, as sentences; an empty list when it is sound.

    Parameters
    ----------
    path : str or Path
        The ``.qdpx`` to check.
    schema : str or Path, optional
        ``Project.xsd``; when given, the XML is validated against it (needs ``xmlschema``).

    Returns
    -------
    list of str
        One sentence per problem.

    Raises
    ------
    ExchangeError
        If the file is not a safe, readable zip.
    """
    problems: list[str] = []
    shown = str(path)
    with ProjectArchive(Path(path), shown=shown) as archive:
        names = archive.names
        qde = [name for name in names if name.lower().endswith(".qde")]
        if qde != ["project.qde"]:
            problems.append(Texts.check_qde_members.format(qde=qde))
        strays = [name for name in names if name != "project.qde" and not name.startswith("sources/")]
        if strays:
            problems.append(Texts.check_strays.format(strays=strays[:5]))
        if "project.qde" not in names:
            return problems
        data = archive.read("project.qde")
        root = parse_xml(data, path=shown, member="project.qde")
        problems += _xml_problems(data, root, schema, NS_PROJECT)
        problems += _reference_problems(root)
        problems += _source_problems(root, archive)
    return problems


def check_qdc(path: str | Path, *, schema: str | Path | None = None) -> list[str]:
    """Problems with a codebook file (see :func:`check_qdpx`); an empty list when it is sound."""
    data = Path(path).read_bytes()
    root = parse_xml(data, path=str(path), member=Path(path).name)
    problems = _xml_problems(data, root, schema, NS_CODEBOOK)
    problems += _reference_problems(root)
    return problems


def _xml_problems(data: bytes, root: ET.Element, schema: str | Path | None, namespace: str) -> list[str]:
    problems = []
    if data.startswith(codecs.BOM_UTF8):
        problems.append(Texts.check_bom)
    if not data.startswith(b"<?xml version=") or b"utf-8" not in data[:100].lower():
        problems.append(Texts.check_declaration)
    root_namespace = split_tag(root.tag)[0]
    if root_namespace != namespace:
        problems.append(Texts.check_namespace.format(found=root_namespace, expected=namespace))
    if schema is not None:
        try:
            import xmlschema
        except ImportError:
            return [*problems, Texts.check_no_xmlschema]
        validator = xmlschema.XMLSchema(str(schema))
        problems += [Texts.check_xsd.format(where=error.path, reason=error.reason)
                     for error in validator.iter_errors(io.BytesIO(data))]
    return problems


def _reference_problems(root: ET.Element) -> list[str]:
    problems = []
    owners = [node for node in root.iter() if node.get("guid") and local(node) != "MemberCode"]
    guids = Counter(norm_guid(node.get("guid")) for node in owners)
    duplicates = [guid for guid, count in guids.items() if count > 1]
    if duplicates:
        problems.append(Texts.check_guids_twice.format(guids=duplicates[:5]))
    users = {norm_guid(node.get("guid")) for node in owners if local(node) == "User"}
    for node in root.iter():
        reference = node.get("targetGUID") or (node.get("guid") if local(node) == "MemberCode" else None)
        if reference and norm_guid(reference) not in guids:
            problems.append(Texts.check_dangling.format(element=local(node), target=reference))
        for attribute in _USER_ATTRIBUTES:
            user = node.get(attribute)
            if user and norm_guid(user) not in users:
                problems.append(Texts.check_not_a_user.format(element=local(node), attribute=attribute, user=user))
    return problems


def _source_problems(root: ET.Element, archive: ProjectArchive) -> list[str]:
    problems = []
    for node in root.iter():
        for attribute in _PATH_ATTRIBUTES:
            value = node.get(attribute)
            if value and value.startswith("internal://") and f"sources/{value[11:]}" not in archive.names:
                problems.append(Texts.check_missing_member.format(value=value, member=value[11:]))
        if local(node) != "TextSource" or not (node.get("plainTextPath") or "").startswith("internal://"):
            continue
        member = f"sources/{node.get('plainTextPath', '')[11:]}"
        if member not in archive.names:
            continue
        data = archive.read(member)
        if data.startswith(codecs.BOM_UTF8):
            problems.append(Texts.check_member_bom.format(member=member))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Texts.check_member_not_utf8.format(member=member))
            continue
        if "\r" in text:
            problems.append(Texts.check_member_cr.format(member=member))
        for selection in node.iter():
            if local(selection) != "PlainTextSelection":
                continue
            start, end = (
                int(selection.get("startPosition", -1)),
                int(selection.get("endPosition", -1)),
            )
            if not 0 <= start <= end <= len(text):
                problems.append(Texts.check_selection_outside.format(
                    guid=selection.get("guid"), start=start, end=end, member=member, length=len(text)))
    return problems
