"""Actors of 1990s and early-2000s news resolve to the country and sector they had on the day.

News archives reach back to 1990; these sentences are written the way agency copy of the period
read, and each is resolved on its dateline with the built-in knowledge base only. They cover the
offices added for 1990-2005 (heads of state and government, foreign and defence ministers, envoys),
the armed and separatist groups of the period, and the date rules that separate namesakes.
"""

from __future__ import annotations

import pytest

from communique.actors import load_kb, resolve_text

# (text, sentence, date, expected actor id, expected code)
PEOPLE_CASES = [
    ("Foreign Minister Igor Ivanov", "Foreign Minister Igor Ivanov condemned the NATO air strikes on Yugoslavia.", "1999-03-24", "igor-ivanov", "RUSGOV"),
    ("Yeltsin", "Yeltsin said Russia would not send troops to Bosnia.", "1995-06-01", "boris-yeltsin", "RUSGOV"),
    ("Boris Yeltsin", "Russian President Boris Yeltsin resigned on New Year's Eve.", "1999-12-31", "boris-yeltsin", "RUSGOV"),
    ("Milosevic", "Milosevic rejected the Rambouillet peace plan.", "1999-03-20", "slobodan-milosevic", "SRBGOV"),
    ("Slobodan Milosevic", "Slobodan Milosevic went on trial in The Hague.", "2002-02-12", "slobodan-milosevic", "SRBELI"),
    ("Mikhail Gorbachev", "Mikhail Gorbachev met Bush in Helsinki to discuss the Gulf crisis.", "1990-09-09", "mikhail-gorbachev", "RUSGOV"),
    ("Andrei Kozyrev", "Andrei Kozyrev warned NATO against expanding eastward.", "1994-12-01", "andrei-kozyrev", "RUSGOV"),
    ("Primakov", "Primakov flew to Baghdad to defuse the inspections standoff.", "1997-11-20", "yevgeny-primakov", "RUSGOV"),
    ("Aslan Maskhadov", "Aslan Maskhadov signed a peace treaty with Moscow in the Kremlin.", "1997-05-12", "aslan-maskhadov", "RUSPRE"),
    ("Aslan Maskhadov", "Aslan Maskhadov called on his fighters to keep up the resistance.", "2002-06-01", "aslan-maskhadov", "RUSREB"),
    ("Dzhokhar Dudayev", "Dzhokhar Dudayev vowed to fight the Russian troops in Grozny.", "1995-01-05", "dzhokhar-dudayev", "RUSREB"),
    ("Arafat", "Arafat shook hands with Rabin on the White House lawn.", "1993-09-13", "yasser-arafat", "PSEGOV"),
    ("Rabin", "Arafat shook hands with Rabin on the White House lawn.", "1993-09-13", "yitzhak-rabin", "ISRGOV"),
    ("Shimon Peres", "Foreign Minister Shimon Peres met Palestinian negotiators in Oslo.", "1993-08-20", "shimon-peres", "ISRGOV"),
    ("Gaddafi", "Gaddafi agreed to hand over the two Lockerbie suspects.", "1999-04-05", "muammar-gaddafi", "LBYGOV"),
    ("Moammar Gadhafi", "Moammar Gadhafi received the UN envoy in his tent.", "1998-12-01", "muammar-gaddafi", "LBYGOV"),
    ("Bush", "Bush gave Iraq until January 15 to leave Kuwait.", "1990-11-29", "george-h-w-bush", "USAGOV"),
    ("Bush", "Bush told Iraq to disarm or face war.", "2003-03-17", "george-w-bush", "USAGOV"),
    ("Warren Christopher", "Secretary of State Warren Christopher arrived in Damascus for talks with Assad.", "1994-12-06", "warren-christopher", "USAGOV"),
    ("Tariq Aziz", "Tariq Aziz met James Baker in Geneva.", "1991-01-09", "tariq-aziz", "IRQGOV"),
    ("James Baker", "Tariq Aziz met James Baker in Geneva.", "1991-01-09", "james-baker", "USAGOV"),
    ("King Hussein", "King Hussein signed the peace treaty with Israel.", "1994-10-26", "king-hussein", "JORGOV"),
    ("Hussein", "Hussein refused to pull his troops out of Kuwait.", "1991-01-10", "saddam-hussein", "IRQGOV"),
    ("Hafez al-Assad", "Hafez al-Assad met Clinton in Geneva.", "2000-03-26", "hafez-al-assad", "SYRGOV"),
    ("Alija Izetbegovic", "Bosnian President Alija Izetbegovic signed the Dayton accord.", "1995-11-21", "alija-izetbegovic", "BIHGOV"),
    ("Radovan Karadzic", "Radovan Karadzic rejected the Contact Group map.", "1994-07-30", "radovan-karadzic", "BIHREB"),
    ("Ratko Mladic", "Ratko Mladic led his troops into Srebrenica.", "1995-07-11", "ratko-mladic", "BIHREB"),
    ("Franjo Tudjman", "Franjo Tudjman ordered the offensive into the Krajina.", "1995-08-04", "franjo-tudjman", "HRVGOV"),
    ("Ibrahim Rugova", "Ibrahim Rugova urged Kosovo Albanians to avoid violence.", "1998-03-05", "ibrahim-rugova", "KOSPTY"),
    ("Hashim Thaci", "Hashim Thaci led the Kosovo Albanian delegation at Rambouillet.", "1999-02-20", "hashim-thaci", "KOSREB"),
    ("Abdullah Ocalan", "Abdullah Ocalan was flown back to Turkey to stand trial.", "1999-02-16", "abdullah-ocalan", "TURREB"),
    ("Nelson Mandela", "Nelson Mandela walked out of Victor Verster prison.", "1990-02-11", "nelson-mandela", None),
    ("Nelson Mandela", "Nelson Mandela called on the ANC to suspend the armed struggle.", "1990-08-07", "nelson-mandela", "ZAFOPP"),
    ("Mandela", "Mandela was sworn in as president in Pretoria.", "1994-05-10", "nelson-mandela", "ZAFGOV"),
    ("Foday Sankoh", "Foday Sankoh signed the Lome peace accord.", "1999-07-07", "foday-sankoh", "SLEREB"),
    ("Charles Taylor", "Charles Taylor's rebels shelled Monrovia.", "1992-10-20", "charles-taylor", "LBRREB"),
    ("Charles Taylor", "Charles Taylor was sworn in as president of Liberia.", "1997-08-02", "charles-taylor", "LBRGOV"),
    ("Jonas Savimbi", "Jonas Savimbi rejected the election results.", "1992-10-05", "jonas-savimbi", "AGOREB"),
    ("Laurent Kabila", "Laurent Kabila's rebels entered Kisangani.", "1997-03-15", "laurent-desire-kabila", "CODREB"),
    ("Mobutu", "Mobutu left Kinshasa as the rebels closed in.", "1997-05-16", "mobutu-sese-seko", "CODGOV"),
    ("Paul Kagame", "Paul Kagame's rebels took Kigali.", "1994-07-04", "paul-kagame", "RWAREB"),
    ("Mullah Omar", "Mullah Omar refused to hand over bin Laden.", "1998-09-20", "mullah-omar", "AFGGOV"),
    ("Ahmad Shah Massoud", "Ahmad Shah Massoud's forces held the Panjshir valley against the Taliban.", "1999-08-01", "ahmad-shah-massoud", "AFGREB"),
    ("Benazir Bhutto", "Prime Minister Benazir Bhutto was dismissed by the president.", "1996-11-05", "benazir-bhutto", "PAKGOV"),
    ("Li Peng", "Premier Li Peng opened the session of the National People's Congress.", "1996-03-05", "li-peng", "CHNGOV"),
    ("Qian Qichen", "Foreign Minister Qian Qichen met Warren Christopher in Washington.", "1995-04-17", "qian-qichen", "CHNGOV"),
    ("Lee Teng-hui", "Lee Teng-hui visited Cornell University.", "1995-06-09", "lee-teng-hui", "TWNGOV"),
    ("Kim Il Sung", "Kim Il Sung met Jimmy Carter in Pyongyang.", "1994-06-16", "kim-il-sung", "PRKGOV"),
    ("Jimmy Carter", "Kim Il Sung met Jimmy Carter in Pyongyang.", "1994-06-16", "jimmy-carter", "USAELI"),
    ("Boutros Boutros-Ghali", "Boutros Boutros-Ghali called for more peacekeepers in Somalia.", "1993-06-10", "boutros-boutros-ghali", "UNOGOV"),
    ("Javier Solana", "NATO Secretary General Javier Solana ordered the air strikes.", "1999-03-24", "javier-solana", "IGOGOV"),
    ("Jacques Delors", "Jacques Delors presented the plan for monetary union.", "1989-04-17", "jacques-delors", "EURGOV"),
    ("Alberto Fujimori", "Alberto Fujimori dissolved Congress in a self-coup.", "1992-04-05", "alberto-fujimori", "PERGOV"),
    ("Abimael Guzman", "Police captured Abimael Guzman in a Lima safe house.", "1992-09-12", "abimael-guzman", "PERREB"),
    ("Jean-Bertrand Aristide", "Jean-Bertrand Aristide returned to Port-au-Prince.", "1994-10-15", "jean-bertrand-aristide", "HTIGOV"),
]


