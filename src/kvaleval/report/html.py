"""HTML for Jupyter: corpora, codebooks and coded results render as readable tables."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kvaleval.coded import Coded
    from kvaleval.corpus import Corpus
    from kvaleval.records import Codebook


def corpus_html(corpus: Corpus) -> str:
    summary = corpus.summary()
    head = (f"<p><b>Korpus</b> {html.escape(corpus.root)}: {len(corpus.documents)} dokumenter, "
            f"{len(corpus.segments)} segmenter, {len(corpus.skipped)} sprunget over.</p>")
    skipped = corpus.skipped.to_html(index=False) if len(corpus.skipped) else ""
    return head + summary.to_html(index=False) + skipped


def codebook_html(codebook: Codebook) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.display)}</td>"
        f"<td>{html.escape(c.definition)}</td><td>{len(c.terms)}</td><td>{c.threshold:g}</td></tr>"
        for c in codebook.codes
    )
    return (f"<p><b>Kodebog</b> {html.escape(codebook.label or codebook.name)}</p><table>"
            "<tr><th>Kode</th><th>Tema</th><th>Definition</th><th>Termer</th><th>Tærskel</th></tr>"
            f"{rows}</table>")


def coded_html(coded: Coded) -> str:
    frequencies = coded.frequencies()
    keep = [c for c in frequencies.columns if c not in ("code",)]
    return (f"<p><b>Kodet</b>: {len(coded.corpus.documents)} dokumenter, {len(coded.segments)} segmenter, "
            f"{len(coded.codings)} kodninger (kodebog {html.escape(coded.codebook.name)}).</p>"
            + frequencies[keep].to_html(index=False))
