"""HTML to article text: trafilatura for whole pages, lxml for small fragments (feed items).

trafilatura finds the main text and the metadata (title, date, author, site name, canonical URL).
Its plain-text output joins paragraphs with single newlines, so we walk its XML body ourselves
and keep a blank line between paragraphs: later stages (clean, sentence splitting) rely on them.
Teaser lines such as "Continue reading: ..." survive extraction; the clean stage removes them.
"""

from __future__ import annotations

__all__ = ["PageText", "extract_page", "fragment_text", "looks_like_html"]

import re
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

# Fewer words than this after extraction is a menu or an error page, not an article: an error
# page reduces to "Home World" (2 words), the shortest real news brief runs 25+ words.
MIN_ARTICLE_WORDS = 10
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
_MARKUP = re.compile(r"<\s*(/?[a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?/?>")
# Elements that start a new paragraph when a fragment is flattened.
_BLOCK_TAGS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "section", "article", "figure", "figcaption", "pre", "dd", "dt",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PageText:
    """Main text of a page (paragraphs separated by blank lines) and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def _squash(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _paragraphs(body: Any) -> list[str]:
    """One paragraph per top-level block of trafilatura's body; list items each on their own."""
    out: list[str] = []
    for child in body:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "list":
            blocks = [item for item in child.iter("item")]
        elif child.tag == "table":
            blocks = [row for row in child.iter("row")]
        else:
            blocks = [child]
        for block in blocks:
            for br in block.iter("lb"):
                br.tail = "\n" + (br.tail or "")
            para = _squash("".join(block.itertext()))
            if para:
                out.append(para)
    return out


def extract_page(html: str | bytes, *, url: str | None = None) -> PageText | None:
    """Main text and metadata of a whole page, or ``None`` when trafilatura finds no article."""
    result: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if result is None or getattr(result, "body", None) is None:
        return None
    paras = _paragraphs(result.body)
    title = _clean_meta(result.title)
    # trafilatura often repeats the headline as the first block; it belongs in the title.
    if paras and title and paras[0].strip().casefold() == title.casefold():
        paras = paras[1:]
    text = "\n\n".join(paras).strip()
    if len(re.findall(r"\w+", text)) < MIN_ARTICLE_WORDS:
        return None
    return PageText(
        text=text,
        title=title,
        author=_clean_meta(result.author),
        date=_clean_meta(result.date),
        sitename=_clean_meta(result.sitename),
        url=_clean_meta(result.url) or url,
    )


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    s = _SPACES.sub(" ", str(value)).strip()
    return s or None


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries tags (an RSS description is often escaped HTML)."""
    return bool(_MARKUP.search(text))


def fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment, paragraphs separated by blank lines.

    trafilatura is tuned for whole pages and drops short fragments as boilerplate, so a feed
    description is flattened with lxml instead.
    """
    if not looks_like_html(fragment):
        return "\n\n".join(p for p in (_squash(b) for b in re.split(r"\n\s*\n", fragment)) if p)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _squash(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter(_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
        if el.text is not None or len(el):
            el.text = "\n\n" + (el.text or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = root.text_content()
    paras = [_squash(b).replace("\n", " ") for b in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)
