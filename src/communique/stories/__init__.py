"""Stories: episodes across articles, consolidated events, issues by side, tone over time.

The corpus-wide step after the per-document stages: :func:`build_stories` groups documents into
episodes and consolidates their events; :func:`tone_series` turns events into a per-pair tone
line for the API, the dashboard and the report.
"""

from __future__ import annotations

__all__ = [
    "Stories",
    "build_stories",
    "tone_series",
    "load_issues",
    "IssueBook",
    "find_issue_mentions",
    "pair_key",
]

from communique.stories.build import Stories, build_stories
from communique.stories.issues import IssueBook, find_issue_mentions, load_issues
from communique.stories.tone import pair_key, tone_series
