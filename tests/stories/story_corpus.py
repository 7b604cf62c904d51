"""A hand-written corpus for the stories stage, shaped like the pipeline's real output.

Articles (written for these tests) about four real episodes: the US–China talks in Anchorage
(18–19 Mar 2021: a wire report, a syndicated copy, a machine-respun copy, a wrap-up and an
encyclopedia page), Blinken in Beijing (18–19 Jun 2023), Blinken in China (24–26 Apr 2024, two
of the three from the same outlet), the India–China foreign ministers in Moscow (10 Sep 2020, two
outlets), plus a US export-control story the same week as the 2023 visit that is a separate
episode. Events, quotes and flags are what the earlier stages would produce for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.records import ActorRef, Document, Event, Flag, Location, Quote

BLINKEN = ActorRef("Blinken", "Antony Blinken", "USA", "GOV")
SULLIVAN = ActorRef("Sullivan", "Jake Sullivan", "USA", "GOV")
US = ActorRef("Washington", None, "USA", "GOV")
YANG = ActorRef("Yang", "Yang Jiechi", "CHN", "GOV")
WANG = ActorRef("Wang Yi", "Wang Yi", "CHN", "GOV")
QIN = ActorRef("Qin Gang", "Qin Gang", "CHN", "GOV")
XI = ActorRef("Xi", "Xi Jinping", "CHN", "GOV")
CHINA = ActorRef("China", None, "CHN", "GOV")
JAISHANKAR = ActorRef("Jaishankar", "Subrahmanyam Jaishankar", "IND", "GOV")
COMMERCE = ActorRef("Commerce Department", "US Department of Commerce", "USA", "GOV")

ANCHORAGE = Location("Anchorage", "USA", "city")
BEIJING = Location("Beijing", "CHN", "city")
SHANGHAI = Location("Shanghai", "CHN", "city")
MOSCOW = Location("Moscow", "RUS", "city")

SCORES = {"CONSULT": 2.5, "AGREE": 2.5, "SUPPORT": 5.0, "ACCUSE": -2.5, "REQUEST": -1.0,
          "THREATEN": -3.5, "SANCTION": -6.0, "COERCE": -7.0, "ASSAULT": -9.0}
QUADS = {"CONSULT": 1, "AGREE": 1, "SUPPORT": 1, "ACCUSE": 3, "REQUEST": 3, "THREATEN": 3,
         "SANCTION": 4, "COERCE": 4, "ASSAULT": 4}

WIRE_TEXT = (
    "ANCHORAGE, Alaska (Meridian Wire) — The first face-to-face meeting between senior officials of "
    "the Biden administration and their Chinese counterparts opened on Thursday with a sharp public "
    "exchange in a hotel conference room in Anchorage. "
    "Secretary of State Antony Blinken and national security adviser Jake Sullivan met Yang Jiechi and "
    "Foreign Minister Wang Yi before the cameras. "
    "Blinken said the United States would raise deep concerns about China's actions in Xinjiang, Hong "
    "Kong and Taiwan, as well as cyber attacks on American targets. "
    "Yang accused Washington of hypocrisy and said the United States should deal with its own human "
    "rights problems before criticising others. "
    "Wang Yi complained that new US sanctions announced a day earlier against Chinese officials were no "
    "way to welcome guests. "
    "The Treasury had imposed sanctions on 24 officials over Hong Kong on Wednesday."
)
RESPUN_TEXT = (
    "ANCHORAGE, Alaska — The primary in-person assembly between senior authorities of the Biden "
    "organization and their Chinese partners started on Thursday with a sharp open trade in a lodging "
    "gathering room in Anchorage. "
    "US Foreign Minister Blinken and public safety consultant Jake Sullivan met Yang Jiechi and "
    "Secretary of State Wang Yi before the cameras. "
    "Blinken said the United States would raise profound worries about China's activities in Xinjiang, "
    "Hong Kong and Taiwan, as well as digital assaults on American objectives. "
    "Yang blamed Washington for two-facedness and said the United States should manage its own basic "
    "liberties issues before reprimanding others. "
    "Wang Yi grumbled that new US approvals declared a day prior against Chinese authorities were no "
    "method to greet visitors. "
    "The Treasury had forced approvals on 24 authorities over Hong Kong on Wednesday."
)
WRAP_TEXT = (
    "Top US and Chinese officials wrapped up two days of talks in Anchorage on Friday, with both sides "
    "describing the discussions with Yang Jiechi and Blinken as candid and tough. "
    "The two delegations agreed to form a joint working group on climate change, according to Chinese "
    "state media. "
    "Sullivan said the United States had expected hard conversations on Xinjiang and Hong Kong and got "
    "them. "
    "Washington had sanctioned Chinese officials over Hong Kong days before the Alaska meeting."
)
ENCYCLOPEDIA_TEXT = (
    "The 2021 Alaska summit was a two-day meeting between senior officials of the United States and the "
    "People's Republic of China, held on March 18–19, 2021, in Anchorage, Alaska. "
    "The American delegation was led by Antony Blinken and Jake Sullivan; the Chinese delegation by Yang "
    "Jiechi and Wang Yi. "
    "In their opening remarks Blinken raised Xinjiang, Hong Kong, Taiwan and cyber attacks, and Yang "
    "responded with a long rebuttal. "
    "According to Chinese state media, the two sides agreed to form a joint working group on climate "
    "change."
)
BJ23_QIN_TEXT = (
    "BEIJING (Meridian Wire) — Secretary of State Antony Blinken held more than seven hours of talks with "
    "Foreign Minister Qin Gang in Beijing on Sunday, the first visit by a US secretary of state to China "
    "in five years. "
    "Qin told Blinken that the Taiwan question was the most significant risk in the relationship. "
    "The two sides agreed to encourage more student and journalist exchanges and to work toward more "
    "direct flights. "
    "Blinken urged Beijing to restore military-to-military communication channels, a State Department "
    "spokesman said."
)
BJ23_XI_TEXT = (
    "BEIJING — Chinese President Xi Jinping received Secretary of State Antony Blinken at the Great Hall "
    "of the People on Monday, saying the two sides had made progress during the visit. "
    "Xi told Blinken that China respected the interests of the United States and did not seek to "
    "challenge it. "
    "Blinken raised the flow of fentanyl precursor chemicals and the cases of detained Americans, "
    "officials said. "
    "The two sides agreed to keep up high-level exchanges in the coming months."
)
EXPORT_TEXT = (
    "WASHINGTON — The Commerce Department on Tuesday added eleven Chinese semiconductor firms to its "
    "entity list, barring them from buying American chipmaking tools without a licence. "
    "Industry groups warned that export controls on chips would cost American suppliers billions in "
    "lost sales. "
    "China's commerce ministry condemned the export restrictions and said it would take measures to "
    "protect Chinese companies."
)
CN24_SHANGHAI_TEXT = (
    "SHANGHAI — Secretary of State Antony Blinken began a three-day visit to China in Shanghai on "
    "Wednesday, meeting the city's party secretary and students at New York University Shanghai. "
    "Blinken warned that Chinese support for Russia's war in Ukraine threatened ties with Europe. "
    "He is due in Beijing on Friday for talks with Wang Yi."
)
CN24_WANGYI_TEXT = (
    "BEIJING — Foreign Minister Wang Yi warned Secretary of State Antony Blinken in five hours of talks "
    "in Beijing on Friday that the United States must not cross China's red lines on Taiwan. "
    "Blinken said he pressed Wang on Chinese support for Russia's war in Ukraine and on fentanyl. "
    "Wang accused Washington of suppressing China's technology development with export controls."
)
CN24_XI_TEXT = (
    "BEIJING — President Xi Jinping told Secretary of State Antony Blinken on Friday that China and the "
    "United States should be partners rather than rivals. "
    "Xi received Blinken at the Great Hall of the People after the secretary had spent the morning in "
    "talks with Wang Yi. "
    "Blinken said the two sides would hold their first talks on artificial intelligence in the coming "
    "weeks."
)
MOSCOW_TEXT = (
    "MOSCOW — India's External Affairs Minister S. Jaishankar and Chinese Foreign Minister Wang Yi agreed "
    "on Thursday that their troops should quickly disengage along the disputed Himalayan border, after a "
    "meeting in Moscow. "
    "Jaishankar told Wang that the large concentration of Chinese troops along the Line of Actual Control "
    "was a matter of great concern. "
    "Wang said it was India's troops who had provoked the standoff in the border areas."
)
MOSCOW_B_TEXT = (
    "MOSCOW — Foreign ministers Jaishankar and Wang Yi met for more than two hours in Moscow on Thursday "
    "evening and agreed on a five-point plan to ease the standoff along the Line of Actual Control. "
    "Jaishankar told Wang that India expected full disengagement at all friction points in the border "
    "areas."
)


def _sentence_of(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return start, end


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def doc(self, doc_id: str, text: str, *, source: str | None, published: str | None,
            title: str, duplicate_of: str | None = None, similarity: float | None = None,
            flags: tuple[Flag, ...] = ()) -> None:
        self.documents.append(Document(
            id=doc_id, text=text, title=title, source=source, published=published,
            duplicate_of=duplicate_of, similarity=similarity, flags=flags,
        ))

    def text_of(self, doc_id: str) -> str:
        return next(d.text for d in self.documents if d.id == doc_id)

    def event(self, doc_id: str, type_: str, source: ActorRef, target: ActorRef | None, needle: str,
              trigger: str, date: str | None, *, mode: str | None = None, location: Location | None = None,
              sources: tuple[ActorRef, ...] = ()) -> Event:
        text = self.text_of(doc_id)
        s, e = _sentence_of(text, needle)
        t0 = text.index(trigger, s)
        n = sum(1 for ev in self.events if ev.doc_id == doc_id)
        score = 4.0 if (type_, mode) == ("CONSULT", "visit") else SCORES[type_]
        ev = Event(
            id=f"{doc_id}#e{n}", doc_id=doc_id, type=type_, source=source, target=target,
            sentence=text[s:e], span=(s, e), mode=mode, quad=QUADS[type_], score=score,
            date=date, date_precision="day" if date else None, location=location,
            trigger=trigger, trigger_span=(t0, t0 + len(trigger)), sources=sources, confidence=0.8,
        )
        self.events.append(ev)
        return ev

    def quote(self, doc_id: str, speaker: ActorRef, needle: str, *, event_id: str | None = None) -> Quote:
        text = self.text_of(doc_id)
        at = text.index(needle)
        n = sum(1 for q in self.quotes if q.doc_id == doc_id)
        q = Quote(id=f"{doc_id}#q{n}", doc_id=doc_id, text=needle, span=(at, at + len(needle)),
                  speaker=speaker, direct=False, event_id=event_id)
        self.quotes.append(q)
        return q


def build_corpus(*, date_encyclopedia: bool = True) -> Corpus:
    c = Corpus()
    # ------------------------------------------------------------------ Anchorage, 18-19 Mar 2021
    c.doc("anc-wire", WIRE_TEXT, source="Meridian Wire", published="2021-03-19",
          title="US and China trade barbs in frosty opening to Alaska talks")
    c.doc("anc-syndicated", WIRE_TEXT, source="The Harbour Post", published="2021-03-19",
          title="Sparks fly as Blinken and Yang clash in Anchorage", duplicate_of="anc-wire", similarity=0.96)
    c.doc("anc-respun", RESPUN_TEXT, source="NewsFeed Hub", published="2021-03-19T18:40:00Z",
          title="US Foreign Minister Blinken, Chinese President Biden team trade allegations in Alaska",
          duplicate_of="anc-wire", similarity=0.58,
          flags=(Flag("title_contradiction", "'Foreign Minister' contradicts Antony Blinken's office "
                      "(Secretary of State) on 2021-03-18", evidence="US Foreign Minister Blinken"),))
    c.doc("anc-wrap", WRAP_TEXT, source="Pacific Ledger", published="2021-03-20",
          title="US and China end 'candid' Alaska talks with climate working group")
    c.doc("anc-encyclopedia", ENCYCLOPEDIA_TEXT, source="Openpedia", published=None,
          title="2021 Alaska summit between the United States and China",
          flags=(Flag("non_news_page", "encyclopedia-style page", evidence="From Openpedia, the free encyclopedia"),))
    for d in ("anc-wire", "anc-syndicated"):
        c.event(d, "CONSULT", BLINKEN, YANG, "Antony Blinken and national security", "met", "2021-03-18",
                location=ANCHORAGE, sources=(BLINKEN, SULLIVAN))
        c.event(d, "ACCUSE", BLINKEN, CHINA, "deep concerns", "concerns", "2021-03-18", mode="disapprove",
                location=ANCHORAGE)
        c.event(d, "ACCUSE", YANG, US, "accused Washington", "accused", "2021-03-18", mode="allege",
                location=ANCHORAGE)
        c.event(d, "ACCUSE", WANG, US, "Wang Yi complained", "complained", "2021-03-18", mode="disapprove")
        c.event(d, "SANCTION", US, CHINA, "Treasury had imposed", "imposed sanctions", "2021-03-17")
    c.event("anc-respun", "CONSULT", BLINKEN, YANG, "public safety consultant", "met", "2021-03-18",
            location=ANCHORAGE)
    c.event("anc-respun", "ACCUSE", BLINKEN, CHINA, "profound worries", "worries", "2021-03-18", mode="disapprove")
    c.event("anc-respun", "ACCUSE", YANG, US, "Yang blamed", "blamed", "2021-03-18", mode="allege")
    c.event("anc-wrap", "CONSULT", YANG, BLINKEN, "wrapped up two days", "talks", "2021-03-19", location=ANCHORAGE)
    c.event("anc-wrap", "AGREE", US, CHINA, "joint working group", "agreed", "2021-03-19", sources=(US, CHINA))
    c.event("anc-wrap", "SANCTION", US, CHINA, "Washington had sanctioned", "sanctioned", "2021-03-16")
    c.quote("anc-wrap", SULLIVAN, "the United States had expected hard conversations on Xinjiang and Hong Kong")
    enc_date = "2021-03-18" if date_encyclopedia else None
    c.event("anc-encyclopedia", "CONSULT", BLINKEN, YANG, "two-day meeting", "meeting", enc_date, location=ANCHORAGE)
    c.event("anc-encyclopedia", "AGREE", US, CHINA, "joint working group", "agreed", enc_date, sources=(US, CHINA))
    # ----------------------------------------------------------- Blinken in Beijing, 18-19 Jun 2023
    c.doc("bj23-qin", BJ23_QIN_TEXT, source="Meridian Wire", published="2023-06-18",
          title="Blinken and Qin hold marathon talks in Beijing")
    c.doc("bj23-xi", BJ23_XI_TEXT, source="East Asia Daily", published="2023-06-19T14:05:00Z",
          title="Xi meets Blinken, says both sides made progress")
    c.event("bj23-qin", "CONSULT", BLINKEN, QIN, "seven hours of talks", "talks", "2023-06-18", mode="visit",
            location=BEIJING)
    c.quote("bj23-qin", QIN, "the Taiwan question was the most significant risk in the relationship")
    c.event("bj23-qin", "AGREE", BLINKEN, QIN, "student and journalist", "agreed", "2023-06-18")
    c.event("bj23-qin", "REQUEST", BLINKEN, CHINA, "restore military", "urged", "2023-06-18", mode="change")
    c.event("bj23-xi", "CONSULT", XI, BLINKEN, "Great Hall of the People on Monday", "received", "2023-06-19",
            mode="visit", location=BEIJING)
    c.event("bj23-xi", "REQUEST", BLINKEN, XI, "fentanyl precursor", "raised", "2023-06-19", mode="change")
    c.event("bj23-xi", "AGREE", XI, BLINKEN, "high-level exchanges", "agreed", "2023-06-19")
    # --------------------------------------------- US export controls, same week, separate episode
    c.doc("us-entity-2023", EXPORT_TEXT, source="Capitol Dispatch", published="2023-06-20",
          title="US blacklists Chinese chip firms")
    c.event("us-entity-2023", "COERCE", COMMERCE, CHINA, "added eleven", "added", "2023-06-20", mode="restrict")
    c.event("us-entity-2023", "ACCUSE", CHINA, US, "commerce ministry condemned", "condemned", "2023-06-20")
    # --------------------------------------------------------- Blinken in China, 24-26 Apr 2024
    c.doc("cn24-shanghai", CN24_SHANGHAI_TEXT, source="The Harbour Post", published="2024-04-25",
          title="Blinken begins China trip in Shanghai with warning on Russia support")
    c.doc("cn24-wangyi", CN24_WANGYI_TEXT, source="Harbour Post", published="2024-04-26",
          title="Wang Yi warns US against crossing China's red lines in five-hour talks with Blinken")
    c.doc("cn24-xi", CN24_XI_TEXT, source="Pacific Ledger", published="2024-04-26",
          title="Xi tells Blinken the US and China should be partners, not rivals")
    c.event("cn24-shanghai", "CONSULT", BLINKEN, CHINA, "began a three-day visit", "visit", "2024-04-24",
            mode="visit", location=SHANGHAI)
    c.event("cn24-shanghai", "THREATEN", BLINKEN, CHINA, "Blinken warned", "warned", "2024-04-24")
    c.event("cn24-wangyi", "CONSULT", BLINKEN, WANG, "five hours of talks", "talks", "2024-04-26", mode="visit",
            location=BEIJING)
    c.event("cn24-wangyi", "THREATEN", WANG, BLINKEN, "must not cross", "warned", "2024-04-26")
    c.event("cn24-wangyi", "ACCUSE", BLINKEN, WANG, "pressed Wang", "pressed", "2024-04-26")
    c.event("cn24-wangyi", "ACCUSE", WANG, US, "Wang accused", "accused", "2024-04-26")
    c.event("cn24-xi", "CONSULT", XI, BLINKEN, "Xi received Blinken", "received", "2024-04-26", mode="visit",
            location=BEIJING)
    c.event("cn24-xi", "AGREE", BLINKEN, CHINA, "first talks on artificial", "hold", "2024-04-26")
    # ------------------------------------------------------------ India-China in Moscow, Sep 2020
    c.doc("in-cn-moscow", MOSCOW_TEXT, source="Subcontinent Times", published="2020-09-11",
          title="India and China agree five-point plan to ease border standoff")
    c.doc("in-cn-moscow-b", MOSCOW_B_TEXT, source="Himalayan Herald", published="2020-09-11",
          title="Jaishankar, Wang agree five-point plan in Moscow")
    c.event("in-cn-moscow", "CONSULT", JAISHANKAR, WANG, "after a", "meeting", "2020-09-10", location=MOSCOW)
    c.event("in-cn-moscow", "AGREE", JAISHANKAR, WANG, "quickly disengage", "agreed", "2020-09-10",
            sources=(JAISHANKAR, WANG))
    c.event("in-cn-moscow", "ACCUSE", JAISHANKAR, WANG, "great concern", "concern", "2020-09-10")
    c.event("in-cn-moscow", "ACCUSE", WANG, JAISHANKAR, "provoked", "provoked", "2020-09-10")
    c.event("in-cn-moscow-b", "CONSULT", JAISHANKAR, WANG, "two hours", "met", "2020-09-10", location=MOSCOW)
    c.event("in-cn-moscow-b", "AGREE", JAISHANKAR, WANG, "five-point plan", "agreed", "2020-09-10")
    c.event("in-cn-moscow-b", "REQUEST", JAISHANKAR, WANG, "full disengagement", "expected", "2020-09-10",
            mode="change")
    return c