@pytest.mark.parametrize(("text", "sentence", "date", "actor_id", "code"), PEOPLE_CASES)
def test_actors_history_person_takes_the_office_held_on_the_dateline(text: str, sentence: str, date: str, actor_id: str, code: str | None) -> None:
    res = resolve_text(text, context=sentence, date=date)
    assert res.actor is not None, res.why
    assert res.actor.actor_id == actor_id, res.why
    if code is None:  # before any office the person has no sector of their own
        assert res.actor.country == "ZAF" and res.actor.sector is None, res.why
    else:
        assert res.actor.code == code, res.why


# (text, sentence, date, expected code): groups, forces and tribunals of the period
GROUP_CASES = [
    ("the KLA", "The KLA ambushed a Serbian police patrol near Drenica.", "1998-03-01", "KOSREB"),
    ("Kosovo Liberation Army", "Kosovo Liberation Army fighters withdrew from Orahovac.", "1998-07-20", "KOSREB"),
    ("the Bosnian Serb army", "The Bosnian Serb army shelled Sarajevo again on Monday.", "1994-02-05", "BIHREB"),
    ("the Yugoslav army", "The Yugoslav army pulled out of Kosovo under the Kumanovo agreement.", "1999-06-10", "SRBMIL"),
    ("Republika Srpska", "Republika Srpska's parliament adopted the budget.", "2004-12-20", "BIHGOV"),
    ("the IRA", "The IRA announced a complete cessation of military operations.", "1994-08-31", "GBRREB"),
    ("Sinn Fein", "Sinn Fein joined the talks at Stormont.", "1997-09-15", "GBRPTY"),
    ("ETA", "ETA declared an indefinite truce.", "1998-09-16", "ESPREB"),
    ("the GIA", "The GIA claimed the massacre south of Algiers.", "1997-08-29", "DZAREB"),
    ("Islamic Salvation Front", "The Islamic Salvation Front won the first round of the election.", "1991-12-27", "DZAOPP"),
    ("the Zapatistas", "The Zapatistas seized San Cristobal de las Casas.", "1994-01-01", "MEXREB"),
    ("the Shining Path", "The Shining Path bombed a street in Miraflores.", "1992-07-16", "PERREB"),
    ("the AUC", "The AUC massacred villagers in El Salado.", "2000-02-18", "COLPRM"),
    ("Abu Sayyaf", "Abu Sayyaf kidnapped tourists from a Malaysian resort.", "2000-04-23", "PHLREB"),
    ("the MILF", "The MILF rejected the government's offer of autonomy.", "2000-04-01", "PHLREB"),
    ("the RUF", "The RUF took hundreds of UN peacekeepers hostage.", "2000-05-05", "SLEREB"),
    ("UNITA", "UNITA forces besieged Kuito.", "1993-06-01", "AGOREB"),
    ("UNITA", "UNITA took its seats in parliament as the main opposition.", "2008-09-30", "AGOOPP"),
    ("the Interahamwe", "The Interahamwe manned roadblocks across Kigali.", "1994-04-12", "RWAPRM"),
    ("the RPF", "The RPF advanced on Kigali from the north.", "1994-05-20", "RWAREB"),
    ("the Northern Alliance", "The Northern Alliance recaptured Taloqan.", "2000-09-05", "AFGREB"),
    ("the Taliban", "The Taliban closed girls' schools in Kabul.", "1996-10-01", "AFGGOV"),
    ("Chechen separatists", "Chechen separatists seized a hospital in Budyonnovsk.", "1995-06-14", "RUSREB"),
    ("Hamas", "Hamas claimed the bus bombing in Jerusalem.", "1996-02-25", "PSEREB"),
    ("the LTTE", "The LTTE attacked the Colombo airport.", "2001-07-24", "LKAREB"),
    ("the PKK", "The PKK declared a unilateral ceasefire.", "1999-08-05", "TURREB"),
    ("the ICTY", "The ICTY indicted Milosevic for crimes in Kosovo.", "1999-05-27", "UNOJUD"),
    ("UNPROFOR", "UNPROFOR peacekeepers were chained to bridges as hostages.", "1995-05-27", "UNOMIL"),
]


