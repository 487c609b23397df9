"""The words and verb patterns casualty statements are read with: heads of noun
phrases (people, attackers), verbs of killing, injuring and arresting, auxiliaries,
and the patterns more than one part of the extractor matches."""

from __future__ import annotations

import regex

_SP = r"[\s\u200b]{1,3}"
_WINDOW = 300  # chars searched for context around a figure

ATTACKER_HEADS = frozenset(
    [
        "attacker",
        "attackers",
        "gunman",
        "gunmen",
        "militant",
        "militants",
        "assailant",
        "assailants",
        "fighter",
        "fighters",
        "terrorist",
        "terrorists",
        "insurgent",
        "insurgents",
        "bomber",
        "bombers",
        "hijacker",
        "hijackers",
        "jihadist",
        "jihadists",
        "raiders",
        "hostage-takers",
        "shooters",
        "fidayeen",
        "miscreants",
        "jihadis",
        "perpetrators",
        # South Asian reporting's names for the attackers of an ambush or raid
        "maoists",
        "naxals",
        "naxalites",
        "ultras",
        # the armed men of a raid or an ambush as wire copy names them: "25 rebels were
        # killed", "12 rebels had been detained" (the fourth set's readers: attackers); never
        # the singular, an adjective as often as not ("a rebel base", "rebel-held")
        "rebels",
    ]
)
PERSON_HEADS = (
    frozenset(
        [
            "people",
            "persons",
            "person",
            "civilians",
            "civilian",
            "members",
            "member",
            "worshippers",
            "worshipers",
            "students",
            "children",
            "women",
            "men",
            "passengers",
            "pilgrims",
            "workers",
            "cadets",
            "recruits",
            "trainees",
            "bystanders",
            "victims",
            "others",
            "officers",
            "officer",
            "policemen",
            "policeman",
            "police",
            "soldiers",
            "soldier",
            "troops",
            "personnel",
            "guards",
            "officials",
            "shias",
            "shiites",
            "christians",
            "ahmadis",
            "hindus",
            "muslims",
            "villagers",
            "residents",
            "tourists",
            "individuals",
            "suspects",
            "suspect",
            "lives",
            "dead",
            "injured",
            "wounded",
            "accused",
            "jawans",
            "jawan",
            "devotees",
            "bodies",
            "casualties",
            "fatalities",
            "hearts",
            "adults",
            "boys",
            "girls",
            # "The victims of the shooting were six females and three males"
            "females",
            "males",
            "teachers",
            "lawyers",
            "commandos",
            "cops",
            "rangers",
            # victims named by who they were: "330 hostages were killed", "132
            # schoolchildren and nine staff members"
            "hostages",
            "schoolchildren",
            "pupils",
            "staff",
            "employees",
            "spectators",
            "revellers",
            "shoppers",
            "commuters",
            "travellers",
            "visitors",
            "foreigners",
            "nationals",
            "citizens",
            "guests",
            "journalists",
            "doctors",
            "nurses",
            "activists",
            "troopers",
            "constables",
            "paramilitaries",
            "kids",
            "teenagers",
            "youths",
            "airmen",
            "sailors",
            "marines",
            "firefighters",
            # ranks and passers-by, added up with other groups: "one sub-inspector and two
            # security guards were martyred", "eight policemen and three pedestrians"
            "inspector",
            "inspectors",
            "sub-inspector",
            "sub-inspectors",
            "constable",
            "pedestrians",
            "passersby",
            "passers-by",
            # who the victims were, by their work or what brought them there: "Five Chinese
            # engineers", "beheaded 43 farmers", "2 Swedish football fans"
            "engineers",
            "farmers",
            "fishermen",
            "fans",
            "staffers",
            "priests",
            "monks",
            "labourers",
            "laborers",
            "traders",
            "shopkeepers",
            "vendors",
            "drivers",
            "patients",
            "mourners",
            "protesters",
            "protestors",
            "demonstrators",
            "players",
            "sepoys",
            "riflemen",
        ]
    )
    | ATTACKER_HEADS
)
_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "while",
        "when",
        "where",
        "who",
        "which",
        "that",
        "and",
        "or",
        "but",
        "by",
        "for",
        "from",
        "with",
        "since",
        "as",
        "to",
        "into",
        "than",
        "near",
        "across",
        "inside",
        "outside",
        "including",
        "were",
        "was",
        "had",
        "have",
        "has",
        "are",
        "is",
        "be",
        "been",
        "will",
        "would",
        "could",
        "said",
        "say",
        "says",
        # "Two sources told CBS News the driver was dead": a count that speaks
        "told",
        "tell",
        "tells",
    ]
)

