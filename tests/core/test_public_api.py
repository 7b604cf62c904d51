"""The public surface is deliberate: pin ``communique.__all__`` and the CLI's commands."""

from __future__ import annotations

import importlib

import communique
from communique.cli import COMMAND_MODULES, build_parser


def test_public_api_is_pinned() -> None:
    assert sorted(communique.__all__) == sorted([
        "__version__", "extract", "run", "Pipeline", "Options", "load_options", "CommuniqueError",
        "SourceDocument", "Document", "DocResult", "Event", "Quote", "Episode", "ActorRef",
    ])
    for name in communique.__all__:
        assert hasattr(communique, name)


def test_every_command_module_imports_and_registers() -> None:
    for name in COMMAND_MODULES:
        assert hasattr(importlib.import_module(name), "register"), name
    choices = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"run", "export", "show", "code", "actors", "story", "report", "serve", "eval", "demo"} <= set(choices)
