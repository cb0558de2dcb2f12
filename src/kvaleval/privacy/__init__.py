"""Personal data: pseudonymise names, CPR numbers, phone numbers, e-mails and addresses.

Every quote, table cell and report kvaleval exports goes through :class:`Pseudonymiser`
by default; :func:`pseudonymise` is the same for one string. Replacements are in square
brackets and say what was there: ``[navn]`` (or the respondent's pseudonym, such as
``[borger 3]``), ``[CPR]``, ``[telefon]``, ``[e-mail]``, ``[adresse]``.
"""

from kvaleval.privacy.patterns import KINDS, REPLACEMENTS
from kvaleval.privacy.pseudonymiser import REPORT_COLUMNS, Pseudonymiser, pseudonymise
from kvaleval.privacy.pseudonyms import read_pseudonyms
from kvaleval.privacy.suppression import suppress_small

__all__ = [
    "KINDS",
    "REPLACEMENTS",
    "REPORT_COLUMNS",
    "Pseudonymiser",
    "pseudonymise",
    "read_pseudonyms",
    "suppress_small",
]
