"""Table columns that hold names or contact data, known by their header."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Attribute columns that hold contact data or names (survey exports: Microsoft Forms' "Navn" and
# "Mail", Qualtrics' "RecipientEmail", "IPAddress"), by a word of their header -> what replaces a value.
_PERSONAL_HEADER_WORDS = {
    **dict.fromkeys(("navn", "name", "fornavn", "efternavn", "mellemnavn", "fuldenavn", "fullname", "firstname",
                     "lastname", "recipientfirstname", "recipientlastname"), "[navn]"),
    **dict.fromkeys(("email", "mail", "emailadresse", "mailadresse", "epost", "recipientemail"), "[e-mail]"),
    **dict.fromkeys(("telefon", "telefonnummer", "tlf", "tlfnr", "mobil", "mobilnummer", "phone"), "[telefon]"),
    **dict.fromkeys(("cpr", "cprnummer", "cprnr", "personnummer"), "[CPR]"),
    **dict.fromkeys(("adresse", "address", "bopæl"), "[adresse]"),
    **dict.fromkeys(("konto", "kontonummer", "kontonr", "bankkonto", "iban", "regnr", "registreringsnummer"),
                    "[kontonummer]"),
    **dict.fromkeys(("ip", "ipaddress", "ipadresse", "latitude", "longitude", "locationlatitude",
                     "locationlongitude", "breddegrad", "længdegrad", "fødselsdato", "fødselsdag",
                     "birthdate", "dateofbirth", "sagsnr", "sagsnummer", "journalnummer"), "[skjult]"),
}


def personal_column(header: str, values: Iterable[object] = ()) -> str | None:
    """The replacement for every value of a column that holds names or contact data, else None.

    A contact field is named in a few words (``Navn``, ``Dit navn (frivilligt)``, ``E-mail``). A
    question that mentions one (``Har du forslag til et nyt navn til legepladsen?``) asks for
    text, unless its ``values`` are as short as contact data (``Hvad er dit navn?``: ``Fatima``).

    >>> personal_column("E-mail"), personal_column("Respondentens navn"), personal_column("Alder")
    ('[e-mail]', '[navn]', None)
    """
    words = re.findall(r"[^\W\d_]+", re.sub(r"\([^()]*\)", "", header).casefold())  # "Dit navn (frivilligt)"
    replacement = next((_PERSONAL_HEADER_WORDS[candidate] for candidate in ("".join(words), *words)
                        if candidate in _PERSONAL_HEADER_WORDS), None)
    if replacement is None or (len(words) <= 3 and not header.rstrip().endswith("?")):
        return replacement
    texts = [value for value in values if isinstance(value, str) and value.strip()]  # read only here
    short = bool(texts) and sum(len(text.split()) for text in texts) <= 3 * len(texts)
    return replacement if short or _mostly_contact_data(texts) else None


def _mostly_contact_data(texts: list[str]) -> bool:
    """Do most answers hold an address, a phone number or an e-mail (``Hvad er din adresse?``:
    ``Parkvej 129, 8210 Aarhus V``)? Then the column is contact data, however many words it has."""
    from kvaleval.danish import says_nothing
    from kvaleval.privacy.patterns import find_shaped

    given = [text for text in texts if not says_nothing(text)]  # "Nej tak" to "Må vi kontakte dig?"
    return bool(given) and sum(any(True for _ in find_shaped(text)) for text in given) * 2 > len(given)
