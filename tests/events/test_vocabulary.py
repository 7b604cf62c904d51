"""The lexicon's wire and newspaper vocabulary: verbs, particle and light-verb frames and event
nouns for each CAMEO root, on real-shaped sentences we wrote (headlines, passives, British
spellings), coded by the real spaCy pipeline and actors stage."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _countries, _find

from communique.events import code_text

# sentence, expected type, expected CAMEO code (None = don't care), source country, target
# country (None = don't care)
VOCABULARY = [
    # AGREE (03): weighing or eyeing a step is an intention; deals thrashed out; offers to mediate
    ("Japan eyes closer defence cooperation with the Philippines.", "AGREE", "031", "JPN", "PHL"),
    ("Israel and Hamas thrashed out a deal on the hostages in Doha.", "AGREE", None, "ISR", None),
    ("Turkey offered to arbitrate between Russia and Ukraine.", "AGREE", None, "TUR", "RUS"),
    ("Seoul vows to mend ties with Tokyo", "AGREE", "032", "KOR", "JPN"),
    # CONSULT (04)
    ("Iranian and Saudi officials sat down with Chinese mediators in Beijing.", "CONSULT", "040", "IRN", "CHN"),
    ("Qatar kicked off talks between Israel and Hamas on Monday.", "CONSULT", "046", "QAT", "ISR"),
    ("Pakistan entered into negotiations with the IMF last week.", "CONSULT", "046", "PAK", None),
    ("The German chancellor jetted to Beijing on Sunday.", "CONSULT", "042", "DEU", "CHN"),
    ("Indian Prime Minister Narendra Modi paid a visit to Moscow in July.", "CONSULT", "042", "IND", "RUS"),
    # SUPPORT (05)
    ("France threw its weight behind Germany's proposal.", "SUPPORT", "051", "FRA", "DEU"),
    ("Japan lent its support to South Korea's bid for a council seat.", "SUPPORT", "051", "JPN", "KOR"),
    ("Turkey and Armenia mended ties after decades of hostility.", "SUPPORT", "050", "TUR", None),
    ("Saudi Arabia reopened its embassy in Damascus.", "SUPPORT", "050", "SAU", "SYR"),
    ("Bahrain appointed an ambassador to Israel.", "SUPPORT", "050", "BHR", "ISR"),
    ("Egypt extolled Qatar's role in the negotiations.", "SUPPORT", "051", "EGY", "QAT"),
    ("China came to Russia's defence at the Security Council.", "SUPPORT", "051", "CHN", None),
    ("Morocco and Israel formalised their ties in Rabat.", "SUPPORT", "057", "MAR", None),
    # CONCEDE (05, 08): climb-downs, unbanning, unfreezing, withdrawn complaints
    ("Britain rowed back on its plan to deport asylum seekers.", "CONCEDE", "080", "GBR", None),
    ("The Thai junta unbanned the main opposition party.", "CONCEDE", "0812", "THA", None),
    ("Washington unfroze Iranian assets held in South Korea.", "CONCEDE", "085", "USA", "IRN"),
    ("Ankara lifted its veto on Sweden's membership of NATO.", "CONCEDE", "083", "TUR", None),
    ("Budapest dropped its objections to Ukraine's accession talks.", "CONCEDE", "083", "HUN", "UKR"),
    ("Kenyan President William Ruto scrapped a tax bill after protests.", "CONCEDE", "080", "KEN", None),
    ("Indian authorities restored mobile internet across Kashmir.", "CONCEDE", "0811", "IND", None),
    ("South Korea withdrew its complaint against Japan at the WTO.", "CONCEDE", "080", "KOR", "JPN"),
    ("Washington removed Sudan from its list of state sponsors of terrorism.", "CONCEDE", "081", "USA", "SDN"),
    ("The European Union took the group off its terror blacklist.", "CONCEDE", "081", "EUR", None),
    ("Pakistan expressed regret to Afghanistan over the border incident.", "CONCEDE", "055", "PAK", "AFG"),
    # COOPERATE (06)
    ("Belarus teamed up with Russia on air defence.", "COOPERATE", "060", "BLR", "RUS"),
    ("Colombia handed over the suspect to the United States.", "COOPERATE", "063", "COL", "USA"),
    ("The United States passed intelligence to Ukraine about the Russian offensive.", "COOPERATE", "064", "USA", "UKR"),
    ("India bought oil from Russia in record amounts.", "COOPERATE", "061", "IND", "RUS"),
    ("Moroccan intelligence tipped off Spain about the cell in Ceuta.", "COOPERATE", "064", "MAR", "ESP"),
    # joint infrastructure opened, deliveries taken, arms bought and sold, intelligence briefings
    ("Serbia opened a gas interconnector with Bulgaria in December.", "COOPERATE", "061", "SRB", "BGR"),
    ("China opened a new port with Pakistan at Gwadar.", "COOPERATE", "061", "CHN", "PAK"),
    ("Egypt took delivery of two Mistral helicopter carriers from France.", "COOPERATE", "060", "EGY", "FRA"),
    ("The United States sold F-16 fighters to Taiwan.", "COOPERATE", "062", "USA", "TWN"),
    ("Saudi Arabia bought Patriot missiles from the United States.", "COOPERATE", "062", "SAU", "USA"),
    ("Qatar shipped liquefied natural gas to Britain.", "COOPERATE", "061", "QAT", "GBR"),
    ("MI6 briefed Ukrainian officials on the invasion plot.", "COOPERATE", "064", "GBR", "UKR"),
    # AID (07)
    ("The IMF bailed out Sri Lanka.", "AID", "070", "IGO", "LKA"),
    ("Sri Lanka was bailed out by the IMF.", "AID", "070", "IGO", "LKA"),
    ("China wrote off Zambia's debt.", "AID", "071", "CHN", "ZMB"),
    ("Japan forgave Myanmar's debt in 2013.", "AID", "071", "JPN", "MMR"),
    ("Turkey flew ventilators and oxygen to Italy.", "AID", "070", "TUR", "ITA"),
    ("Poland took in millions of Ukrainian refugees.", "AID", "075", "POL", "UKR"),
    ("Germany channelled $500 million to Jordan.", "AID", "070", "DEU", "JOR"),
    ("Germany donated tanks to Ukraine.", "AID", "072", "DEU", "UKR"),
    ("UN peacekeepers took up positions in southern Lebanon.", "AID", "074", "UNO", "LBN"),
    # RETREAT (08): carried out
    ("Russian troops abandoned their positions near Kharkiv.", "RETREAT", "0874", "RUS", None),
    ("Israeli troops held fire for two hours.", "RETREAT", "0871", "ISR", None),
    ("The Peruvian president sacked his interior minister.", "RETREAT", "0831", "PER", None),
    ("The Iraqi prime minister tendered his resignation.", "RETREAT", "0831", "IRQ", None),
    ("The Sudanese president handed power to the army.", "RETREAT", "0831", "SDN", None),
    ("The Italian prime minister handed his resignation to the president.", "RETREAT", "0831", "ITA", None),
    ("Syria let in UN inspectors.", "RETREAT", "086", "SYR", None),
    ("Kenyan teachers called off their strike on Monday.", "RETREAT", "082", "KEN", None),
    ("Colombian paramilitaries disbanded their militia.", "RETREAT", "0873", "COL", None),
    # REQUEST (10)
    ("Ukraine asked for more air defence systems from Germany.", "REQUEST", None, "UKR", "DEU"),
    ("Kyiv sought help from Washington.", "REQUEST", "103", "UKR", "USA"),
    ("Saudi Arabia handed Qatar thirteen demands in 2017.", "REQUEST", "100", "SAU", "QAT"),
    ("The United States stepped up pressure on Venezuela.", "REQUEST", "100", "USA", "VEN"),
    ("Iran sought the release of its diplomats from Germany.", "REQUEST", "1053", "IRN", "DEU"),
    # ACCUSE (09, 11)
    ("China hit out at Australia over its new security law.", "ACCUSE", "111", "CHN", "AUS"),
    ("Beijing rounded on Washington over the arms sale.", "ACCUSE", "111", "CHN", "USA"),
    ("Beijing lashes out at Manila over reef", "ACCUSE", "111", "CHN", "PHL"),
    ("The United States pointed the finger at North Korea for the hack.", "ACCUSE", "112", "USA", "PRK"),
    ("Ukraine pinned the blame on Russia for the dam explosion.", "ACCUSE", "112", "UKR", "RUS"),
    ("Ukraine took Russia to the International Court of Justice.", "ACCUSE", "115", "UKR", "RUS"),
    ("South Korea and Japan sparred over the disputed islands.", "ACCUSE", "111", "KOR", None),
    ("French prosecutors looked into Sarkozy's campaign funding.", "ACCUSE", "090", "FRA", None),
    # REJECT (12)
    ("Beijing ruled out talks with the Dalai Lama.", "REJECT", "125", "CHN", None),
    ("Russia brushed aside criticism from the United Nations.", "REJECT", "120", "RUS", "UNO"),
    ("Iran violated UN sanctions by selling drones to Russia.", "REJECT", "128", "IRN", None),
    ("Hungary nixed the EU aid package for Ukraine.", "REJECT", "121", "HUN", None),
    ("The Russian proposal was shot down by France.", "REJECT", "120", "FRA", "RUS"),
    # THREATEN (13)
    ("The European Union is mulling new sanctions on Belarus.", "THREATEN", "1312", "EUR", "BLR"),
    ("Moscow put NATO on notice.", "THREATEN", "130", "RUS", None),
    ("Saudi Arabia handed Qatar an ultimatum.", "THREATEN", "130", "SAU", "QAT"),
    ("China brandished new tariffs against Australia.", "THREATEN", "130", "CHN", "AUS"),
    # PROTEST (14)
    ("British nurses downed tools over pay.", "PROTEST", "1431", "GBR", None),
    ("Palestinian prisoners went on hunger strike in Israeli jails.", "PROTEST", "142", "PSE", None),
    ("Thousands of protesters massed outside the parliament in Tbilisi.", "PROTEST", "141", "GEO", None),
    ("A nationwide strike by Argentine unions paralysed Buenos Aires.", "PROTEST", "1431", "ARG", None),
    # MOBILIZE (15)
    ("Taiwan scrambled jets after Chinese aircraft entered its air defence zone.", "MOBILIZE", "152", "TWN", None),
    ("Russia put its nuclear forces on high alert.", "MOBILIZE", "152", "RUS", None),
    ("Israel called up 300,000 reservists.", "MOBILIZE", "154", "ISR", None),
    ("Chinese warships sailed through the Taiwan Strait.", "MOBILIZE", "150", "CHN", None),
    ("Russian drones violated Polish airspace.", "MOBILIZE", "150", "RUS", "POL"),
    ("India beefed up security along its border with Pakistan.", "MOBILIZE", "153", "IND", None),
    ("Chinese troops took up positions along the border with India.", "MOBILIZE", "154", "CHN", "IND"),
    ("Serbian tanks massed near the boundary with Kosovo.", "MOBILIZE", "154", "SRB", None),
    ("Russia beefed up its military presence near Finland.", "MOBILIZE", "154", "RUS", "FIN"),
    ("Pakistan moved armour to the border with India.", "MOBILIZE", "154", "PAK", "IND"),
    ("Georgian authorities massed riot police outside parliament.", "MOBILIZE", "153", "GEO", None),
    # SANCTION (16)
    ("China hiked tariffs on Australian barley.", "SANCTION", "163", "CHN", "AUS"),
    ("The United States withdrew from the Paris climate accord.", "SANCTION", "164", "USA", None),
    ("The UN General Assembly suspended Russia from the Human Rights Council.", "SANCTION", "160", "UNO", "RUS"),
    ("Poland kicked out two Russian diplomats.", "SANCTION", "166", "POL", "RUS"),
    ("Russia cut off gas supplies to Bulgaria.", "SANCTION", "162", "RUS", "BGR"),
    ("Britain froze the bank accounts of Russian oligarchs.", "SANCTION", "163", "GBR", "RUS"),
    ("Germany froze $300 million in aid to Mali.", "SANCTION", "162", "DEU", "MLI"),
    ("A Belarusian court handed the Polish journalist an eight-year sentence.", "SANCTION", "116", "BLR", "POL"),
    ("Egypt sealed its border with Gaza.", "SANCTION", "160", "EGY", "PSE"),
    ("US escalates trade war with China", "SANCTION", "163", "USA", "CHN"),
    # COERCE (17)
    ("Hong Kong police remanded the activist in custody.", "COERCE", "173", "HKG", None),
    ("The Iranian navy intercepted a British tanker in the Strait of Hormuz.", "COERCE", "171", "IRN", "GBR"),
    ("Greece pushed back migrants to Turkey.", "COERCE", "174", "GRC", "TUR"),
    ("Ethiopia cut internet access in Tigray.", "COERCE", "1721", "ETH", None),
    ("Myanmar's junta crushed dissent in Yangon.", "COERCE", "1721", "MMR", None),
    ("Kazakh security forces put down the uprising in Almaty.", "COERCE", "175", "KAZ", None),
    ("Chinese hackers broke into the Pentagon's network.", "COERCE", "176", "CHN", "USA"),
    # ASSAULT (18-20)
    ("Kenyan police fired tear gas at protesters in Nairobi.", "ASSAULT", "175", "KEN", None),
    ("Atrocities by Sudanese militias in Darfur shocked the world.", "ASSAULT", "200", "SDN", None),
    ("UN prosecutors examined atrocities committed by Serbian forces in Kosovo.", "ACCUSE", None, "UNO", "SRB"),
    ("Congolese soldiers hacked villagers to death in Kasai.", "ASSAULT", "1823", "COD", None),
    ("The Pakistani army eliminated a top militant commander in Waziristan.", "ASSAULT", "1823", "PAK", None),
    ("Hamas used civilians as human shields.", "ASSAULT", "184", "PSE", None),
    ("India and Pakistan exchanged fire across the Line of Control.", "ASSAULT", "193", "IND", None),
    ("Ukraine downed a Russian fighter jet over Bakhmut.", "ASSAULT", "190", "UKR", "RUS"),
    ("A Russian fighter jet was downed by Ukraine over Bakhmut.", "ASSAULT", "190", "UKR", "RUS"),
    ("Houthi rebels sank a cargo ship in the Red Sea.", "ASSAULT", "190", "YEM", None),
    ("Hamas fired rockets into southern Israel.", "ASSAULT", "190", "PSE", "ISR"),
    ("Russian troops shelled Kherson overnight.", "ASSAULT", "194", "RUS", None),
    ("Israeli bulldozers levelled Palestinian homes in the West Bank.", "ASSAULT", "1712", "ISR", "PSE"),
    ("Russia's drone strikes on Kyiv continued overnight.", "ASSAULT", "1952", "RUS", "UKR"),
    ("The Syrian army's chemical attack on Douma killed dozens.", "ASSAULT", "2041", "SYR", None),
    # end-to-end gaps: apologies in plain words, fighting side by side, trade nouns,
    # money deposited or extended, shelter given, strikes walked, embargoes placed, readmission
    ("Argentine President Javier Milei said sorry to Brazil for his remarks.", "CONCEDE", "055", "ARG", "BRA"),
    ("Canadian Prime Minister Justin Trudeau begged forgiveness from the Cree nation.", "CONCEDE", "055", "CAN", None),
    ("Chadian troops fought alongside Nigerian soldiers against Boko Haram.", "COOPERATE", "062", "TCD", "NGA"),
    ("Nepal's purchase of fuel from China angered New Delhi.", "COOPERATE", "061", "NPL", "CHN"),
    ("Egypt's sale of gas to Jordan resumed in 2019.", "COOPERATE", "061", "EGY", "JOR"),
    ("Kuwait deposited $1 billion in Jordan's central bank.", "AID", "071", "KWT", "JOR"),
    ("India extended Bangladesh a $2 billion credit line in 2016.", "AID", "071", "IND", "BGD"),
    ("Iran furnished the Houthis with drones and missiles.", "AID", None, "IRN", "YEM"),
    ("Morocco gave shelter to thousands of Malian refugees.", "AID", "075", "MAR", "MLI"),
    ("Dock workers in Antwerp walked off the job on Tuesday.", "PROTEST", "1431", "BEL", None),
    ("Bolivia placed an oil embargo on Peru.", "SANCTION", "163", "BOL", "PER"),
    ("Chad readmitted UN human rights monitors in March.", "RETREAT", "086", "TCD", "UNO"),
]


@pytest.mark.parametrize(("text", "type_", "cameo", "src", "tgt"), VOCABULARY)
def test_vocabulary_codes_type_code_and_dyad(nlp: Any, text: str, type_: str, cameo: str | None, src: str,
                                             tgt: str | None) -> None:
    events = code_text(text)
    ev = _find(events, type_)
    assert ev is not None, f"no {type_} in {[(e.type, e.cameo, e.pattern) for e in events]}"
    if cameo is not None:
        assert ev.cameo == cameo, ev.pattern
    assert src in _countries(ev.sources), [a.code for a in ev.sources]
    if tgt is not None:
        assert tgt in _countries(ev.targets), [a.code for a in ev.targets]


def test_vocabulary_covers_every_type_at_least_twice() -> None:
    from collections import Counter

    from communique.records import EVENT_TYPES

    counts = Counter(t for _, t, *_ in VOCABULARY)
    assert {t for t in EVENT_TYPES if counts[t] < 2} == set()


# Senses the new frames must not take: sentence, type that must not be coded
NOT_CODED = [
    ("The storm cut power to thousands of homes in Florida.", "SANCTION"),  # utilities need a deliberate cut
    ("Chinese cargo ships sailed through the Suez Canal.", "MOBILIZE"),  # merchant ships show no force
    ("The Russian foreign minister boarded a plane to Minsk.", "COERCE"),  # boarding a flight is travel
    ("Washington said it would stand up for its principles.", "AGREE"),  # no party is backed
    ("Kyiv offered neutrality, giving up its NATO bid in exchange for guarantees.", "CONCEDE"),  # "in exchange"
    ("Japan did not rule out talks with North Korea.", "REJECT"),  # negated refusal
    ("Hamas fired rockets into southern Israel.", "MOBILIZE"),  # rockets into a country: no test
    ("The Fed raised interest rates again.", "REQUEST"),
    ("Ukraine restored power to Kharkiv after the strikes.", "RETREAT"),  # electricity is no office
    ("Russia opened a bridge to Crimea across the Kerch Strait.", "COOPERATE"),  # a domestic opening, no partner
    ("The foreign minister briefed EU ambassadors on the talks.", "COOPERATE"),  # a briefing, no intelligence
    ("Thousands of protesters massed outside parliament in Belgrade.", "MOBILIZE"),  # a crowd protests
    ("UN peacekeepers took up positions in southern Lebanon.", "MOBILIZE"),  # peacekeepers protect
    ("The United States sold F-16 fighters to Taiwan.", "AID"),  # a sale is no gift
    ("Villagers in Gaza took shelter in a school.", "AID"),  # sheltering oneself is no asylum given
    ("Sudanese army units fought with RSF fighters in Khartoum.", "COOPERATE"),  # "fought with" is fighting
    ("The court found the evidence weak.", "SANCTION"),  # only guilt or liability convicts
    # "make X transparent" is a result, not a light verb with an aid noun
    ("The Armenian cabinet says the new rules will make foreign funding more transparent.", "AGREE"),
]


@pytest.mark.parametrize(("text", "type_"), NOT_CODED)
def test_vocabulary_not_coded(nlp: Any, text: str, type_: str) -> None:
    assert _find(code_text(text), type_) is None, [(e.type, e.pattern) for e in code_text(text)]


# Regression tests for the frame finder (frames.py) found with the sentences above
def test_vocabulary_particle_with_its_own_preposition_reads_the_object(nlp: Any) -> None:
    """"pulled out of the deal", "walked away from the talks": the object sits under a preposition
    under the particle, and the object-specific frame (SANCTION 164) must see it."""
    for text in ("The United States pulled out of the nuclear deal with Iran.",
                 "Washington walked away from the talks with Tehran."):
        ev = _find(code_text(text), "SANCTION")
        assert ev is not None and ev.cameo == "164", text
        assert _find(code_text(text), "RETREAT") is None


def test_vocabulary_particle_object_compound_picks_the_hunger_strike(nlp: Any) -> None:
    ev = _find(code_text("Palestinian prisoners went on hunger strike in Israeli jails."), "PROTEST")
    assert ev is not None and (ev.mode, ev.cameo) == ("hunger", "142")


def test_vocabulary_tear_gas_is_crowd_control_not_a_chemical_weapon(nlp: Any) -> None:
    ev = _find(code_text("Kenyan police fired tear gas at protesters in Nairobi."), "ASSAULT")
    assert ev is not None and (ev.mode, ev.cameo) == ("crowd-control", "175")
    ev = _find(code_text("Syrian government forces fired chlorine gas at the rebels."), "ASSAULT")
    assert ev is not None and ev.mode == "unconventional"



def test_vocabulary_adjective_small_clause_is_the_verbs_particle(nlp: Any) -> None:
    """"found X guilty", "set X free": the adjective after the object names the verb's meaning,
    and the small clause's subject is the object (active and passive)."""
    for text in ("A Lima court found former minister Jorge Ruiz guilty of bribery in 2019.",
                 "Former minister Jorge Ruiz was found guilty of bribery by a Lima court."):
        ev = _find(code_text(text), "SANCTION")
        assert ev is not None and ev.cameo == "116", text
        assert "Ruiz" in ev.target.text, text
    ev = _find(code_text("Kenya set two jailed Tanzanian journalists free on Monday."), "RETREAT")
    assert ev is not None and ev.mode == "release" and "TZA" in _countries(ev.targets)


def test_vocabulary_in_protest_at_makes_the_subject_a_protester(nlp: Any) -> None:
    """"did X in protest at Y's Z": the clause's subject protests, the party behind the thing
    protested at is the recipient (also when the parser hangs "at" on the verb)."""
    ev = _find(code_text("Nurses in Lagos stopped work in protest at the government's pay freeze."), "PROTEST")
    assert ev is not None and ev.source.country == "NGA" and ev.target is not None
    assert ev.target.text.endswith("government")
    ev = _find(code_text("Two Lebanese ministers resigned in protest over Hezbollah's role in the cabinet."), "PROTEST")
    assert ev is not None and "LBN" in _countries(ev.sources) and ev.target is not None