_KILL_VERB = (
    r"killing|killed|kill|kills|slaying|slew|massacring|massacred|massacres|martyring|martyred"
    r"|martyrs|beheading|beheaded|beheads|slaughtering|slaughtered|slaughters|assassinated"
    r"|assassinating|butchered|butchering"
    r"|fatally[\s\u200b]{1,3}shot|fatally[\s\u200b]{1,3}shooting|fatally[\s\u200b]{1,3}stabbed"
    r"|fatally[\s\u200b]{1,3}stabbing|neutrali[sz]e|executed|executing"
    r"|murdering|murdered|murders"
    r"|shot[\s\u200b]{1,3}dead|shooting[\s\u200b]{1,3}dead|shot[\s\u200b]{1,3}and"
    r"[\s\u200b]{1,3}killed|gunned[\s\u200b]{1,3}down|gunning[\s\u200b]{1,3}down"
    r"|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating"
)
_INJURE_VERB = r"injuring|injured|injure|injures|wounding|wounded|wound|wounds|hurting|hurt"
_ARREST_VERB = (
    r"arresting|arrested|arrest|arrests|detaining|detained|detain|detains"
    rf"|picked{_SP}up|picking{_SP}up|rounded{_SP}up|rounding{_SP}up|nabbed|apprehended"
)
_CAPTURE_VERB = r"capturing|captured|capture|captures"
_LEAVE_VERB = r"left|leaving|leaves|leave"
#: "the regiment lost 19 of its men": a unit that lost people lost them to death
_LOSE_VERB = r"lost|losing|loses|lose"
#: a verb whose object died only if "to death" follows it: "shot 10 people to death"
_TO_DEATH_VERB = (
    r"shot|shooting|shoots|stabbed|stabbing|stabs|hacked|hacking|hacks|beat|beating|beats"
    r"|bludgeoned|bludgeoning|clubbed|clubbing|burned|burnt|burning"
)
_ADVERB = r"together|reportedly|allegedly|also|jointly|collectively|apparently"
#: a time adverb inside the verb group: "were today killed", "were already dead", "had
#: earlier been injured", "was yesterday arrested" (South Asian and wire copy)
_TIME_ADV = (
    r"today|yesterday|tonight|already|earlier"
    # "Several suspects were subsequently held", "two were instantly killed"
    r"|subsequently|eventually|immediately|instantly|finally"
)
_AUX = (
    rf"(?:(?:(?:{_ADVERB}|later|all|now|so{_SP}far|reportedly){_SP})?"
    rf"(?:were|was|are|is|had|have|has|being)(?:{_SP}(?:(?:{_ADVERB}|later|all|now|reportedly"
    rf"|so{_SP}far|{_TIME_ADV}){_SP})?"
    rf"(?:been|being|ben))?{_SP}"
    rf"(?:(?:{_ADVERB}|later|all|now|reportedly|{_TIME_ADV}|confirmed{_SP}as|confirmed|reported"
    rf"|left"
    rf"|feared|believed|presumed|found|declared|pronounced|recorded|listed"
    rf"|critically|seriously|severely|badly|grievously|gravely|slightly|lightly|fatally"
    # the manner of a killing: "28 innocent travelers were brutally executed"
    rf"|brutally|mercilessly|ruthlessly|cruelly|tragically"
    # a first verb joined to the killing: "eight soldiers were ambushed and killed" (never
    # "abducted and held": only before a verb of killing or wounding)
    # "was cornered and shot dead", "were surrounded and gunned down"
    rf"|(?:ambushed|abducted|kidnapped|tortured|attacked|cornered|surrounded|confronted|chased"
    rf"|pursued){_SP}and(?={_SP}(?:killed|murdered"
    rf"|martyred|beheaded|executed|massacred|slaughtered|injured|wounded|shot{_SP}dead"
    rf"|gunned{_SP}down)(?![\w-]))"
    rf"|mortally|(?:said|reported|believed|confirmed|feared|thought|known|understood|suspected"
    rf"|alleged|presumed|likely|expected){_SP}to{_SP}"
    # two in a row: "were now confirmed dead", "were said to be seriously injured"
    rf"(?:be|have{_SP}been|have)){_SP}){{0,2}}"
    rf"|(?:{_ADVERB}|later|all|reportedly|confirmed|reported){_SP})?"
)
_ADJ_AFTER = regex.compile(rf"{_SP}(dead|martyred|injured|wounded|hurt)\b", regex.IGNORECASE)
_SUBJECT_VERB = regex.compile(
    # the verb may be quoted as the source said it: "five gunmen were “eliminated”"
    rf"{_SP}{_AUX}(?:[“\"‘](?=\w))?"
    rf"(?P<verb>killed|dead|died|die|dies|slain|shot{_SP}dead|shot{_SP}and{_SP}killed"
    rf"|martyred|murdered|perished|perish|lost{_SP}(?:their{_SP})?li(?:ves|fe)|succumbed"
    rf"|passed{_SP}away"
    # "28 innocent travelers were massacred", "43 farmers ... were beheaded"
    rf"|massacred|slaughtered|beheaded|assassinated|butchered|lynched"
    rf"|(?<=li(?:ves|fe){_SP}(?:were|was|have{_SP}been|had{_SP}been|has{_SP}been){_SP})lost"
    rf"|shot{_SP}and{_SP}(?:wounded|injured)"
    rf"|(?:stabbed|hacked|beaten|burnt|burned|charred|crushed|shot|bludgeoned|clubbed)"
    rf"{_SP}to{_SP}death"
    rf"|(?:burnt|burned){_SP}alive"
    rf"|(?:embraced|attained|achieved){_SP}(?:martyrdom|shahadat)|breathed{_SP}their{_SP}last"
    rf"|gunned{_SP}down|neutrali[sz]ed|eliminated"
    # "35 people were brought in dead", "were brought dead to the hospital"
    rf"|brought{_SP}(?:in{_SP})?dead"
    rf"|made{_SP}the{_SP}(?:supreme|ultimate){_SP}sacrifice|laid{_SP}down{_SP}their{_SP}lives"
    rf"|injured|wounded|hurt|(?:sustained|received|suffered){_SP}(?:(?:serious|critical|minor"
    rf"|severe|grievous|multiple|gunshot|bullet|splinter|shrapnel|burn|head|major|grave|stab)"
    rf"{_SP}){{0,2}}(?:injuries|wounds)"
    rf"|blew{_SP}themselves{_SP}up|blew{_SP}up{_SP}themselves|detonated{_SP}themselves"
    rf"|exploded{_SP}themselves"
    # one attacker by his own bomb: "One attacker blew himself up"
    rf"|blew{_SP}(?:himself|herself){_SP}up|blew{_SP}up{_SP}(?:himself|herself)"
    rf"|(?:detonated|exploded){_SP}(?:himself|herself)"
    # "Thirty-three people were in hospital receiving treatment" (never "in the hospital": a
    # place; never "remain in hospital": those left, a subset)
    rf"|(?<=(?:were|are){_SP})in{_SP}hospital"
    rf"|(?:taken|rushed|shifted|admitted|brought|moved|evacuated|transported|airlifted)"
    rf"{_SP}to{_SP}"
    rf"(?:[\w’'-]{{1,30}}{_SP}){{0,3}}?hospitals?|hospitali[sz]ed"
    # "over 30 survived with injuries"
    rf"|survived{_SP}with{_SP}(?:(?:serious|critical|minor|severe|gunshot|bullet|burn){_SP})?"
    rf"(?:injuries|wounds)"
    rf"|treated{_SP}(?:for{_SP}(?:their{_SP})?(?:(?:serious|critical|minor|severe|multiple"
    rf"|gunshot|bullet|shrapnel){_SP})?(?:injuries|wounds)|(?:in|at){_SP}"
    rf"(?:[\w’'-]{{1,30}}{_SP}){{0,3}}?hospitals?)"
    # "were held up for several hours" is a delay and "were held hostage" captivity, never
    # custody
    rf"|captured|arrested|apprehended|detained|picked{_SP}up|taken{_SP}into{_SP}custody"
    rf"|held(?!{_SP}(?:up|hostages?|captives?|captive)(?![\w-]))"
    # a suspect caught (never "caught in the crossfire": only after suspects and a verb
    # group): "one suspect had been caught"
    rf"|(?<=suspects?{_SP}(?:was|were|had{_SP}been|has{_SP}been|have{_SP}been){_SP})caught"
    rf"|taken{_SP}in{_SP}for{_SP}questioning|in{_SP}(?:police{_SP})?custody)"
    rf"(?![\w-])",
    regex.IGNORECASE,
)
#: a word; dotted initials count as one ("13 U.S. military personnel")
_TOKEN = regex.compile(
    r"[\s\u200b]{1,3}(?P<tok>[“\"‘'(]?(?:(?-i:[A-Z]\.){2,4}(?![\w-])|[\w’'()-]{1,60}|&(?=[\s\u200b]))"
    r"[”\"’')]?)"
)
_ATTACKER_CONTEXT = regex.compile(
    r"\b(?:" + "|".join(sorted(ATTACKER_HEADS)) + r")\b", regex.IGNORECASE
)


