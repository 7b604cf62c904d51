"""RSS 2.0 (and 1.0) and Atom feeds: each item/entry is one document.

Detected by the root element (``<rss>``, Atom ``<feed>``), never by extension alone. Descriptions
are usually (escaped) HTML fragments; they are flattened with lxml, keeping paragraphs.
"""

from __future__ import annotations

__all__ = ["parse_feed", "feed_kind", "iter_feed"]

from collections.abc import Iterator
from typing import Any

from lxml import etree

from communique.errors import CommuniqueError, Failure, InputError
from communique.ingest.common import CODES, make_document
from communique.ingest.html import fragment_text
from communique.records import SourceDocument

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
RSS1 = "{http://purl.org/rss/1.0/}"

Item = SourceDocument | Failure


def _parser() -> etree.XMLParser:
    # No entities, no network, no huge trees: a feed file is untrusted input.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def parse_feed(data: bytes) -> Any:
    """The parsed root element; ``etree.XMLSyntaxError`` when the XML is broken."""
    return etree.fromstring(data, parser=_parser())


def feed_kind(root: Any) -> str | None:
    """``rss`` | ``atom`` | None (some other XML)."""
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == "rss":
        return "rss"
    if tag == f"{ATOM}feed":
        return "atom"
    if tag == RDF and root.find(f"{RSS1}item") is not None:
        return "rss"  # RSS 1.0 (RDF): same fields, namespaced
    return None


def _text(el: Any) -> str | None:
    if el is None:
        return None
    s = "".join(el.itertext()).strip()
    return s or None


def _content(el: Any) -> str | None:
    """Text of a content element; inline XHTML children are serialised for the HTML flattener."""
    if el is None:
        return None
    if len(el):
        inner = (el.text or "") + "".join(
            etree.tostring(child, encoding="unicode", with_tail=True) for child in el
        )
        return inner.strip() or None
    return _text(el)


def _rss_items(root: Any) -> Iterator[tuple[int, dict[str, Any], str]]:
    ns = RSS1 if root.tag == RDF else ""
    channel = root.find(f"{ns}channel")
    source = _text(channel.find(f"{ns}title")) if channel is not None else None
    for item in root.iter(f"{ns}item"):
        desc = _text(item.find(f"{ns}description")) or ""
        full = _text(item.find(CONTENT)) or ""
        body = full if len(full) > len(desc) else desc
        record = {
            "title": _text(item.find(f"{ns}title")),
            "url": _text(item.find(f"{ns}link")),
            "published": _text(item.find("pubDate")) or _text(item.find(f"{DC}date")),
            "author": _text(item.find(f"{DC}creator")) or _text(item.find("author")),
            "source": source,
            "guid": _text(item.find("guid")),
        }
        yield item.sourceline or 0, record, body


def _atom_link(entry: Any) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel") in (None, "alternate") and link.get("href"):
            return str(link.get("href")).strip()
    return None


def _atom_entries(root: Any) -> Iterator[tuple[int, dict[str, Any], str]]:
    source = _text(root.find(f"{ATOM}title"))
    for entry in root.iter(f"{ATOM}entry"):
        content = _content(entry.find(f"{ATOM}content")) or ""
        summary = _content(entry.find(f"{ATOM}summary")) or ""
        author = entry.find(f"{ATOM}author")
        record = {
            "title": _text(entry.find(f"{ATOM}title")),
            "url": _atom_link(entry),
            "published": _text(entry.find(f"{ATOM}published"))
            or _text(entry.find(f"{ATOM}updated")),
            "author": _text(author.find(f"{ATOM}name")) if author is not None else None,
            "source": source,
            "guid": _text(entry.find(f"{ATOM}id")),
        }
        yield entry.sourceline or 0, record, content if len(content) > len(summary) else summary


def iter_feed(root: Any, *, path: str, kind: str) -> Iterator[Item]:
    """Documents of a parsed feed; an item without text is a Failure, the others go on.

    Ids are content hashes (a feed's guid is kept in ``meta["guid"]``): guids are often URLs
    that change with tracking parameters, and two feeds may reuse the same short guid.
    """
    entries = _rss_items(root) if kind == "rss" else _atom_entries(root)
    count = 0
    for line, record, body in entries:
        count += 1
        guid = record.pop("guid")
        try:
            text = fragment_text(body) if body else ""
            if not text:
                raise InputError(
                    f"{kind} item has no description or content text", code=CODES["no_text"]
                )
            meta = {"guid": guid} if guid else {}
            yield make_document(
                record, text=text, origin=f"{path}:{line}", fmt=kind, extra_meta=meta
            )
        except CommuniqueError as exc:
            yield Failure.from_error(exc.at(path=path, line=line))
    if count == 0:
        err = InputError(f"{kind} feed has no items/entries", code=CODES["bad_feed"])
        yield Failure.from_error(err.at(path=path))
