"""Article texts for the dedup tests, written for these tests (real events, our own words).

Each event has an original wire report, a syndicated copy (new headline, one paragraph cut,
a sentence retouched), a machine-respun copy (about a fifth of the words swapped for
synonyms) and an independent report of the same meeting by another outlet.
"""

from __future__ import annotations

__all__ = ["EVENTS"]

BLINKEN_ORIGINAL = """\
U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, the most senior American official to visit China in five years, as both sides tried to stop a slide in relations that had alarmed governments across Asia.

The 35-minute meeting at the Great Hall of the People came at the end of a two-day trip in which Blinken also held long talks with Foreign Minister Qin Gang and with Wang Yi, the Communist Party's top foreign policy official.

Xi told Blinken that the two countries had "made progress and reached agreement on some specific issues", according to a readout published by Chinese state media, and said he hoped the visit would make "positive contributions" to stabilising ties.

Blinken said afterwards that he had raised human rights, the detention of American citizens and the flow of fentanyl precursors, and that both governments had agreed to keep talking at a senior level.

He said Washington did not support independence for Taiwan but remained concerned about what he called provocative Chinese military activity in the Taiwan Strait.

Chinese officials, for their part, repeated their objection to U.S. export controls on advanced semiconductors, which Beijing describes as an attempt to contain its development.

The two sides did not agree to restore regular military-to-military communication channels, which China suspended last August after a visit to Taipei by then-House Speaker Nancy Pelosi.

Blinken said he expected more visits by senior American officials in the coming weeks and invited Qin to Washington.
"""

BLINKEN_SYNDICATED = """\
U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, the most senior American official to visit China in five years, as both sides tried to stop a slide in relations that had alarmed governments across Asia.

The 35-minute meeting at the Great Hall of the People came at the end of a two-day trip in which Blinken also held long talks with Foreign Minister Qin Gang and with Wang Yi, the Communist Party's top foreign policy official.

Xi told Blinken that the two countries had "made progress and reached agreement on some specific issues", according to a readout published by Chinese state media, and said he hoped the visit would make "positive contributions" to stabilising ties.

Blinken said afterwards that he had raised human rights, the detention of U.S. citizens and the flow of fentanyl precursors, and that both governments had agreed to keep talking at a senior level.

He said Washington did not support independence for Taiwan but remained concerned about what he called provocative Chinese military activity in the Taiwan Strait.

The two sides did not agree to restore regular military-to-military communication channels, which China suspended last August after a visit to Taipei by then-House Speaker Nancy Pelosi.

Blinken said he expected more visits by senior American officials in the coming weeks and invited Qin to Washington.
"""

BLINKEN_RESPUN = """\
U.S. Secretary of State Antony Blinken met Chinese leader Xi Jinping in Beijing on Monday, the most senior U.S. official to travel to China in five years, as both sides sought to halt a slide in relations that had worried governments across Asia.

The 35-minute session at the Great Hall of the People came at the close of a two-day visit in which Blinken also held lengthy talks with Foreign Minister Qin Gang and with Wang Yi, the Communist Party's top foreign affairs official.

Xi told Blinken that the two nations had "made progress and reached agreement on some specific issues", according to a summary issued by Chinese state media, and said he hoped the trip would make "positive contributions" to steadying ties.

Blinken said later that he had brought up human rights, the detention of American nationals and the flow of fentanyl precursors, and that both governments had agreed to keep talking at a high level.

He said Washington did not back independence for Taiwan but remained worried about what he called provocative Chinese military activity in the Taiwan Strait.

Chinese officials, for their part, restated their opposition to U.S. export curbs on advanced semiconductors, which Beijing portrays as an effort to contain its growth.

The two sides did not agree to resume regular military-to-military communication links, which China halted last August after a trip to Taipei by then-House Speaker Nancy Pelosi.

Blinken said he anticipated more visits by senior American officials in the coming weeks and invited Qin to Washington.
"""

BLINKEN_INDEPENDENT = """\
China's leader Xi Jinping received Antony Blinken in Beijing on Monday, ending a visit that both governments presented as a modest step toward steadier relations after months of friction over Taiwan, technology and a Chinese balloon shot down over the United States in February.

Seated at the head of a long table in the Great Hall of the People, Xi said China respected American interests and did not seek to challenge or displace the United States, and urged Washington to do the same, state broadcaster CCTV reported.

The American diplomat, the first secretary of state to travel to Beijing since 2018, had spent almost eight hours the previous day with Qin Gang, his Chinese counterpart, and three more hours on Monday with Wang Yi.

U.S. officials travelling with him said the talks were candid and that the two sides had agreed to increase student and journalist exchanges and to keep working on more flights between the countries.

But there was no breakthrough on the issue the Pentagon cares about most: Beijing again declined to reopen direct defence talks, pointing to U.S. sanctions on its defence minister, Li Shangfu.

Analysts in Beijing said the visit mainly set the stage for a possible meeting between Xi and President Joe Biden later in the year.
"""