#: each kind of verb and the pattern its words (white space made one space) match whole
_VERB_KINDS = tuple(
    (kind, regex.compile(verbs))
    for kind, verbs in (
        ("kill", _KILL_VERB),
        ("injure", _INJURE_VERB),
        ("arrest", _ARREST_VERB.replace(_SP, " ")),
        ("capture", _CAPTURE_VERB),
        ("leave", _LEAVE_VERB),
        ("lose", _LOSE_VERB),
        ("to_death", _TO_DEATH_VERB),
    )
)
#: a run of white space; compiled once (``regex.sub`` with a string looks it up each call)
_WS = regex.compile(r"\s+")


def _kind(verb: str) -> str:
    v = _WS.sub(" ", verb.lower())
    for kind, verbs in _VERB_KINDS:
        if verbs.fullmatch(v):
            return kind
    return "lives"


def _clean(tok: str) -> str:
    word = tok.strip("“”\"‘’'()").lower()
    return "and" if word == "&" else word  # "20 other tourists & locals injured"


_DYING = (
    "perished",
    "perish",
    "lost their lives",
    "lost lives",
    "lost their life",
    "lost life",
    "stabbed to death",
    "hacked to death",
    "beaten to death",
    "burnt to death",
    "burned to death",
    "charred to death",
    "crushed to death",
    "shot to death",
    "bludgeoned to death",
    "clubbed to death",
    "burnt alive",
    "burned alive",
    "succumbed",
    "embraced martyrdom",
    "embraced shahadat",
    "attained martyrdom",
    "attained shahadat",
    "achieved martyrdom",
    "achieved shahadat",
    "breathed their last",
    "made the supreme sacrifice",
    "made the ultimate sacrifice",
    "laid down their lives",
)
"""Phrases that say people died ("29 perished", "lost their lives"): killed verbs
and intransitive ones alike, kept in one list so the two cannot drift apart."""

