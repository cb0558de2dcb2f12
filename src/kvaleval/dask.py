"""Coding beyond one machine: a Dask DataFrame of texts, coded partition by partition.

``code_frame`` codes every row of a Dask DataFrame (survey answers, or a segment
table), or every text of a Dask bag, with the rule coder, one partition per task,
and returns a Dask DataFrame of codings with the columns of ``kv.code(...).codings``. Each worker process
compiles the codebook once (the compiled coder is cached, keyed by a hash of the
codebook and the options) and reuses it for every partition it is given.
``frequencies`` aggregates codings and segments with Dask into the table of
:meth:`kvaleval.Coded.frequencies`.

The results are the same as the single-process path: the rule coder scores each
text on its own (with its question), so cutting a table into partitions changes
nothing. Needs the ``dask`` extra: ``pip install "kvaleval[dask]"``.

Examples
--------
>>> import dask.dataframe as dd                                            # doctest: +SKIP
>>> import kvaleval as kv
>>> from kvaleval.dask import code_frame, frequencies
>>> answers = dd.read_parquet("svar/*.parquet")                            # doctest: +SKIP
>>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")                # doctest: +SKIP
>>> codings = code_frame(answers, codebook, text="svar", id="løbenr")      # doctest: +SKIP
>>> codings.to_parquet("kodninger/")                                       # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from kvaleval.analyse.frequencies import (
    GroupCounts,
    by_columns_of,
    check_matching,
    coded_once,
    count_keys,
    frequency_table,
    groupable,
    groupings,
    respondent_segments,
    with_groupings,
)
from kvaleval.coding import rule_codings
from kvaleval.coding.rules import RuleCoder
from kvaleval.errors import CodingError, Errors
from kvaleval.frames import CODING_COLUMNS, require_columns
from kvaleval.records import RESPONDENT, Codebook

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

__all__ = ["answered", "bag_frame", "code_frame", "frequencies", "rule_coder"]

CODING_DTYPES = {column: ("float64" if column == "score" else "string") for column in CODING_COLUMNS}
"""Column types of the codings ``code_frame`` returns (text columns as pandas' ``string``)."""

MAX_CODERS = 4
"""Compiled coders kept per process (one per codebook version in use)."""

_CODERS: OrderedDict[str, RuleCoder] = OrderedDict()
_LOCK = threading.Lock()


def codebook_key(codebook: Codebook, options: dict[str, Any] | None = None) -> str:
    """A hash of the codebook and the coder options: the key of the compiled coder."""
    payload = pickle.dumps((codebook, sorted((options or {}).items())), protocol=4)
    return hashlib.sha256(payload).hexdigest()


def rule_coder(codebook: Codebook, **options: Any) -> RuleCoder:
    """The rule coder for ``codebook`` in this process, compiled on first use and then cached.

    Parameters
    ----------
    codebook : Codebook
    **options
        Keyword options of :class:`kvaleval.RuleCoder` (``short_answer_words``, ...).
    """
    return _cached_coder(codebook_key(codebook, options), codebook, options)


def _cached_coder(key: str, codebook: Codebook, options: dict[str, Any]) -> RuleCoder:
    coder = _CODERS.get(key)
    if coder is not None:
        return coder
    with _LOCK:  # several threads of one worker: compile once
        coder = _CODERS.get(key)
        if coder is None:
            coder = RuleCoder(codebook, **options)
            _CODERS[key] = coder
            while len(_CODERS) > MAX_CODERS:
                _CODERS.popitem(last=False)
        return coder


def code_frame(
    ddf: dd.DataFrame | db.Bag | pd.DataFrame,
    codebook: Codebook,
    *,
    text: str = "text",
    id: str = "id",
    question: str | None = None,
    doc: str | None = None,
    **options: Any,
) -> dd.DataFrame | pd.DataFrame:
    """Code the texts of a Dask DataFrame with the rule coder, partition by partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame, dask.bag.Bag or pandas.DataFrame
        One row per text: survey answers, or a segment table (then only rows whose
        ``speaker_role`` is ``respondent`` are coded, as in :func:`kvaleval.code`). A bag
        holds texts (ids ``"part:position"``) or mappings keyed by ``text``, ``id`` and
        ``question`` (:func:`bag_frame`).
    codebook : Codebook
        From :func:`kvaleval.read_codebook`.
    text, id : str
        The columns holding the text and its identifier (``segment_id`` of the codings); an id must
        stand for one text only (E313 otherwise).
    question : str, optional
        A column holding the question each text answers; short answers inherit its themes.
    doc : str, optional
        The column that becomes ``doc_id``; default ``doc_id`` if there is one, else ``id``.
    **options
        Keyword options of :class:`kvaleval.RuleCoder` (``short_answer_words``, ...).

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy codings, one partition per input partition: ``segment_id, doc_id, code,
        coder, score, valence, why`` (text columns as pandas ``string``), ordered as
        the input rows, then by code and coder. ``.compute()`` gives the same rows as
        ``kv.code(...).codings``; ``.to_parquet(...)`` writes them without collecting.

    Raises
    ------
    CodingError
        If a named column is missing, or (when computed) an id stands for two texts in a partition.

    Notes
    -----
    With a ``distributed`` client, the codebook is sent to the workers when this is called:
    compute the result with that client while it is open.
    """
    if isinstance(ddf, pd.DataFrame):  # a frame already in memory: coded here and now, no Dask needed
        doc = doc or ("doc_id" if "doc_id" in ddf.columns else id)
        require_columns(ddf, [text, id, doc, *([question] if question else [])])
        key = codebook_key(codebook, options)
        return _code_partition(ddf, codebook, key, text=text, id=id, question=question, doc=doc, options=options)
    frame = (bag_frame(cast("db.Bag", ddf), text=text, id=id, question=question) if _is_bag(ddf)
             else cast("dd.DataFrame", ddf))
    doc = doc or ("doc_id" if "doc_id" in frame.columns else id)
    require_columns(frame, [text, id, doc, *([question] if question else [])])
    key = codebook_key(codebook, options)
    meta = pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in CODING_DTYPES.items()})
    return frame.map_partitions(
        _code_partition, _shared(codebook, key), key, text=text, id=id, question=question, doc=doc,
        options=options, meta=meta, align_dataframes=False,
    )


