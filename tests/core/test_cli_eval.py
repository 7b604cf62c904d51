"""The eval command: suite-specific options are refused on other suites, with a code."""

from __future__ import annotations

import pytest

from communique.cli import main


def test_eval_dicts_only_for_the_petrarch_suite(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "corpus", "--dicts", "somewhere"]) == 1
    assert "[C703]" in capsys.readouterr().err


def test_eval_missing_data_file_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "plv", "--data", "no/such/file.jsonl"]) == 1
    err = capsys.readouterr().err
    assert "[C702]" in err and "no/such/file.jsonl" in err


def test_cli_runs_as_a_module_with_the_same_commands() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "communique", "eval", "--help"], capture_output=True, text=True,
                         timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert "sentences" in out.stdout and "--split" in out.stdout