_KILLED_VERBS = frozenset(
    [
        "killed",
        "dead",
        "died",
        "die",
        "dies",
        "slain",
        "shot dead",
        "shot and killed",
        "martyred",
        "murdered",
        "massacred",
        "slaughtered",
        "beheaded",
        "assassinated",
        "butchered",
        "lynched",
        "passed away",
        *_DYING,
        "blew themselves up",
        "blew up themselves",
        "detonated themselves",
        "exploded themselves",
        *(
            f"{verb} {self}"
            for verb in ("blew up", "detonated", "exploded")
            for self in ("himself", "herself")
        ),
        "blew himself up",
        "blew herself up",
        "gunned down",
        "neutralised",
        "neutralized",
        "eliminated",
        "lost",  # "34 lives were lost"
        "brought dead",
        "brought in dead",
    ]
)
_INJURED_VERBS = frozenset(
    [
        "injured",
        "wounded",
        "hurt",
        "sustained injuries",
        "received injuries",
        "hospitalised",
        "shot and wounded",
        "shot and injured",
        "in hospital",
    ]
)
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014")
#: person nouns that can be added up: "186 children and over 100 adults were killed"
_SUM_HEADS = (
    PERSON_HEADS
    - ATTACKER_HEADS
    - {
        "dead",
        "injured",
        "wounded",
        "lives",
        "bodies",
        "casualties",
        "fatalities",
        "others",
        "suspects",
        "suspect",
        "accused",
        "hearts",
    }
)
#: what may follow the last group of an object sum: the end of the clause or a preposition
_OBJECT_SUM_END = regex.compile(
    rf"[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:in|at|on|during|after|near|inside"
    rf"|outside|when|while|as|from|following|before|since|across|today|yesterday|last"
    # a subset after the list ends it: "killing six women and three men including the pastor"
    rf"|including)\b",
    regex.IGNORECASE,
)
_ARMED_WORD = regex.compile(r"\barmed\b", regex.IGNORECASE)
_DEATH_WORDS = regex.compile(
    r"\b(?:killed|dead|deaths?|died|toll|martyr\w*|fatalities|lives|bodies)\b", regex.IGNORECASE
)
NUMBER_WORD = regex.compile(
    r"[0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|several|another"
)
_HAS_AUX = regex.compile(r"\b(?:were|was|are|is|had|have|has)\b", regex.IGNORECASE)
#: where people came from, crossed between them and their verb: "23 people belonging to 18
#: countries were killed", "victims from 12 nations died"
_PLACES = r"countries|nations|nationalities|states|provinces|districts|cities|towns|villages"
_ONE_PERSON = (
    r"(?:man|woman|person|boy|girl|child|victim|policeman|policewoman|officer|soldier|jawan"
    r"|student|worshipp?er|pilgrim|passenger|civilian|teenager|youth|cop|guard|tourist"
    r"|constable|bystander|pedestrian|labourer|laborer|driver|official|(?:sub-)?inspector"
    r"|passer-?by|worker|national|citizen|patient|captain|major|colonel|lieutenant|sergeant"
    r"|brigadier|commander|commando|trooper|sepoy|rifleman|havildar|priest|pastor|imam|teacher"
    r"|doctor|nurse|journalist|farmer|shopkeeper"
    # more callings: "a diplomat and an embassy security guard", "an umpire and an assistant
    # coach", "their Pakistani driver"
    r"|diplomat|employee|staffer|engineer|umpire|coach|player|lawyer|judge|businessman"
    r"|trader|vendor|villager|resident|bodyguard|photographer|reporter|volunteer)"
)


def _norm_ws(words: str) -> str:
    return _WS.sub(" ", words.strip().lower())


def _verb_of(m: regex.Match[str]) -> str:
    """A match's "verb" group, lower case, its runs of white space one space: the form
    the verb sets (_KILLED_VERBS, _INJURED_VERBS, ...) list."""
    return _WS.sub(" ", m.group("verb").lower())


def _has(lower: str, words: tuple[str, ...]) -> bool:
    return any(w in lower for w in words)


_OTHERS_AFTER = regex.compile(rf"{_SP}(?:others\b|other{_SP}(?:people|persons|victims)\b)", regex.I)
