"""Near-duplicates: syndicated and respun copies are found, independent reports are not."""

from __future__ import annotations

import subprocess
import sys

import pytest
from clean_articles import EVENTS

from communique.clean import find_duplicates, signature
from communique.config import Options
from communique.errors import ConfigError

OPTS = Options()
NUM_PERM = OPTS.get("clean.num_perm")
SHINGLE = OPTS.get("clean.shingle")
BANDS = OPTS.get("clean.bands")
THRESHOLD = OPTS.get("clean.threshold")


def _respin_every_fifth_word(text: str) -> str:
    """A crude spinner: every fifth word swapped for another token (20% of words substituted)."""
    words = text.split(" ")
    return " ".join(w if (i + 1) % 5 else "x" + w[::-1] for i, w in enumerate(words))


def _sig(text: str) -> tuple[int, ...]:
    return signature(text, num_perm=NUM_PERM, shingle=SHINGLE)


def test_signature_shape_and_empty_text() -> None:
    sig = _sig(EVENTS["blinken_beijing_2023"]["original"])
    assert len(sig) == NUM_PERM
    assert all(isinstance(v, int) and 0 <= v < 2**32 for v in sig)
    assert _sig("  ... ") == ()


def test_signature_is_the_same_in_another_process_with_another_hash_seed() -> None:
    text = EVENTS["modi_washington_2023"]["original"]
    code = (
        "import sys; from communique.clean import signature; "
        f"print(list(signature(sys.stdin.read(), num_perm={NUM_PERM}, shingle={SHINGLE})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    ).stdout
    assert out.strip() == str(list(_sig(text)))


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize(
    ("copy", "low", "high"),
    [
        ("syndicated", 0.8, 1.0),  # new headline, one paragraph cut, one word changed
        ("respun", THRESHOLD, 0.8),  # ~15% of words swapped for synonyms: found, lower score
        ("every_fifth", THRESHOLD, 0.6),  # 20% of words replaced: found, lower still
        ("independent", None, None),  # another outlet's report of the same meeting: not a copy
    ],
)
def test_copy_is_matched_to_the_original(
    event: str, copy: str, low: float | None, high: float | None
) -> None:
    texts = dict(EVENTS[event], every_fifth=_respin_every_fifth_word(EVENTS[event]["original"]))
    found = find_duplicates(
        [("original", _sig(texts["original"])), (copy, _sig(texts[copy]))],
        bands=BANDS,
        threshold=THRESHOLD,
    )
    if low is None:
        assert found == {}
    else:
        target, sim = found[copy]
        assert target == "original"
        assert low is not None and high is not None and low <= sim <= high


def test_whole_corpus_pairs_copies_with_the_earlier_document_only() -> None:
    items = []
    for event in sorted(EVENTS):
        for kind in ("original", "syndicated", "respun", "independent"):
            items.append((f"{event}/{kind}", _sig(EVENTS[event][kind])))
    found = find_duplicates(items, bands=BANDS, threshold=THRESHOLD)
    assert sorted(found) == sorted(f"{e}/{k}" for e in EVENTS for k in ("syndicated", "respun"))
    for doc_id, (target, _) in found.items():
        event = doc_id.split("/")[0]
        assert target.startswith(event + "/")  # never across events
        assert target != doc_id


def test_earlier_means_first_in_iteration_order() -> None:
    texts = EVENTS["blinken_beijing_2023"]
    found = find_duplicates(
        [("copy", _sig(texts["syndicated"])), ("wire", _sig(texts["original"]))],
        bands=BANDS,
        threshold=THRESHOLD,
    )
    assert list(found) == ["wire"] and found["wire"][0] == "copy"


def test_candidates_come_from_shared_bands_then_signatures_are_verified() -> None:
    a = (1, 2, 3, 4, 5, 6)
    no_shared_band = (1, 9, 3, 9, 5, 9)  # agrees on half the positions, but in no whole band
    one_band = (1, 2, 9, 9, 9, 9)  # shares band 0; agrees on 2 of 6 positions
    items = [("a", a), ("b", no_shared_band), ("c", one_band)]
    assert find_duplicates(items, bands=3, threshold=0.3) == {"c": ("a", 0.3333)}
    assert find_duplicates(items, bands=3, threshold=0.5) == {}


def test_most_similar_earlier_document_wins() -> None:
    items = [("a", (1, 2, 3, 4)), ("b", (1, 2, 3, 9)), ("c", (1, 2, 3, 9))]
    assert find_duplicates(items, bands=2, threshold=0.5) == {"b": ("a", 0.75), "c": ("b", 1.0)}


@pytest.mark.parametrize(
    ("items", "bands"),
    [([("a", (1, 2))], 3), ([("a", (1, 2, 3, 4)), ("b", (1, 2))], 2), ([("a", (1, 2))], 0)],
    ids=["more bands than values", "mixed signature lengths", "zero bands"],
)
def test_impossible_dedup_options_are_config_errors(
    items: list[tuple[str, tuple[int, ...]]], bands: int
) -> None:
    with pytest.raises(ConfigError) as err:
        find_duplicates(items, bands=bands, threshold=0.5)
    assert err.value.code == "C230"
