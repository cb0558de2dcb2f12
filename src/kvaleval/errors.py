"""The catalogue of kvaleval's errors and warnings, and its exception classes.

Every message says what happened (file, line, field where there is one) and what
to do next. Codes are never reused. Ranges by area, so parts built at different
times do not collide:

====== ==========================================
range  area
====== ==========================================
0xx    reading sources, corpus, metadata
1xx    segmenting (speaker turns)
2xx    codebook and conclusions
3xx    rule coder, coded result
4xx    analysis tables and evidence
5xx    report writing (xlsx, csv, md, charts)
6xx    REFI-QDA exchange (qdpx, qdc)
7xx    personal data (pseudonymisation)
8xx    human coding sheets, agreement, model coder
9xx    command line
====== ==========================================
"""

from __future__ import annotations

import warnings


class _CodedMessages(type):
    """Prefix every message attribute with its code, as spaCy's catalogue does."""

    def __getattribute__(cls, code: str) -> str:
        message = type.__getattribute__(cls, code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {message}"
        return message


class Warnings(metaclass=_CodedMessages):
    W001 = "Skipped {path}: {reason}"
    W002 = "{path}: the file has no row in metadata.csv; it is read without attributes."
    W003 = ("metadata.csv names {path}, which is not in the corpus folder; "
            "the row is ignored. Check the file name in the 'file' column.")
    W004 = ("{path}: read as {encoding}, which is a guess; check æ, ø and å in the "
            "segment table. Save the file as UTF-8 to be sure.")
    W005 = "metadata.csv has {n} rows for {path}; the first one is used."
    W006 = ("{path}: {n} cells hold formulas; their cached values were read and "
            "nothing was evaluated.")
    W007 = "{path}: removed {n} NUL characters from the text."
    # 2xx
    W201 = "{path}: code '{code}' has no terms, near cues or patterns; the rule coder never codes it."
    # 3xx
    W301 = ("Personal data is NOT pseudonymised in this output (pseudonymise=False). "
            "Do not share it.")
    # 7xx personal data
    W701 = ("{path}, line {line}: '{original}' has fewer than two letters and is not "
            "searched for as a name. Write the full name.")


class Errors(metaclass=_CodedMessages):
    # 0xx reading
    E001 = "Corpus folder not found: {path}. Check the path, or run from the project folder."
    E002 = "{path} is not a folder. Give the folder that holds the transcripts."
    E003 = ("No readable documents in {path}. Supported formats: {formats}. "
            "Skipped: {skipped}")
    E004 = "Unsupported file type '{suffix}' for {path}. Supported formats: {formats}."
    E005 = "{path} is empty."
    E006 = ("{path} could not be decoded as text (it looks binary). If it is a "
            "transcript, save it as .txt (UTF-8) or .docx.")
    E007 = "{path} is not a valid {kind} file ({detail}). Open and re-save it in {app}."
    E008 = "{path}: metadata.csv has no 'file' column. Columns found: {columns}."
    E009 = "{path}: could not read metadata.csv ({detail})."
    E010 = ("{path}: no column with respondent ids. Name one with id_column=..., or "
            "call it 'respondent_id', 'id' or 'løbenr'. Columns: {columns}.")
    E011 = ("{path}: no open-answer columns found. Name them with text_columns=... "
            "Columns: {columns}.")
    E012 = "{path}: column(s) {missing} not found. Columns: {columns}."
    E013 = "{path}: could not be read ({detail})."
    E014 = "{path}: the archive is too large or has too many members ({detail}); it is not read."
    E015 = ("{path}: {size} MB is more than the limit of {limit} MB for one document. "
            "Split the file, or raise max_bytes.")
    E016 = "{path}: metadata.csv has duplicate rows for {files}; each file needs one row."
    E017 = ("{path}, line {line}: '{value}' in column '{column}' is not a number. "
            "Write a number such as 120 or 87,5.")

    # 1xx segmenting
    E101 = "{doc_id}: segment offsets do not match the document text at {start}:{end}."

    # 2xx codebook and conclusions
    E201 = "Codebook not found: {path}."
    E202 = "{path} is not valid YAML: {detail} (line {line}). Check indentation and quotes."
    E203 = "{path} has {n} problem(s):\n{problems}"
    E204 = "{path}: the codebook must be a YAML mapping with 'name' and 'codes'."
    E205 = "Conclusions file not found: {path}."
    E206 = ("{path}: conclusion '{conclusion}' names theme(s) {themes} that are not in "
            "the codebook. Codes: {codes}.")
    E207 = "Unsupported codebook format '{suffix}' for {path}. Use .yaml, .yml or .qdc."

    # 3xx coding
    E301 = "Unknown method '{method}'. Use one of: {methods}."
    E302 = "Unknown code '{code}'. Codes: {codes}."
    E303 = "The table is missing column(s) {missing}. Columns found: {columns}."
    E304 = "Unknown attribute '{by}' to group by. Available: {columns}."

    # 5xx report
    E501 = "Could not write {path}: {detail}. Check that the folder is writable and the file is not open in Excel."
    E502 = "{path} exists and is not a folder; give a folder for the appendix."

    # 7xx personal data
    E701 = ("Pseudonyms file not found: {path}. Give a CSV file with the columns "
            "'original' and 'replacement'.")
    E702 = "{path}: could not be read as text ({detail}). Save it as CSV (UTF-8)."
    E703 = ("{path}: the first line must name the columns 'original' and 'replacement' "
            "(separated by ',' or ';'); found: {columns}.")
    E704 = ("{path}, line {line}: {problem}. Each row holds a name and its replacement, "
            "e.g. 'Hanne;[borger 3]'.")
    E705 = ("{path}, line {line}: '{original}' already has the replacement '{first}' on "
            "line {first_line}, not '{second}'. Keep one row per name.")
    E706 = ("Pseudonyms must map names to replacements, both text; got {pair}. "
            "Example: {{'Hanne': '[borger 3]'}}.")
    E707 = "Names to pseudonymise must be text; got {value!r} ({kind})."
    E708 = "pseudonymise() needs a str; got {kind}. Skip missing values or convert with str()."
    E709 = "suppress_small: k must be a whole number of at least 1; got {k!r}."
    E710 = "suppress_small: column(s) {missing} not found. Columns: {columns}."
    E711 = ("suppress_small: column '{column}' holds {value!r}, which is not a count. "
            "Give only count columns (whole numbers or 'n/N').")


class KvalevalError(Exception):
    """Base class of every error kvaleval raises on bad input."""


class CorpusError(KvalevalError, ValueError):
    """A source file or corpus folder cannot be read."""


class CodebookError(KvalevalError, ValueError):
    """A codebook or conclusions file is missing or invalid."""


class CodingError(KvalevalError, ValueError):
    """Coding cannot run with the given options or tables."""


class ReportError(KvalevalError, OSError):
    """An output cannot be written."""


class ExchangeError(KvalevalError, ValueError):
    """A REFI-QDA project or codebook cannot be read or written."""


class PrivacyError(KvalevalError, ValueError):
    """A pseudonyms file, name list or table to protect is invalid."""


class KvalevalWarning(UserWarning):
    """Base class of kvaleval's warnings."""


def warn(message: str) -> None:
    """Issue a kvaleval warning pointing at the caller's caller."""
    warnings.warn(message, KvalevalWarning, stacklevel=3)