def answered(texts: dd.Series) -> dd.Series:
    """Per text: is it an answer as :func:`kvaleval.read_corpus` reads a survey (not blank, not a survey
    tool's "no answer" such as ``-``, ``Ikke besvaret`` or ``#NULL!``)?

    Keep only these rows in the segments given to :func:`frequencies`: a respondent whose every
    answer is blank is no respondent there either, and would raise N.
    """
    return texts.map_partitions(_answered, meta=(texts.name, bool))


def _answered(texts: pd.Series) -> pd.Series:
    from kvaleval.read._survey import is_answer

    return texts.map(is_answer).astype(bool)


def _is_bag(collection: object) -> bool:
    try:
        from dask.bag import Bag
    except ImportError:
        return False
    return isinstance(collection, Bag)


def bag_frame(bag: db.Bag, *, text: str = "text", id: str = "id", question: str | None = None) -> dd.DataFrame:
    """A Dask bag of texts as the DataFrame :func:`code_frame` codes, one partition per bag partition.

    A text's id is ``"part:position"`` (both from 0, in the order of ``bag.compute()``); a
    mapping (``{"løbenr": 17, "svar": "..."}``) gives its own ``text``, ``id`` and ``question``.
    Items are checked when computed (E314, E315).
    """
    import dask
    import dask.dataframe as dd

    columns = [id, text, *([question] if question else [])]
    meta = pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    parts = [dask.delayed(_bag_records)(part, number, text=text, id=id, question=question)
             for number, part in enumerate(bag.to_delayed())]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _bag_records(items: Sequence[Any], partition: int, *, text: str, id: str, question: str | None) -> pd.DataFrame:
    columns = [id, text, *([question] if question else [])]
    rows = []
    for position, item in enumerate(items):
        if isinstance(item, str):
            rows.append((f"{partition}:{position}", item, *([None] if question else [])))
        elif isinstance(item, Mapping):
            for key in (id, text):
                if key not in item:
                    raise CodingError(Errors.E315.format(position=position, partition=partition, key=key,
                                                         found=", ".join(map(str, item)) or "-"))
            rows.append(tuple(item.get(column) for column in columns))
        else:
            raise CodingError(Errors.E314.format(position=position, partition=partition,
                                                 kind=type(item).__name__, keys=", ".join(columns)))
    return pd.DataFrame.from_records(rows, columns=columns).astype(object)


