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
    W008 = ("{path}: the file mixes UTF-8 with another encoding; {n} byte(s) were read as "
            "cp1252. Check æ, ø and å in the segment table, and save the file as UTF-8.")
    W009 = ("an Office lock file (the document is open in Word, Excel or LibreOffice), not a "
            "transcript; close the document, and delete the lock file if it stays.")
    W010 = ("a link to {target}, outside the corpus folder; it is not read. Copy the file "
            "into the corpus folder if it belongs to the corpus.")
    W011 = ("a link to a folder; links to folders are not followed. Move the folder into the "
            "corpus folder if it belongs to the corpus.")
    W012 = "a link to {target}, which does not exist; remove the link."
    W013 = "not a regular file (a pipe, socket or device); it is not read."
    W014 = ("{path}: {n} formula cell(s) have no saved value (the file was not last saved by "
            "Excel); the formula text is kept as written and nothing was evaluated.")
    W015 = ("{path}: the workbook has {n} sheets; only '{sheet}', the first with answers under "
            "its headers, was read. Save each sheet with answers as its own file to read the others.")
    W016 = ("{path}: the workbook links to {n} external file(s); the links were not followed "
            "and only the values saved in the workbook were read.")
    W017 = ("{path}: the text before the first speaker tag ({excerpt}) is read as a header, "
            "not as a turn, and is not coded. Tag it if it is spoken.")
    W018 = "metadata.csv, line {line}: the row has no file name in column 'file'; it is ignored."
    W019 = ("{path}: no column with respondent ids (such as 'respondent_id', 'id' or 'løbenr'); "
            "the row number is used as the id. Name the column with id_column=... (on the command line: "
            "--id-column NAME) if there is one.")
    W020 = ("{path}: the line(s) above the column headers ({excerpt}) are read as a title, "
            "not as answers.")
    W021 = ("conclusion '{conclusion}' names group(s) {unknown} that no respondent belongs to, so they "
            "show 0/0. Groups in the corpus ('respondent_group' in metadata.csv): {groups}. Spelling and "
            "case must match.")
    W022 = ("{path}: column '{column}' has no answers in the first {n} rows but free text further down, "
            "so it was read as an attribute, not as answers. Name it with text_columns=[...] (on the "
            "command line: --text-column) to read it as answers.")
    W023 = ("{path}: the {rows} row(s) under the column headers are more headers (question texts, as "
            "Qualtrics writes them), not answers; the question texts are the answers' questions.")
    W024 = ("{path}: {n} respondent id(s) are on more than one row (e.g. '{example}'); the rows of one id "
            "count as one respondent. If they are different people, name another id column with "
            "id_column=... (on the command line: --id-column).")
    # 2xx
    W201 = "{path}: code '{code}' has no terms, near cues or patterns; the rule coder never codes it."
    # 3xx
    W301 = ("Personal data is NOT pseudonymised in this output (pseudonymise=False). "
            "Do not share it.")
    # 6xx REFI-QDA exchange
    W601 = "{path}: read with tolerance: {items}."
    W602 = ("{path}: {n} note(s) on the import (offset conversions, skipped sources or "
            "selections); see corpus.notes and corpus.skipped.")
    W603 = "{doc_id}: the text has CR line ends; it is written with LF and the offsets are moved to match."
    W604 = ("{n} coding(s) name no segment of the segment table (or no code) and are not "
            "exported, e.g. {examples}.")
    W605 = "Code(s) {codes} occur in the codings but not in the codebook; they are written as top-level codes."
    W610 = ("{source}: {n} selection(s) lie (partly) outside the text of {length} characters; "
            "they were clipped or dropped: {guids}.")
    W611 = ("{source}: {n} selection(s) begin or end inside a character (surrogate pair, "
            "combining mark or emoji modifier): {guids}.")
    W612 = ("{source}: offsets read as {convention} (origin '{origin}'); {share:.0%} of the "
            "selection boundaries fall on word boundaries.")
    W613 = "{source}: the text file '{member}' is not in the archive; the source is skipped."
    W614 = ("{source}: the text file is empty; the text was taken from the Word file '{member}'. "
            "Check that the codings cover the right words.")
    W615 = "{source}: {kind} sources are not read (text only); {n} coding(s) on it are skipped."
    W616 = "{source}: {n} coding(s) name a code that is not in the codebook; they are skipped."
    W617 = "{source}: the text file is not UTF-8; it was read as {encoding}. Check æ, ø and å."
    W618 = ("{source}: {n} coded selection(s) cover no respondent text (only interviewer turns "
            "or blanks); they are in read_qdpx_selections() but code no segment.")
    W619 = ("{source}: the text differs from the one kvaleval exported (edited in another "
            "tool?); it is segmented anew.")
    W620 = "{source}: the text is empty; the source is skipped."
    W621 = "{source}: the text lies outside the archive ({path}); only files inside the .qdpx are read."
    W622 = "{source}: {n} selection(s) have no valid startPosition/endPosition and are skipped."
    W623 = ("{source}: interviewer taken to be '{speaker}' (asks most questions); pass "
            "interviewers=[...] if this is wrong.")
    W624 = "{source}: variable '{variable}' is '{value}' and '{other}' in different cases; '{value}' is used."
    W625 = ("{source}: {n} non-blank characters are in no segment, e.g. {excerpt} (text before "
            "the first speaker tag?); selections there code nothing.")
    W626 = ("{source}: {n} coding(s) on areas of the PDF's pages are not read; the PDF's text and "
            "the codings on its text are.")
    # 8xx human coding
    W801 = ("{path}: sheet '{sheet}', column(s) {columns} are not codes and were not read (codes: "
            "{codes}). If a column is a code whose header was changed, write the code's name back.")
    W802 = ("{path}: column(s) {columns} are not read. A coding CSV has the columns segment_id "
            "(or doc_id and turn_index), code, and optionally valence and coder (Danish: segment, "
            "dokument, tur, kode, valens, koder).")
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
    E005 = ("{path} is empty (it holds no text). Remove it from the corpus folder, or save "
            "the transcript into it again.")
    E006 = ("{path} could not be decoded as text (it looks binary). If it is a "
            "transcript, save it as .txt (UTF-8) or .docx.")
    E007 = "{path} is not a valid {kind} file ({detail}). Open and re-save it in {app}."
    E008 = ("{path} has no 'file' column (columns found: {columns}). Add a column 'file' "
            "with each document's path relative to the corpus folder, and separate the "
            "columns with ',' or ';'.")
    E009 = ("Could not read {path} ({detail}). Save it as CSV (UTF-8) with a "
            "'file' column, or remove it.")
    E010 = ("{path}: no column with respondent ids. Name one with id_column=..., or "
            "call it 'respondent_id', 'id' or 'løbenr'. Columns: {columns}.")
    E011 = ("{path}: no open-answer columns found. Name them with text_columns=[...] (on the command "
            "line: --text-column NAME, once per column). Columns: {columns}.")
    E012 = "{path}: column(s) {missing} not found. Columns: {columns}."
    E013 = ("{path}: could not be read ({detail}). Check that the file is not damaged or "
            "locked by another program, and save it again.")
    E014 = ("{path}: the archive is too large or has too many members ({detail}); it is not "
            "read, as it may be a zip bomb. Open and re-save it, or split the document.")
    E015 = ("{path}: {size} MB is more than the limit of {limit} MB for one document. "
            "Split the file, or raise max_bytes.")
    E016 = ("{path} has rows with different values for {files}; each file "
            "needs one row. Delete the wrong row.")
    E017 = ("{path}, line {line}: '{value}' in column '{column}' is not a number. "
            "Write a number such as 120 or 87,5.")
    E018 = "{path} is {kind}, not a text file. {advice}."
    E019 = ("{path}: '{member}' declares a DTD or XML entities, which {kind} files never do; "
            "the file is refused because it may be hostile (XXE, entity expansion). Open and "
            "re-save it in {app}, or ask for a new copy.")
    E020 = "{path} is password-protected. Remove the password in {app} and save it again."
    E021 = ("{path} holds no answers, only the header line ({columns}). Export the survey "
            "again with the responses.")
    E022 = ("{path}, line {line}: '{value}' in column 'retning' is not a direction. Write 'højere' "
            "(higher is better: {higher}) or 'lavere' (lower is better: {lower}).")
    E023 = "{path}, line {line}: column '{column}' is empty. Write the number, or remove the indicator."
    E024 = "Indicators file not found: {path}. Check the path (--targets)."

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
    E208 = ("{path}: code '{code}', pattern {number} is not a valid spaCy Matcher pattern: {detail}. "
            "See https://spacy.io/usage/rule-based-matching for the token attributes.")

    # 3xx coding
    E301 = "Unknown method '{method}'. Use one of: {methods}."
    E302 = "Unknown code '{code}'. Codes: {codes}."
    E303 = "The table is missing column(s) {missing}. Columns found: {columns}."
    E304 = "Unknown attribute '{by}' to group by. Available: {columns}."
    E305 = ("The model has {n} training segments: give human codings of at least one document "
            "whose segments are in the segment table.")
    E306 = ("No model: code with kv.code(corpus, codebook, model=kv.ModelCoder(codebook).fit(segments, "
            "human_codings)) before asking for a review queue.")
    E307 = "Could not read the model {path}: {detail}. Give a file written by 'kvaleval train' (.json)."
    E308 = ("All {n} respondent segments are already in the model's training data, so there is nothing "
            "left to suggest. Run review on material that is not hand-coded yet (new interviews).")
    E309 = ("Method '{method}' needs a fitted model: kv.code(corpus, codebook, "
            "model=kv.ModelCoder(codebook).fit(segments, human_codings)). Without one, use method='rules'.")

    # 5xx report
    E501 = "Could not write {path}: {detail}. Check that the folder is writable and the file is not open in Excel."
    E502 = "{path} exists and is not a folder; give a folder for the appendix."

    # 6xx REFI-QDA exchange
    E601 = ("{path}: not a readable REFI-QDA project ({detail}). Export it again from the QDA "
            "program as a REFI-QDA project (.qdpx).")
    E602 = ("{path}: the archive member '{member}' is refused because {reason}; nothing was "
            "read or written. The file is damaged or hostile: ask for a new export.")
    E603 = ("{path}: the archive member '{member}' is too large or too compressed ({detail}); it "
            "looks like a zip bomb and nothing was read. If the project really is this large, "
            "raise the limits with limits=ArchiveLimits(...).")
    E604 = ("{path}: the archive has {n} members, more than the limit of {limit} (first one "
            "over: '{member}'); nothing was read. Raise limits=ArchiveLimits(max_members=...) "
            "if the project really is this large.")
    E605 = "{path}: '{member}' is not valid XML ({detail}). Export it again from the QDA program."
    E606 = ("{path}: '{member}' declares a DTD or entities ({detail}). REFI-QDA files never "
            "need them, so the file is refused (protection against XXE and entity expansion).")
    E607 = ("{path}: no project.qde (or other .qde file) in the archive; members: {members}. "
            "Is this a REFI-QDA project?")
    E608 = "{path}: '{member}' is not a REFI-QDA {kind} (found {root})."
    E609 = "{path}: could not be written ({detail}). Check that the folder is writable."
    E610 = "{path}: the archive holds {n} .qde files ({names}) and none is project.qde."
    E611 = "{path}: could not be read ({detail})."

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
    E820 = ("Agreement needs at least two coders; the codings have {coders}. Give each coder's file "
            "(on the command line: two files, or --rules to compare with the rule coder; in Python: "
            "read each with read_codings() and concatenate the tables).")
    E821 = "Coder(s) {missing} have no codings. Coders found: {coders}."
    E822 = ("{n} coding(s) name segments that are not among the units, e.g. {examples}. Pass "
            "the segment table the codings were made from.")
    E823 = "n_boot must be a whole number, 0 (no interval) or more; got {value!r}."
    E824 = ("Coder '{coder}' is in both {first} and {second}. Give each file its own coder (the "
            "'coder' column, the sheet's 'Koder:' cell, or the file name).")
    E830 = ("The gold codings have {n} coders ({coders}); evaluate scores against one. Select "
            "one, e.g. gold[gold['coder'] == '{first}'].")
    E831 = "Coder '{coder}' is not in the codings. Coders: {coders}."
    E832 = "The gold codings are empty; there is nothing to score against ({source})."
    E833 = "evaluate() needs a Coded result or a codings DataFrame; got {kind}."
    E840 = "The segment table has no respondent segments; there is nothing to code."
    E841 = "The codebook has no codes; a coding sheet needs at least one."
    E842 = ("evaluate() cannot tell which turns are the units: pass segments= (the segment table "
            "the codings were made from), a Coded result, or gold read from a coding sheet with "
            "read_human_codings(). Without them a turn nobody coded would not be counted.")
    E843 = ("--out {out} is also an input file ({input}); writing it would destroy the input. "
            "Nothing was written. Give another file name with --out.")
    E844 = ("--out {out}: this command writes {kind}, so the file name must end in {suffixes}, "
            "not '{suffix}'. Nothing was written.")
    E845 = ("{path} is a coding sheet with {n} filled cell(s) (codings, valences, comments or the "
            "coder's name); writing a new sheet over it would lose them. Nothing was written. Give "
            "another file name with --out, or add --force to overwrite it.")
    E846 = ("sheet '{sheet}' has no column for code(s) {codes}, which {source} lists; read as they "
            "are, every turn would count as not coded with them.{unread} Copy the column(s) back from a "
            "fresh sheet ('kvaleval sheet') or correct the header, or read with a codebook without those codes.")
    E847 = ("{path}: more than one sheet holds codings: {sheets}. Keep the codings in one sheet "
            "(copy them into 'Kodning' and delete the copy) and save again.")
    E848 = ("{where}: the formula {formula!r} has no saved value, so it cannot be read. Open the "
            "file in Excel or LibreOffice and save it again (that stores the values), or type the value.")
    E849 = ("{path}: the model was trained with the codebook {codebook}, which {problem}; without "
            "it the rule features are missing and the model would code differently. Pass the codebook: "
            "ModelCoder.from_json(path, codebook=kv.read_codebook(...)) (on the command line: --codebook).")
    E850 = ("--documents {patterns} matched no document. Document ids are paths in the corpus folder "
            "without suffix, e.g. {examples}; quote the pattern ('interviews/borger0*').")
    E851 = ("{path} is the sheet 'Kodning' saved as CSV; a coding sheet must be read as .xlsx (the CSV "
            "form loses the sheet's list of codes and turns). Open the returned .xlsx, or save the sheet "
            "again as .xlsx (Excel-projektmappe).")


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