@pytest.mark.parametrize(("text", "sentence", "date", "code"), GROUP_CASES)
def test_actors_history_group_takes_the_sector_it_had_on_the_dateline(text: str, sentence: str, date: str, code: str) -> None:
    res = resolve_text(text, context=sentence, date=date)
    assert res.actor is not None, res.why
    assert res.actor.code == code, res.why


@pytest.mark.parametrize(
    ("text", "date", "actor_id"),
    [
        ("the Russian foreign minister", "1994-06-01", "andrei-kozyrev"),
        ("the Russian foreign minister", "1997-06-01", "yevgeny-primakov"),
        ("the Russian foreign minister", "1999-03-24", "igor-ivanov"),
        ("the Russian defence minister", "1995-01-10", "pavel-grachev"),
        ("the Israeli prime minister", "1991-10-30", "yitzhak-shamir"),
        ("the Israeli prime minister", "1994-10-26", "yitzhak-rabin"),
        ("the Israeli prime minister", "1996-03-01", "shimon-peres"),
        ("the British foreign secretary", "1993-05-01", "douglas-hurd"),
        ("the German chancellor", "1990-10-03", "helmut-kohl"),
        ("the French president", "1991-01-17", "francois-mitterrand"),
        ("the Japanese prime minister", "1995-08-15", "tomiichi-murayama"),
        ("the Iranian foreign minister", "1995-05-01", "ali-akbar-velayati"),
        ("the Syrian foreign minister", "1991-10-30", "farouk-al-sharaa"),
        ("the Indian prime minister", "1992-12-07", "p-v-narasimha-rao"),
        ("the Pakistani prime minister", "1995-01-01", "benazir-bhutto"),
        ("the Turkish prime minister", "1994-01-01", "tansu-ciller"),
        ("the Polish president", "1992-01-01", "lech-walesa"),
        ("the Chinese premier", "1995-01-01", "li-peng"),
        ("the US defense secretary", "1995-01-01", "william-perry"),
        ("the Egyptian defence minister", "1995-01-01", "mohamed-hussein-tantawi"),
    ],
)
def test_actors_history_title_alone_finds_the_holder_on_the_date(text: str, date: str, actor_id: str) -> None:
    res = resolve_text(text, date=date)
    assert res.actor is not None, res.why
    assert res.actor.actor_id == actor_id, res.why


def test_actors_history_namesakes_are_told_apart_by_the_date() -> None:
    kb = load_kb()
    named = {e.id for e in kb.people_named("Kabila")}
    assert named == {"laurent-desire-kabila", "joseph-kabila"}
    early = resolve_text("Kabila", context="Kabila promised elections within two years.", date="1998-01-10", kb=kb)
    late = resolve_text("Kabila", context="Kabila promised elections within two years.", date="2004-01-10", kb=kb)
    assert early.actor is not None and early.actor.actor_id == "laurent-desire-kabila"
    assert late.actor is not None and late.actor.actor_id == "joseph-kabila"


def test_actors_history_separatist_leader_is_not_the_russian_head_of_state() -> None:
    # Maskhadov held a presidency of his own; "the Russian president" on his watch is still Yeltsin.
    res = resolve_text("the Russian president", date="1997-05-12")
    assert res.actor is not None and res.actor.actor_id == "boris-yeltsin"
