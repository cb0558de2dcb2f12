"""XML for REFI-QDA: safe parsing, namespace variants, stable GUIDs, colours, writing.

Parsing goes through defusedxml with DTDs forbidden: REFI-QDA files never need a
DTD or an entity, so a file that declares one (XXE, billion laughs) is refused
with an error naming the archive member. Writing builds an ElementTree and
serialises it; nothing is assembled from strings.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping

from kvaleval.errors import Errors, ExchangeError, Texts, library_error

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = {
    NS_PROJECT: f"{NS_PROJECT} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd",
    NS_CODEBOOK: f"{NS_CODEBOOK} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd",
}
ACCEPTED_VERSIONS = ("1.0", "1:0", "0:4")
"""Namespace versions other tools write: the standard's 1.0, NVivo Mac's 1:0, ATLAS.ti's 0:4."""

GUID_NAMESPACE = uuid.UUID("5b0e7f52-8d0a-5c1e-9a57-6b76616c6576")
"""The uuid5 namespace of every GUID kvaleval writes (fixed: exports diff cleanly)."""

XML_INVALID = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
"""The characters XML 1.0 has no place for, as the inside of a regex character class."""
_INVALID_XML = re.compile(f"[{XML_INVALID}]")
_HEX = re.compile(r"#?([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)", re.I)


def guid(*parts: str) -> str:
    """A GUID derived from ``parts`` (uuid5): the same input gives the same GUID."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(parts)))


GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
"""A GUID as the schema allows it, after :func:`norm_guid` (lower case, no braces)."""


def kept_guids(read: Mapping[str, str | None], *parts: str) -> dict[str, str]:
    """key -> the GUID it was read with from another program's project (kept, so that the program
    knows its codes and sources again), else :func:`guid` of ``parts`` and the key; one GUID is never
    two keys' (a project kvaleval exported has uuid5s too, which a key's own may meet)."""
    guids: dict[str, str] = {}
    for key, found in read.items():  # the GUIDs read first
        if found and GUID.fullmatch(found) and found not in guids.values():
            guids[key] = found
    taken = set(guids.values())
    for key in read:
        if key not in guids:
            made, number = guid(*parts, key), 1
            while made in taken:
                number += 1
                made = guid(*parts, key, str(number))
            guids[key] = made
            taken.add(made)
    return {key: guids[key] for key in read}


def norm_guid(value: str | None) -> str:
    """GUIDs compare case-insensitively and without braces."""
    return (value or "").strip().strip("{}").lower()


def parse_xml(data: bytes, *, path: str, member: str) -> ET.Element:
    """Parse untrusted XML bytes; no DTD, no entities, no external references.

    Raises
    ------
    ExchangeError
        Naming ``member`` when the XML is malformed or declares a DTD or entities.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: ET.Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as err:
        raise ExchangeError(Errors.E606.format(path=path, member=member, detail=err)) from None
    except ET.ParseError as err:
        raise ExchangeError(Errors.E605.format(path=path, member=member, detail=library_error(err))) from None
    return root


def split_tag(tag: str) -> tuple[str | None, str]:
    """``{namespace}Local`` -> (namespace, Local)."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return None, tag


def local(element: ET.Element) -> str:
    return split_tag(element.tag)[1] if isinstance(element.tag, str) else ""


def children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """Direct children with this local name, whatever their namespace."""
    return (child for child in element if local(child) == name)


def child(element: ET.Element, name: str) -> ET.Element | None:
    return next(children(element, name), None)


def child_text(element: ET.Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "") if found is not None else ""


def namespace_problem(root: ET.Element, kind: str) -> str | None:
    """None for the standard namespace; else a description of what was tolerated."""
    namespace, _ = split_tag(root.tag)
    expected = f"urn:QDA-XML:{kind}:1.0"
    if namespace == expected:
        return None
    if namespace is None:
        return Texts.refi_no_namespace
    prefix = f"urn:QDA-XML:{kind}:"
    if namespace.startswith(prefix) and namespace[len(prefix) :] in ACCEPTED_VERSIONS:
        return Texts.refi_namespace_variant.format(namespace=namespace, expected=expected)
    return Texts.refi_namespace_unknown.format(namespace=namespace)


def normalise_color(value: str | None) -> tuple[str | None, str | None]:
    """A colour as ``#RRGGBB`` and, if it had to be changed beyond case, what was done.

    ``#RGB`` is expanded; ``#RRGGBBAA`` and ``#RGBA`` lose their alpha; ``rgb()``/``rgba()``
    become hex; anything else is dropped.
    """
    if value is None or not value.strip():
        return None, None
    text = value.strip()
    match = _HEX.fullmatch(text)
    if match:
        digits = match.group(1).upper()
        if len(digits) in (3, 4):  # CSS's short forms, #RGB and #RGBA
            digits = "".join(c * 2 for c in digits)
        note = None
        if len(digits) == 8:
            digits, note = digits[:6], Texts.refi_colour_alpha.format(value=value, digits=digits[:6])
        elif not text.startswith("#"):
            note = Texts.refi_colour_no_hash.format(value=value)
        return f"#{digits}", note
    match = _RGB.fullmatch(text)
    if match and all(int(part) <= 255 for part in match.groups()):
        hex_value = "#" + "".join(f"{int(part):02X}" for part in match.groups())
        return hex_value, Texts.refi_colour_rgb.format(value=value, hex=hex_value)
    return None, Texts.refi_colour_unknown.format(value=value)


def clean_text(text: str) -> str:
    """Text safe for XML 1.0: LF line ends, no control characters or lone surrogates."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID_XML.sub("\ufffd", text)


def element(parent: ET.Element | None, tag: str, namespace: str, **attributes: str | None) -> ET.Element:
    """An element with the attributes that are not None, in the order given.

    Elements are unqualified and the root declares ``xmlns`` (see :func:`root_element`):
    ElementTree cannot write a default namespace together with unqualified
    attributes, and every REFI attribute is unqualified. ``namespace`` documents
    which schema the element belongs to.
    """
    attrib = {name: clean_text(value) for name, value in attributes.items() if value is not None}
    if parent is None:
        return ET.Element(tag, attrib)
    return ET.SubElement(parent, tag, attrib)


def text_element(parent: ET.Element, tag: str, namespace: str, text: str) -> ET.Element:
    node = element(parent, tag, namespace)
    node.text = clean_text(text)
    return node


def root_element(tag: str, namespace: str, **attributes: str | None) -> ET.Element:
    """The root element with the schema location every REFI-QDA tool expects."""
    root = element(None, tag, namespace, xmlns=namespace, **attributes)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIONS[namespace])
    return root


def to_bytes(root: ET.Element, namespace: str) -> bytes:
    """UTF-8 XML without BOM, indented; ``namespace`` is the root's default namespace."""
    if root.get("xmlns") != namespace:
        raise ValueError(f"the root element must declare xmlns={namespace!r}")
    ET.indent(root, space="  ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
