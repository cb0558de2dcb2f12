"""Property tests for the codebook and conclusions loaders: any file, only CodebookError."""

from __future__ import annotations

import itertools
import os
import warnings
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kvaleval as kv
from kvaleval.errors import CodebookError
from kvaleval.records import Codebook

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_counter = itertools.count()

YAML_PIECES = [
    "name:", "codes:", "label:", "terms:", "- ", "  ", "    ", "\n", ": ", "[", "]", "{", "}", ",",
    "&a ", "*a", "&b ", "*b", "!!python/object:os.system ", "!!str ", "!!binary ", "? ", "|", ">",
    "'", '"', "#", "---", "...", "kapacitet", "venteliste", "{term: x, weight: 2}", "valence: negativ",
    "children:", "near:", "- {words: [a, b], window: 3}", "color: '#E07A5F'", "threshold: -1",
    "conclusions:", "id: k1", "statement: x", "themes: [kapacitet]", "min_respondents: 0", "æøå",
    "\t", "%YAML 1.1", "<<: *a", "null", "~", "1e999", ".nan", "0x1F", "2024-01-01",
]
yamlish = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=6)),
                   max_size=60).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["kapacitet", "positiv", "negativ", "#FFF"]))
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["name", "label", "codes", "terms", "term", "weight",
                                         "valence", "children", "near", "words", "window",
                                         "patterns", "threshold", "color", "examples", "lemmas",
                                         "lexicons", "exclude_terms", "definition", "x", "id",
                                         "statement", "themes", "conclusions"]),
                        children, max_size=5),
    ),
    max_leaves=25,
)
codebook_like = st.fixed_dictionaries(
    {"name": scalars, "codes": st.lists(structures, max_size=3)},
    optional={"label": scalars, "language": scalars, "lemmas": structures, "lexicons": structures},
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kodeboeger")


def load(path: Path) -> None:
    """Read ``path`` as codebook and as conclusions: a result, or a CodebookError naming the file."""
    for reader in (kv.read_codebook, kv.read_conclusions):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = reader(path)
        except CodebookError as err:
            assert str(path) in str(err)
            assert str(err).startswith("[E2")
            continue
        if reader is kv.read_codebook:
            assert isinstance(result, Codebook)
        else:
            assert isinstance(result, list)


@SETTINGS
@given(yamlish)
def test_fuzz_codebook_yamlish_text(folder: Path, text: str) -> None:
    path = folder / f"t{next(_counter)}.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    load(path)


@SETTINGS
@given(st.binary(max_size=500))
def test_fuzz_codebook_random_bytes(folder: Path, data: bytes) -> None:
    path = folder / f"b{next(_counter)}.yml"
    path.write_bytes(data)
    load(path)


@SETTINGS
@given(st.one_of(structures, codebook_like))
def test_fuzz_codebook_random_structures(folder: Path, data: object) -> None:
    path = folder / f"s{next(_counter)}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load(path)
