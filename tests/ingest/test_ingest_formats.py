"""Ingest reads every supported format into SourceDocuments with the right fields and origins."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from communique.config import Options
from communique.errors import Failure
from communique.ingest import content_id, iter_sources, parse_txt
from communique.records import SourceDocument

OPTS = Options()

KYIV_BODY = (
    "Turkish President Recep Tayyip Erdogan hosted Russian and Ukrainian delegations at the "
    "Dolmabahce Palace in Istanbul on Tuesday, urging both sides to agree a ceasefire.\n\n"
    "After about three hours of talks, Russia's deputy defence minister said Moscow would "
    "sharply reduce military activity around Kyiv and Chernihiv."
)


def _docs(items: list[SourceDocument | Failure]) -> list[SourceDocument]:
    return [i for i in items if isinstance(i, SourceDocument)]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ .txt convention


@pytest.mark.parametrize(
    ("raw", "fields", "body_start"),
    [
        (
            "Title: Istanbul talks raise hopes\nSource: Bosphorus Wire\nPublished: 2022-03-29\n"
            "URL: https://bw.example/istanbul\nAuthor: Selin Kaya\nId: ist-0329\n\n" + KYIV_BODY,
            {
                "title": "Istanbul talks raise hopes",
                "source": "Bosphorus Wire",
                "published": "2022-03-29",
                "url": "https://bw.example/istanbul",
                "author": "Selin Kaya",
                "id": "ist-0329",
            },
            "Turkish President",
        ),
        (  # keys are case-insensitive, an ISO datetime is kept
            "TITLE: Istanbul talks\npublished: 2022-03-29T14:30:00+03:00\n\n" + KYIV_BODY,
            {"title": "Istanbul talks", "published": "2022-03-29T14:30:00+03:00"},
            "Turkish President",
        ),
        (  # no front matter: a short first line followed by a blank line is the title
            "Russia pledges to scale back near Kyiv\n\n" + KYIV_BODY,
            {"title": "Russia pledges to scale back near Kyiv"},
            "Turkish President",
        ),
        (  # no front matter and no blank line after the first line: no title, all body
            "Russia pledges to scale back near Kyiv\n" + KYIV_BODY,
            {},
            "Russia pledges",
        ),
        (  # a dateline "Key:" that is not a front-matter key is prose
            "ISTANBUL: " + KYIV_BODY.replace("\n\n", " "),
            {},
            "ISTANBUL: Turkish",
        ),
        (  # "Source:" running straight into body text (no blank line) is prose, not front matter
            "Source: a Turkish official said the talks would resume on Wednesday.\n" + KYIV_BODY,
            {},
            "Source: a Turkish",
        ),
    ],
)
def test_txt_front_matter_and_title_convention(
    raw: str, fields: dict[str, str], body_start: str
) -> None:
    got, body = parse_txt(raw)
    assert got == fields
    assert body.startswith(body_start)


def test_txt_file_fields_and_origin(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "ist.txt",
        "Title: Istanbul talks\nSource: Bosphorus Wire\nPublished: 29 March 2022\n\n" + KYIV_BODY,
    )
    (doc,) = list(iter_sources([str(f)], options=OPTS))
    assert isinstance(doc, SourceDocument)
    assert (doc.title, doc.source, doc.published, doc.format) == (
        "Istanbul talks",
        "Bosphorus Wire",
        "2022-03-29",
        "txt",
    )
    assert doc.origin == str(f)
    assert doc.text == KYIV_BODY
    assert doc.id == content_id(KYIV_BODY)


def test_sidecar_overrides_and_extends_front_matter(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Title: Old headline\nSource: Draft Desk\n\n" + KYIV_BODY)
    _write(
        tmp_path / "b.txt", "Erdogan meets delegations\n\nThe second day of talks was cancelled."
    )
    _write(
        tmp_path / "metadata.jsonl",
        json.dumps({"file": "a.txt", "title": "Istanbul talks end", "url": "https://x.example/a"})
        + "\n"
        + json.dumps({"file": "b.txt", "id": "ist-b", "published": "2022-03-30"})
        + "\n",
    )
    docs = _docs(list(iter_sources([str(tmp_path)], options=OPTS)))
    assert [d.origin for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    a, b = docs
    assert (a.title, a.source, a.url) == ("Istanbul talks end", "Draft Desk", "https://x.example/a")
    assert (b.id, b.title, b.published) == ("ist-b", "Erdogan meets delegations", "2022-03-30")


# ------------------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><title>Grain deal signed in Istanbul | Harbour Times</title>
<meta name="author" content="Deniz Arslan">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2022-07-22T16:05:00+03:00">
<link rel="canonical" href="https://harbour.example/world/grain-deal">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article>
<h1>Grain deal signed in Istanbul</h1>
<p>Russia and Ukraine signed separate agreements with Turkey and the United Nations in Istanbul on Friday to reopen Ukraine's Black Sea ports to grain exports.</p>
<p>Continue reading: How the blockade pushed up bread prices</p>
<p>UN Secretary-General Antonio Guterres called the deal "a beacon of hope" and said a joint centre in Istanbul would monitor the ships.</p>
<p>The agreements are valid for 120 days and can be renewed, officials said.</p>
</article>
<footer>Cookie settings</footer>
</body></html>"""


