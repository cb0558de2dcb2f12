"""Table columns that hold names or contact data, known by their header."""

from __future__ import annotations

import re

# Attribute columns that hold contact data or names (survey exports: Microsoft Forms' "Navn" and
# "Mail", Qualtrics' "RecipientEmail", "IPAddress"), by a word of their header -> what replaces a value.
_PERSONAL_HEADER_WORDS = {
    **dict.fromkeys(("navn", "name", "fornavn", "efternavn", "mellemnavn", "fuldenavn", "fullname", "firstname",
                     "lastname", "recipientfirstname", "recipientlastname"), "[navn]"),
    **dict.fromkeys(("email", "mail", "emailadresse", "mailadresse", "epost", "recipientemail"), "[e-mail]"),
    **dict.fromkeys(("telefon", "telefonnummer", "tlf", "tlfnr", "mobil", "mobilnummer", "phone"), "[telefon]"),
    **dict.fromkeys(("cpr", "cprnummer", "cprnr", "personnummer"), "[CPR]"),
    **dict.fromkeys(("adresse", "address", "bopæl"), "[adresse]"),
    **dict.fromkeys(("ip", "ipaddress", "ipadresse", "latitude", "longitude", "locationlatitude",
                     "locationlongitude", "breddegrad", "længdegrad"), "[skjult]"),
}


def personal_column(header: str) -> str | None:
    """The replacement for every value of a column that holds names or contact data, else None.

    >>> personal_column("E-mail"), personal_column("Respondentens navn"), personal_column("Alder")
    ('[e-mail]', '[navn]', None)
    """
    words = re.findall(r"[^\W\d_]+", header.casefold())
    for candidate in ("".join(words), *words):
        if candidate in _PERSONAL_HEADER_WORDS:
            return _PERSONAL_HEADER_WORDS[candidate]
    return None