MODI_ORIGINAL = """\
Indian Prime Minister Narendra Modi and U.S. President Joe Biden announced a series of defence and technology agreements at the White House on Thursday, including a deal for General Electric to produce fighter jet engines in India with Hindustan Aeronautics.

The agreements, unveiled during Modi's first official state visit to the United States, also cover the purchase of armed MQ-9B drones and a plan for American chipmaker Micron to build a semiconductor assembly plant in the western state of Gujarat.

Biden told reporters the relationship between the two countries was "among the most consequential in the world", while Modi said it had reached "a new level of trust".

Asked about the treatment of religious minorities in India, Modi said there was "no space for discrimination" in his government, in a rare answer to a question from a foreign journalist.

The two leaders did not publicly address India's continued purchases of Russian oil, which have risen sharply since the invasion of Ukraine.

Modi addressed a joint session of Congress later in the day, the second time he has done so, and was due to attend a state dinner in the evening.

Several Democratic lawmakers said they would boycott the speech over concerns about press freedom and human rights in India.
"""

MODI_SYNDICATED = """\
Indian Prime Minister Narendra Modi and U.S. President Joe Biden announced a series of defence and technology agreements at the White House on Thursday, including a deal for General Electric to produce fighter jet engines in India with Hindustan Aeronautics.

The agreements, unveiled during Modi's first official state visit to the United States, also cover the purchase of armed MQ-9B drones and a plan for American chipmaker Micron to build a semiconductor assembly plant in the western state of Gujarat.

Biden told reporters the relationship between the two countries was "among the most consequential in the world", while Modi said it had reached "a new level of trust".

Asked about the treatment of religious minorities in India, Modi said there was "no space for discrimination" in his government, in a rare answer to a question from a foreign journalist.

Modi addressed a joint session of Congress later in the day, the second time he has done so, and was due to attend a state dinner in the evening.

Several Democratic lawmakers said they would boycott the speech over concerns about press freedom and human rights in India.
"""

MODI_RESPUN = """\
Indian Prime Minister Narendra Modi and U.S. President Joe Biden unveiled a set of defence and technology accords at the White House on Thursday, including an agreement for General Electric to manufacture fighter jet engines in India with Hindustan Aeronautics.

The accords, announced during Modi's first formal state visit to the United States, also include the acquisition of armed MQ-9B drones and a plan for U.S. chipmaker Micron to construct a semiconductor assembly facility in the western state of Gujarat.

Biden told journalists the relationship between the two nations was "among the most consequential in the world", while Modi said it had attained "a new level of trust".

Asked about the treatment of religious minorities in India, Modi said there was "no space for discrimination" in his administration, in an unusual reply to a question from a foreign reporter.

The two leaders did not openly address India's ongoing purchases of Russian oil, which have climbed steeply since the invasion of Ukraine.

Modi spoke to a joint session of Congress later in the day, the second time he has done so, and was set to attend a state dinner in the evening.

Several Democratic legislators said they would skip the speech over worries about press freedom and human rights in India.
"""

MODI_INDEPENDENT = """\
Washington rolled out an unusually lavish welcome for Narendra Modi on Thursday, with a 21-gun salute on the South Lawn and a crowd of Indian-Americans waving flags outside the White House gates.

Inside, officials from both governments signed papers that would let an American engine maker share sensitive jet technology with an Indian state-owned firm, something the United States has done for few other countries.

India will also buy more than 30 long-range drones, according to people briefed on the deal, and a memory-chip company from Idaho plans to invest up to $825 million in a factory near Ahmedabad.

At a short news conference, Modi rejected suggestions that Muslims and Christians faced discrimination under his rule, saying democracy was "in our DNA".

Biden, who had been urged by some in his party to raise human rights in private, said he and Modi had a "good discussion about democratic values".

Observers in New Delhi said the visit showed how far the two countries had come since Washington denied Modi a visa in 2005.
"""

EVENTS = {
    "blinken_beijing_2023": {
        "original": BLINKEN_ORIGINAL,
        "syndicated": BLINKEN_SYNDICATED,
        "respun": BLINKEN_RESPUN,
        "independent": BLINKEN_INDEPENDENT,
    },
    "modi_washington_2023": {
        "original": MODI_ORIGINAL,
        "syndicated": MODI_SYNDICATED,
        "respun": MODI_RESPUN,
        "independent": MODI_INDEPENDENT,
    },
}