def test_html_page_text_keeps_paragraphs_and_metadata(tmp_path: Path) -> None:
    f = _write(tmp_path / "grain.html", PAGE)
    (doc,) = list(iter_sources([str(f)], options=OPTS))
    assert isinstance(doc, SourceDocument)
    assert doc.title == "Grain deal signed in Istanbul"
    assert doc.author == "Deniz Arslan"
    assert doc.source == "Harbour Times"
    assert doc.published == "2022-07-22"
    assert doc.url == "https://harbour.example/world/grain-deal"
    assert doc.format == "html"
    paras = doc.text.split("\n\n")
    assert paras[0].startswith("Russia and Ukraine signed")
    # trafilatura keeps teaser lines; removing them is the clean stage's job
    assert "Continue reading: How the blockade pushed up bread prices" in paras
    assert paras[-1] == "The agreements are valid for 120 days and can be renewed, officials said."
    assert "Home" not in doc.text


# --------------------------------------------------------------------------- records files


def test_jsonl_records_with_origin_lines_meta_and_html(tmp_path: Path) -> None:
    lines = [
        {
            "id": "g7-1",
            "text": KYIV_BODY,
            "title": "Istanbul",
            "published": "2022-03-29",
            "lang": "en",
        },
        {},  # placeholder for a blank line
        {"html": PAGE, "url": "https://harbour.example/world/grain-deal"},
    ]
    text = json.dumps(lines[0]) + "\n\n" + json.dumps(lines[2]) + "\n"
    f = _write(tmp_path / "feed.jsonl", text)
    a, b = _docs(list(iter_sources([str(f)], options=OPTS)))
    assert (a.id, a.origin, a.format, a.meta) == ("g7-1", f"{f}:1", "jsonl", {"lang": "en"})
    assert b.origin == f"{f}:3"
    assert b.title == "Grain deal signed in Istanbul"  # from the html, through trafilatura
    assert b.text.startswith("Russia and Ukraine signed")
    assert b.id == content_id(b.text)


def test_json_list_records_carry_their_start_line(tmp_path: Path) -> None:
    text = (
        "[\n"
        '  {"id": "m1", "text": "Modi and Biden announced a jet engine deal.",\n'
        '   "source": "Capital Wire"},\n'
        '  {"id": "m2", "text": "Modi addressed a joint session of Congress."}\n'
        "]\n"
    )
    f = _write(tmp_path / "recs.json", text)
    docs = _docs(list(iter_sources([str(f)], options=OPTS)))
    assert [(d.id, d.origin, d.format) for d in docs] == [
        ("m1", f"{f}:2", "json"),
        ("m2", f"{f}:4", "json"),
    ]
    assert docs[0].source == "Capital Wire"


def test_json_single_record(tmp_path: Path) -> None:
    f = _write(tmp_path / "one.json", json.dumps({"text": KYIV_BODY, "author": "Selin Kaya"}))
    (doc,) = list(iter_sources([str(f)], options=OPTS))
    assert isinstance(doc, SourceDocument)
    assert (doc.author, doc.origin) == ("Selin Kaya", f"{f}:1")