def _shared(codebook: Codebook, key: str) -> Any:
    """The codebook as the tasks get it: on a distributed cluster, copied to every worker once.

    A codebook held by one worker would draw every coding task to that worker (the
    scheduler runs tasks where their inputs are), so it is broadcast; without a
    distributed client it is an ordinary argument. The copy is kept for as long as the
    client lives: a copy released with an earlier graph (one that failed, say) left the
    next graph with "lost dependencies".
    """
    try:
        from distributed import default_client
    except ImportError:
        return codebook
    try:
        client = default_client()
    except ValueError:  # no client: the local scheduler
        return codebook
    with _LOCK:
        kept = _SCATTERED.get((client.id, key))
        if kept is None or kept.status != "finished":
            kept = _SCATTERED[(client.id, key)] = client.scatter(codebook, broadcast=True, hash=True)
            while len(_SCATTERED) > MAX_CODERS:
                _SCATTERED.pop(next(iter(_SCATTERED)))
        return kept


_SCATTERED: dict[tuple[str, str], Any] = {}
"""The codebooks broadcast to each client's workers, by client and codebook key."""


def _code_partition(
    part: pd.DataFrame, codebook: Codebook, key: str, *, text: str, id: str,
    question: str | None, doc: str, options: dict[str, Any],
) -> pd.DataFrame:
    coder = _cached_coder(key, codebook, options)
    # The interviewer's turns stay: only respondents are coded, but a follow-up question ("Og så?") is
    # read with the question before it (within the partition: one that splits a document reads the
    # partition's first follow-up alone).
    roles = part["speaker_role"].astype(str).to_numpy(dtype=object) if "speaker_role" in part.columns else RESPONDENT
    segments = pd.DataFrame({
        "segment_id": part[id].astype(str).to_numpy(dtype=object),
        "doc_id": part[doc].astype(str).to_numpy(dtype=object),
        "speaker_role": roles,
        # object first: a categorical column has no category "" to fill a missing answer with
        "text": part[text].astype(object).fillna("").astype(str).to_numpy(dtype=object),
    })
    check_unique_ids(segments["segment_id"], where="code_frame", column=id)
    if question is not None:
        segments["question"] = [q if isinstance(q, str) else None for q in part[question]]
    codings = rule_codings(segments, codebook, coder=coder)
    order = pd.Series(range(len(segments)), index=segments["segment_id"].to_numpy())
    codings = (
        codings.assign(_order=codings["segment_id"].map(order))
        .sort_values(["_order", "code", "coder"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
    return codings.astype(CODING_DTYPES)


def check_unique_ids(ids: pd.Series, *, where: str, column: str) -> None:
    """Raise :class:`CodingError` (E313) if an id stands for more than one text."""
    repeated = ids[ids.duplicated()]
    if len(repeated):
        examples = ", ".join(repr(value) for value in list(dict.fromkeys(repeated.tolist()))[:3])
        raise CodingError(Errors.E313.format(where=where, column=column, examples=examples))


def frequencies(
    codings: dd.DataFrame | pd.DataFrame,
    segments: dd.DataFrame | pd.DataFrame,
    codebook: Codebook,
    *,
    by: str | Sequence[str] | None = "respondent_group",
    valence: bool = False,
    case: str | None = None,
) -> pd.DataFrame:
    """Theme frequencies aggregated with Dask: the table of :meth:`kvaleval.Coded.frequencies`.

    Parameters
    ----------
    codings : dask or pandas DataFrame
        Codings (``segment_id``, ``code`` [, ``valence``]), e.g. from :func:`code_frame`.
    segments : dask or pandas DataFrame
        The segment table: ``segment_id, doc_id, speaker, speaker_role`` and the
        ``by`` (and ``case``) columns.
    codebook : Codebook
    by, valence, case
        As in :func:`kvaleval.analyse.frequencies.frequencies` (with ``valence``, the rows of the
        empty valence only when some coding has none).

    Returns
    -------
    pandas.DataFrame
        The same table (columns, rows, order and values) as the single-process
        path; it is small (groups x codes), so it is computed and returned.
    """
    import dask

    # The tables shuffled here are small next to the texts: the task-based shuffle does
    # them without the peer-to-peer machinery (and its log lines), unless the caller chose.
    method = dask.config.get("dataframe.shuffle.method", None) or "tasks"
    with dask.config.set({"dataframe.shuffle.method": method}):
        return _frequencies(codings, segments, codebook, by=by, valence=valence, case=case)


def _frequencies(
    codings: dd.DataFrame | pd.DataFrame,
    segments: dd.DataFrame | pd.DataFrame,
    codebook: Codebook,
    *,
    by: str | Sequence[str] | None,
    valence: bool,
    case: str | None,
) -> pd.DataFrame:
    import dask
    import dask.dataframe as dd

    codings = codings if isinstance(codings, dd.DataFrame) else dd.from_pandas(codings, npartitions=1)
    segments = segments if isinstance(segments, dd.DataFrame) else dd.from_pandas(segments, npartitions=1)
    by_columns = by_columns_of(segments, by)
    keys = count_keys(valence)
    require_columns(codings, ["segment_id", *keys])
    require_columns(segments, ["segment_id", "doc_id", "speaker", "speaker_role"])
    missing = [column for column in by_columns if column not in segments.columns]
    if missing:
        raise CodingError(Errors.E304.format(by=", ".join(missing), columns=groupable(segments.columns)))
    frame = segments.map_partitions(
        _respondent_frame, by_columns, case, meta=_respondent_frame(segments._meta, by_columns, case)
    )
    coded = codings[["segment_id", *keys]]
    coded = coded.assign(segment_id=coded["segment_id"].astype(str))
    coded = coded.map_partitions(with_groupings, codebook, meta=coded._meta)
    # All codings of a segment in one partition, so that each counts once per code.
    coded = coded.shuffle("segment_id").map_partitions(
        coded_once, valence=valence, meta=coded_once(coded._meta, valence=valence)
    )
    merged = coded.merge(frame, on="segment_id", how="inner")
    lazy = []
    for group_columns in groupings(by_columns):
        grouped = merged.groupby(group_columns + keys)
        lazy.append((
            frame.groupby(group_columns)["_case"].nunique() if group_columns else frame["_case"].nunique(),
            frame[group_columns].drop_duplicates() if group_columns else None,
            grouped["segment_id"].nunique(),
            grouped["_case"].nunique(),
        ))
    # One id for two texts (two survey waves both numbered from 1) would merge their codings:
    # counted with the rest, so that it costs no pass of its own.
    *computed, ids, distinct, matched, counted = dask.compute(
        *lazy, frame["segment_id"].size, frame["segment_id"].nunique(), merged["segment_id"].size,
        coded["segment_id"].size)
    if ids != distinct:  # then fetch the ids (only the ids) to name some
        check_unique_ids(frame["segment_id"].compute(), where="frequencies", column="segment_id")
    if counted and not matched:  # then fetch the ids to tell whether any coding is of a segment at all
        check_matching(coded["segment_id"].compute(), segments["segment_id"].compute(), function="frequencies")
    parts = []
    for group_columns, (totals, groups, segment_counts, case_counts) in zip(
        groupings(by_columns), computed, strict=True
    ):
        counts = pd.concat([segment_counts.rename("segments"), case_counts.rename("respondents")], axis=1)
        counts = _plain(counts.reset_index())
        if group_columns:
            totals = _plain(totals.rename("respondents_total").reset_index())
            groups = _plain(groups.reset_index(drop=True))
        else:
            totals = pd.DataFrame({"respondents_total": [int(totals)]})
        parts.append(GroupCounts(group_columns, groups, totals, counts))
    return frequency_table(parts, by_columns, codebook, valence=valence)


def _respondent_frame(segments: pd.DataFrame, by_columns: list[str], case: str | None) -> pd.DataFrame:
    frame = respondent_segments(segments, by_columns, case)
    return frame.assign(segment_id=frame["segment_id"].astype(str))


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as the pandas default text type, as the single-process path has them."""
    text = [column for column in frame.columns if not pd.api.types.is_numeric_dtype(frame[column])]
    return frame.astype({column: str for column in text})
