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

    # 8xx human coding sheets, agreement, evaluation (E800-E849)
    E800 = "Coding file not found: {path}. Give a filled coding sheet (.xlsx) or a CSV of codings."
    E801 = ("{path}: unsupported coding file type '{suffix}'. Use .xlsx (a sheet from "
            "'kvaleval sheet') or .csv.")
    E802 = ("{path}: could not be read ({detail}). Open it in Excel or LibreOffice and save it "
            "again as .xlsx or as CSV (UTF-8).")
    E803 = ("{path}: no sheet has 'segment_id' in its first row (sheets: {sheets}). Use the "
            "sheet written by 'kvaleval sheet' and keep its header row.")
    E804 = ("{path}: the header must name {needed}; found: {columns}. A coding CSV has the "
            "columns 'doc_id, turn_index, code[, valence, coder]' or 'segment_id, code[, valence, coder]'.")
    E805 = "{path} has {n} problem(s); nothing was read. Correct them and read the file again:\n{problems}"
    E806 = ("{where}: {value!r} is not a coding. Write 1 (coded), 0 (not coded) or leave the "
            "cell empty; 'x' and 'ja' count as 1, 'nej' as 0.")
    E807 = "{where}: {value!r} is not a valence. Write positiv, negativ or blandet, or leave it empty."
    E808 = "{where}: a valence is given but the code is not marked 1. Set the code to 1 or clear the valence."
    E809 = ("{where}: segment '{segment}' is not in the corpus. Check that the file was made "
            "from this corpus and that the id was not edited.")
    E810 = "{where}: the row has no segment id. Do not clear or edit the id column."
    E811 = "{where}: segment '{segment}' is listed again (first in {first}). Keep one row per segment."
    E812 = "{where}: '{code}' is not a code of the codebook. Codes: {codes}."
    E813 = "{where}: turn index {value!r} is not a whole number (0 is the document's first turn)."
    E814 = "{where}: document '{doc_id}' has no turn {turn}; its turns are 0-{last}."
    E815 = ("{where}: document '{doc_id}' is not in the corpus. A document is named by its path "
            "in the corpus folder without suffix, e.g. 'interviews/borger03'.")
    E816 = ("{where}: '{segment}' is an interviewer turn, which is never coded. Check the turn "
            "numbering (0-based, interviewer turns included).")
    E817 = ("{where}: '{code}' has the valence '{first}' in {first_where} and '{second}' here. "
            "Keep one valence per segment and code.")
    E818 = "{where}: the code is empty. Name the code on every row."
    E820 = ("Agreement needs at least two coders; the codings have {coders}. Read each coder's "
            "file with read_codings() and concatenate the tables.")
    E821 = "Coder(s) {missing} have no codings. Coders found: {coders}."
    E822 = ("{n} coding(s) name segments that are not among the units, e.g. {examples}. Pass "
            "the segment table the codings were made from.")
    E823 = "n_boot must be a whole number, 0 (no interval) or more; got {value!r}."
    E830 = ("The gold codings have {n} coders ({coders}); evaluate scores against one. Select "
            "one, e.g. gold[gold['coder'] == '{first}'].")
    E831 = "Coder '{coder}' is not in the codings. Coders: {coders}."
    E832 = "The gold codings are empty; there is nothing to score against ({source})."
    E833 = "evaluate() needs a Coded result or a codings DataFrame; got {kind}."
    E840 = "The segment table has no respondent segments; there is nothing to code."
    E841 = "The codebook has no codes; a coding sheet needs at least one."


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


class HumanCodingError(KvalevalError, ValueError):
    """A coding sheet or coding file is invalid, or codings cannot be compared."""


class KvalevalWarning(UserWarning):
    """Base class of kvaleval's warnings."""


def warn(message: str) -> None:
    """Issue a kvaleval warning pointing at the caller's caller."""
    warnings.warn(message, KvalevalWarning, stacklevel=3)