def test_csv_rows_with_multiline_cells_keep_start_line(tmp_path: Path) -> None:
    text = (
        "id,title,published,source,text\n"
        'nk1,Missile launch,2023-12-18,East Wire,"North Korea fired a long-range missile.\n\n'
        'Japan and South Korea condemned the launch."\n'
        "ir1,Drone attack,2024-04-14,Gulf Desk,Iran launched drones and missiles at Israel.\n"
    )
    f = _write(tmp_path / "wire.csv", text)
    docs = _docs(list(iter_sources([str(f)], options=OPTS)))
    assert [(d.id, d.origin, d.published, d.format) for d in docs] == [
        ("nk1", f"{f}:2", "2023-12-18", "csv"),
        ("ir1", f"{f}:5", "2024-04-14", "csv"),
    ]
    assert docs[0].text.split("\n\n")[1] == "Japan and South Korea condemned the launch."


# ------------------------------------------------------------------------------------ feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Post - Asia</title>
  <item>
    <title>Blinken arrives in Shanghai</title>
    <link>https://hp.example/asia/blinken-shanghai</link>
    <pubDate>Wed, 24 Apr 2024 11:20:00 GMT</pubDate>
    <dc:creator>Mei Lin</dc:creator>
    <guid>hp-8812</guid>
    <description>&lt;p&gt;US Secretary of State Antony Blinken arrived in Shanghai on Wednesday.&lt;/p&gt;&lt;p&gt;He will meet &lt;b&gt;Wang Yi&lt;/b&gt; in Beijing on Friday.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://hp.example/asia/empty</link>
  </item>
</channel>
</rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Caucasus Monitor</title>
  <entry>
    <title>Georgia passes foreign agents law</title>
    <link rel="alternate" href="https://cm.example/georgia-law"/>
    <id>urn:cm:2024-05-14-law</id>
    <updated>2024-05-14T18:00:00Z</updated>
    <author><name>Nino Beridze</name></author>
    <content type="html">&lt;p&gt;Georgia's parliament passed the bill on Tuesday despite weeks of protests in Tbilisi.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_rss_items_become_documents_and_empty_item_fails(tmp_path: Path) -> None:
    f = _write(tmp_path / "asia.rss", RSS)
    items = list(iter_sources([str(f)], options=OPTS))
    doc, failure = items
    assert isinstance(doc, SourceDocument) and isinstance(failure, Failure)
    assert doc.format == "rss"
    assert doc.title == "Blinken arrives in Shanghai"
    assert doc.url == "https://hp.example/asia/blinken-shanghai"
    assert doc.published == "2024-04-24T11:20:00+00:00"
    assert (doc.author, doc.source) == ("Mei Lin", "Harbour Post - Asia")
    assert doc.text == (
        "US Secretary of State Antony Blinken arrived in Shanghai on Wednesday.\n\n"
        "He will meet Wang Yi in Beijing on Friday."
    )
    assert doc.origin == f"{f}:5" and doc.meta == {"guid": "hp-8812"}
    assert (failure.code, failure.path, failure.line) == ("C108", str(f), 13)


def test_atom_entry_detected_by_root_element_in_xml_file(tmp_path: Path) -> None:
    f = _write(tmp_path / "caucasus.xml", ATOM)
    (doc,) = list(iter_sources([str(f)], options=OPTS))
    assert isinstance(doc, SourceDocument)
    assert doc.format == "atom"
    assert (doc.title, doc.url, doc.author, doc.source) == (
        "Georgia passes foreign agents law",
        "https://cm.example/georgia-law",
        "Nino Beridze",
        "Caucasus Monitor",
    )
    assert doc.published == "2024-05-14T18:00:00+00:00"
    assert (
        doc.text
        == "Georgia's parliament passed the bill on Tuesday despite weeks of protests in Tbilisi."
    )


