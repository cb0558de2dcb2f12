"""HTML for Jupyter: corpora, codebooks and coded results render as readable tables, in the
messages' language (``kv.set_language("en")``)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from kvaleval.words import Words

if TYPE_CHECKING:
    from kvaleval.coded import Coded
    from kvaleval.corpus import Corpus
    from kvaleval.records import Codebook


def corpus_html(corpus: Corpus) -> str:
    summary = corpus.summary()
    head = "<p>" + Words.html_corpus.format(root=html.escape(corpus.root), documents=len(corpus.documents),
                                            segments=len(corpus.segments), skipped=len(corpus.skipped)) + "</p>"
    skipped = corpus.skipped.to_html(index=False) if len(corpus.skipped) else ""
    return head + summary.to_html(index=False) + skipped


def codebook_html(codebook: Codebook) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.display)}</td>"
        f"<td>{html.escape(c.definition)}</td><td>{len(c.terms)}</td><td>{c.threshold:g}</td></tr>"
        for c in codebook.codes
    )
    header = "".join(f"<th>{column}</th>" for column in Words.html_codebook_columns.split("|"))
    return (f"<p><b>{Words.html_codebook}</b> {html.escape(codebook.label or codebook.name)}</p><table>"
            f"<tr>{header}</tr>{rows}</table>")


def coded_html(coded: Coded) -> str:
    frequencies = coded.frequencies()
    keep = [c for c in frequencies.columns if c not in ("code",)]
    head = Words.html_coded.format(documents=len(coded.corpus.documents), segments=len(coded.segments),
                                   codings=len(coded.codings), codebook=html.escape(coded.codebook.name))
    return f"<p>{head}</p>" + frequencies[keep].to_html(index=False)