# ------------------------------------------------------------------------- stdin, walking


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (
            "Ceasefire talks in Doha\n\nQatari mediators hosted Israeli and Hamas negotiators.",
            [("stdin", "<stdin>", "Ceasefire talks in Doha")],
        ),
        (
            '{"id": "q1", "text": "Qatar hosted talks.", "title": "Doha"}\n\n'
            '{"id": "q2", "text": "Egypt joined the talks."}\n',
            [("jsonl", "<stdin>:1", "Doha"), ("jsonl", "<stdin>:3", None)],
        ),
        (  # one JSON-looking line among prose: the whole input is one article
            'Mediators said:\n{"ceasefire": true}\nwas the draft wording.',
            [("stdin", "<stdin>", None)],
        ),
    ],
)
def test_stdin_is_one_article_or_jsonl(
    stdin: str, expected: list[tuple[str, str, str | None]]
) -> None:
    docs = _docs(list(iter_sources(["-"], options=OPTS, stdin=io.StringIO(stdin))))
    assert [(d.format, d.origin, d.title) for d in docs] == expected


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_sidecar(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "Talks in Geneva resumed on Monday.")
    _write(tmp_path / "a" / "z.txt", "Envoys met in Vienna on Tuesday.")
    _write(tmp_path / "a" / "c.jsonl", json.dumps({"text": "Ministers met in Oslo."}) + "\n")
    _write(tmp_path / ".git" / "x.txt", "hidden folder")
    _write(tmp_path / ".draft.txt", "hidden file")
    _write(
        tmp_path / "metadata.jsonl", json.dumps({"file": "b.txt", "source": "Alpine Wire"}) + "\n"
    )
    items = list(iter_sources([str(tmp_path)], options=OPTS))
    assert all(isinstance(i, SourceDocument) for i in items)
    assert [i.origin for i in _docs(items)] == [
        f"{tmp_path / 'a' / 'c.jsonl'}:1",
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert _docs(items)[2].source == "Alpine Wire"


def test_glob_pattern_expands_sorted(tmp_path: Path) -> None:
    _write(tmp_path / "2024-02.txt", "Japan and the Philippines signed a defence pact.")
    _write(tmp_path / "2024-01.txt", "Japan and Australia held security talks.")
    _write(tmp_path / "notes.csv", "id,text\nn1,unrelated\n")
    docs = _docs(list(iter_sources([str(tmp_path / "2024-*.txt")], options=OPTS)))
    assert [Path(d.origin or "").name for d in docs] == ["2024-01.txt", "2024-02.txt"]


def test_ids_are_stable_across_runs_and_whitespace(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Title: Istanbul talks\n\n" + KYIV_BODY)
    _write(tmp_path / "b.jsonl", json.dumps({"text": KYIV_BODY.replace(" ", "  ")}) + "\n")
    _write(tmp_path / "c.jsonl", json.dumps({"id": 4711, "text": KYIV_BODY}) + "\n")
    first = [d.id for d in _docs(list(iter_sources([str(tmp_path)], options=OPTS)))]
    second = [d.id for d in _docs(list(iter_sources([str(tmp_path)], options=OPTS)))]
    assert first == second
    assert first[0] == first[1] == content_id(KYIV_BODY)
    assert first[0].startswith("d") and len(first[0]) == 17
    assert first[2] == "4711"


ATOM_XHTML = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nordic Desk</title>
  <entry>
    <title>Finland joins NATO</title>
    <link href="https://nd.example/finland-nato"/>
    <published>2023-04-04T15:00:00+02:00</published>
    <updated>2023-04-05T09:00:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Finland became the 31st member of NATO on Tuesday.</p><p>Its flag was raised at the alliance headquarters in Brussels.</p></div></content>
  </entry>
</feed>"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://sd.example/"><title>Sahel Digest</title></channel>
  <item rdf:about="https://sd.example/niger">
    <title>Niger orders French ambassador out</title>
    <link>https://sd.example/niger</link>
    <dc:date>2023-08-25</dc:date>
    <description>Niger's military rulers gave the French ambassador 48 hours to leave.</description>
  </item>
</rdf:RDF>"""


@pytest.mark.parametrize(
    ("name", "feed", "expected"),
    [
        (
            "nordic.atom",
            ATOM_XHTML,
            (
                "atom",
                "Finland joins NATO",
                "2023-04-04T15:00:00+02:00",  # published wins over updated
                "Finland became the 31st member of NATO on Tuesday.\n\n"
                "Its flag was raised at the alliance headquarters in Brussels.",
            ),
        ),
        (
            "sahel.xml",
            RSS1,
            (
                "rss",
                "Niger orders French ambassador out",
                "2023-08-25",
                "Niger's military rulers gave the French ambassador 48 hours to leave.",
            ),
        ),
    ],
)
def test_atom_xhtml_content_and_rss1_feeds(
    tmp_path: Path, name: str, feed: str, expected: tuple[str, str, str, str]
) -> None:
    f = _write(tmp_path / name, feed)
    (doc,) = list(iter_sources([str(f)], options=OPTS))
    assert isinstance(doc, SourceDocument)
    assert (doc.format, doc.title, doc.published, doc.text) == expected
