"""Casualty statements: which field a quantity counts, with a verbatim quote.

Around each quantity the extractor looks for the few constructions news copy
uses for tolls and arrests, and keeps the tight clause as the quote:

* verb before: "killing 93 people", "left more than 60 dead",
  "arresting 20 more people", "the Monday night raid that killed 61 people";
* subject before verb: "At least two of the seven attackers were captured",
  "the latest 20 people detained", "some died in the standoff ...";
* "death toll ... 61";
* the attackers themselves: "the seven attackers" (also the Y of "X of the Y");
* one attacker: "a fighter who was killed by security forces in the attack"
  ("a"/"an" is read as one *only* here, never in general);
* suspects in a sentence about arrests: "four “highly educated” suspects".

Victims of a security-forces raid ("killed four LeJ militants") are ``killed``:
a raid on militants is its own incident, so the verb decides, not the noun.
Everything is bounded-window matching over the parser's output, so the cost is
linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import regex

from .conventions import Conventions
from .grammar import Qualifier, Quantity, iter_quantities, total_quantity
from .sentences import sentence_spans


@dataclass(frozen=True)
class Statement:
    """One casualty/arrest figure as the article states it."""

    field: str
    quantity: Quantity
    quote: str
    start: int
    end: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        """JSON-able mapping; the quantity is nested."""
        return {
            "field": self.field,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "qualifier": self.quantity.qualifier.value,
            "low": self.quantity.low,
            "high": self.quantity.high,
            "increment": self.quantity.increment,
            "quantity": self.quantity.to_json(),
            "sentence": self.sentence,
        }


_SP = r"[\s\u200b]{1,3}"
_WINDOW = 300  # chars searched for context around a figure
_MAX_SENTENCE = 1000  # chars of sentence kept either side of a quote

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
    ]
)
#: attacker nouns that name the attackers of an incident even after "killed" ("killed three
#: assailants", "killed 20 hostage-takers"); "killed four LeJ militants" stays ``killed``
#: (a raid on militants is its own incident)
ATTACKER_KILLED_HEADS = frozenset(
    ["attackers", "assailants", "gunmen", "terrorists", "hostage-takers", "bombers", "hijackers"]
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
        ]
    )
    | ATTACKER_HEADS
)
_PARTITIVE = frozenset({"members", "member", "families", "relatives", "supporters"})
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
    ]
)

_KILL_VERB = (
    r"killing|killed|kill|kills|slaying|slew|massacring|massacred|martyring|martyred|martyrs"
    r"|murdering|murdered|murders"
    r"|shot[\s\u200b]{1,3}dead|shooting[\s\u200b]{1,3}dead|shot[\s\u200b]{1,3}and"
    r"[\s\u200b]{1,3}killed|gunned[\s\u200b]{1,3}down|gunning[\s\u200b]{1,3}down"
    r"|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating"
)
_INJURE_VERB = r"injuring|injured|injure|injures|wounding|wounded|wound|wounds|hurting"
_ARREST_VERB = (
    r"arresting|arrested|arrest|arrests|detaining|detained|detain|detains"
    rf"|picked{_SP}up|picking{_SP}up|rounded{_SP}up|rounding{_SP}up|nabbed|apprehended"
)
_CAPTURE_VERB = r"capturing|captured|capture|captures"
_LEAVE_VERB = r"left|leaving|leaves|leave"
_LIVES_VERB = r"claimed|claiming|claims|claim|took|taking|takes|take"
#: "the regiment lost 19 of its men": a unit that lost people lost them to death
_LOSE_VERB = r"lost|losing|loses|lose"
#: a verb whose object died only if "to death" follows it: "shot 10 people to death"
_TO_DEATH_VERB = (
    r"shot|shooting|shoots|stabbed|stabbing|stabs|hacked|hacking|hacks|beat|beating|beats"
    r"|bludgeoned|bludgeoning|clubbed|clubbing|burned|burnt|burning"
)
#: the object's words (at most three, none a conjunction or preposition), then "to death"
_TO_DEATH_AFTER = regex.compile(
    rf"(?:{_SP}(?!(?:and|or|but|in|at|on|with|to)(?![\w-]))[\w’'-]{{1,30}}){{0,3}}?{_SP}to{_SP}"
    rf"death(?![\w-])",
    regex.IGNORECASE,
)
_ADVERB = r"together|reportedly|allegedly|also|jointly|collectively|apparently"

_VERB_BEFORE = regex.compile(
    rf"(?:(?<![\w-])(?P<adv>{_ADVERB}){_SP})?(?<![\w-])(?P<verb>{_KILL_VERB}|{_INJURE_VERB}"
    rf"|{_ARREST_VERB}|{_CAPTURE_VERB}|{_LEAVE_VERB}|{_LIVES_VERB}|{_LOSE_VERB}"
    rf"|{_TO_DEATH_VERB})(?P<all>{_SP}(?:all(?:{_SP}the)?|the))?{_SP}"
    # a quoted figure: "Gunmen kill ‘at least 27’"
    rf"[‘“]?\Z",
    regex.IGNORECASE,
)
_RELATIVE_BEFORE = regex.compile(
    rf"(?:(?<![\w-])(?P<np>the(?:{_SP}[\w’'-]+){{1,3}}),?{_SP})?(?<![\w-])(?P<rel>that|which|who){_SP}\Z",
    regex.IGNORECASE,
)
_THE_BEFORE = regex.compile(rf"(?<![\w-])the{_SP}\Z", regex.IGNORECASE)
#: a toll that already has its figure: "the death toll stood at 102 and more than 400 people
#: were injured", "had risen to 54 while the number of injured people stood at 83"
_TOLL_GIVEN = (
    rf"[0-9][0-9,]*(?:{_SP}|,{_SP})(?:and|while|whereas|with|but)\b"
    rf"|(?<![\w-])(?:toll|number{_SP}of|casualties|fatalities)\b"
)
_DEATH_TOLL_BEFORE = regex.compile(
    rf"(?<![\w-])death{_SP}toll(?P<mid>(?:(?!{_TOLL_GIVEN})[^.;!?]){{0,40}}?){_SP}\Z",
    regex.IGNORECASE,
)
#: a time adverb inside the verb group: "were today killed", "were already dead", "had
#: earlier been injured", "was yesterday arrested" (South Asian and wire copy)
_TIME_ADV = r"today|yesterday|tonight|already|earlier"
_AUX = (
    rf"(?:(?:(?:{_ADVERB}|later|all|now|so{_SP}far|reportedly){_SP})?"
    rf"(?:were|was|are|is|had|have|has|being)(?:{_SP}(?:(?:{_ADVERB}|later|all|now|reportedly"
    rf"|so{_SP}far|{_TIME_ADV}){_SP})?"
    rf"(?:been|being|ben))?{_SP}"
    rf"(?:(?:{_ADVERB}|later|all|now|reportedly|{_TIME_ADV}|confirmed{_SP}as|confirmed|reported"
    rf"|left"
    rf"|feared|believed|presumed|found|declared|pronounced"
    rf"|critically|seriously|severely|badly|grievously|gravely|slightly|lightly|fatally"
    rf"|mortally|(?:said|reported|believed|confirmed|feared|thought|known|understood|suspected"
    rf"|alleged|presumed|likely|expected){_SP}to{_SP}"
    # two in a row: "were now confirmed dead", "were said to be seriously injured"
    rf"(?:be|have{_SP}been|have)){_SP}){{0,2}}"
    rf"|(?:{_ADVERB}|later|all|reportedly|confirmed|reported){_SP})?"
)
_ADJ_AFTER = regex.compile(rf"{_SP}(dead|martyred|injured|wounded|hurt)\b", regex.IGNORECASE)
_SUBJECT_VERB = regex.compile(
    rf"{_SP}{_AUX}(?P<verb>killed|dead|died|die|dies|slain|shot{_SP}dead|shot{_SP}and{_SP}killed"
    rf"|martyred|murdered|perished|perish|lost{_SP}(?:their{_SP})?li(?:ves|fe)|succumbed"
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
    rf"{_SP})?(?:injuries|wounds)"
    rf"|blew{_SP}themselves{_SP}up|blew{_SP}up{_SP}themselves|detonated{_SP}themselves"
    # "Thirty-three people were in hospital receiving treatment" (never "in the hospital": a
    # place; never "remain in hospital": those left, a subset)
    rf"|(?<=(?:were|are){_SP})in{_SP}hospital"
    rf"|(?:taken|rushed|shifted|admitted|brought|moved|evacuated){_SP}to{_SP}"
    rf"(?:[\w’'-]{{1,30}}{_SP}){{0,3}}?hospitals?|hospitali[sz]ed"
    rf"|treated{_SP}(?:for{_SP}(?:their{_SP})?(?:(?:serious|critical|minor|severe|multiple"
    rf"|gunshot|bullet|shrapnel){_SP})?(?:injuries|wounds)|(?:in|at){_SP}"
    rf"(?:[\w’'-]{{1,30}}{_SP}){{0,3}}?hospitals?)"
    rf"|captured|arrested|apprehended|detained|picked{_SP}up|taken{_SP}into{_SP}custody|held"
    rf"|taken{_SP}in{_SP}for{_SP}questioning|in{_SP}(?:police{_SP})?custody)"
    rf"(?![\w-])",
    regex.IGNORECASE,
)
_ATTACK_VERB_AFTER = regex.compile(
    rf"{_SP}(?:who{_SP})?(?:stormed|attacked|opened{_SP}fire|raided|struck|carried{_SP}out"
    rf"|entered|targeted|blew|ambushed|rained{_SP}bullets)(?![\w-])",
    regex.IGNORECASE,
)
#: a word; dotted initials count as one ("13 U.S. military personnel")
_TOKEN = regex.compile(
    r"[\s\u200b]{1,3}(?P<tok>[“\"‘'(]?(?:(?-i:[A-Z]\.){2,4}(?![\w-])|[\w’'()-]{1,60}|&(?=[\s\u200b]))"
    r"[”\"’')]?)"
)
_ONE_NOUN = (
    r"attacker|gunman|militant|assailant|fighter|terrorist|insurgent|bomber|hijacker|jihadist"
    r"|shooter|suspect|perpetrator"
)
_ONE_ATTACKER = regex.compile(
    rf"(?<![\w-])(?:(?P<a>an?|one|the|another){_SP}(?:[\w-]{{1,30}}{_SP}){{0,3}}(?P<noun>{_ONE_NOUN})"
    # an aside between commas, abbreviations allowed: "The gunman, U.S. citizen Omar Mateen,"
    rf"(?:,[^,;:!?\n]{{1,80}},)?{_SP}(?:who{_SP})?"
    rf"(?:was|had{_SP}been|has{_SP}been|is){_SP}(?:(?:later|also|eventually|subsequently){_SP})?"
    # a headline's bare noun and participle: "Gunman shot dead after opening fire on guests"
    rf"|(?:(?<=\A)|(?<=\n)|(?<=[;:][\s\u200b]{{1,3}}))(?P<a>(?-i:(?:Suicide{_SP})?(?:Gunman|Attacker|Assailant|Bomber"
    rf"|Shooter|Terrorist)))(?={_SP}(?:shot|killed|gunned|captured|arrested|found|confirmed"
    rf"|declared|pronounced))"
    rf"(?P<noun>){_SP})"
    rf"(?P<verb>killed|shot{_SP}dead|shot{_SP}and{_SP}killed|gunned{_SP}down|neutrali[sz]ed"
    rf"|(?:confirmed|found|declared|pronounced){_SP}dead"
    rf"|captured|arrested|detained|taken{_SP}into{_SP}custody)(?![\w-])",
    regex.IGNORECASE,
)
#: the attacker killed, named as the object of a verb of killing: "in addition to killing the
#: shooter", "Security personnel gun down lone assailant", "killing one of the attackers"
_KILLS_ATTACKER = regex.compile(
    rf"(?<![\w-])(?P<verb>killing|killed|shot{_SP}dead|shooting{_SP}dead|shot{_SP}and{_SP}killed"
    rf"|gunned{_SP}down|gunning{_SP}down|guns?{_SP}down|neutrali[sz]ed|neutrali[sz]ing)"
    rf"{_SP}(?P<a>(?:the|lone|the{_SP}lone|one{_SP}of{_SP}the)(?:{_SP}(?:male|female|lone|suspected"
    rf"|alleged|armed|suicide))?{_SP}(?:(?<=of{_SP}the{_SP}(?:[\w-]{{1,30}}{_SP})?)"
    rf"(?:attackers|gunmen|assailants|terrorists|militants|bombers|shooters|jihadists)"
    rf"|(?<!of{_SP}the{_SP}(?:[\w-]{{1,30}}{_SP})?)(?:attacker|gunman|assailant|bomber|shooter"
    rf"|perpetrator|hijacker)))"
    rf"(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:who|that|in|at|on|after|near"
    rf"|outside|inside|as|and|before|when|with|behind|within|while)\b)",
    regex.IGNORECASE,
)
_ARREST_CONTEXT = regex.compile(
    r"\b(?:arrest\w*|detain\w*|detention|custody|picked up|rounded up|captured)\b",
    regex.IGNORECASE,
)
_ATTACKER_CONTEXT = regex.compile(
    r"\b(?:" + "|".join(sorted(ATTACKER_HEADS)) + r")\b", regex.IGNORECASE
)
_CLAUSE_END = regex.compile(r"[,;:.!?—–]|\s[-–—]{1,2}\s|\n")


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


#: tokens scanned for the head noun: "Three suspected Islamic State group suicide bombers"
_NP_TOKENS = 6
#: a noun after an attacker word makes it an adjective: "terrorist attacks", "militant group"
_ATTACK_NOUN_AFTER = regex.compile(
    rf"{_SP}(?:attacks?|strikes?|bombings?|blasts?|groups?|outfits?|organi[sz]ations?|camps?"
    rf"|hideouts?|networks?|modules?|cells?|plots?|incidents?|acts?|activities|violence"
    rf"|threats?|training|commanders?|leaders?)(?![\w-])",
    regex.IGNORECASE,
)


def _noun_phrase(text: str, pos: int) -> tuple[int, str | None]:
    """End of the noun phrase after a quantity, and its head word (if a person noun).

    Scans at most five tokens for a head noun ("people", "militants"); a
    partitive head ("members") takes an "of the X Y" complement.  Without a
    person head the phrase is empty: the figure then stands alone ("killed 171").
    """
    cur = pos
    for _ in range(_NP_TOKENS):
        m = _TOKEN.match(text, cur)
        if m is None:
            break
        word = _clean(m.group("tok"))
        if word in _STOP or word[:1].isdigit():
            break  # a stop word, or the next figure: "1 1 1 ..." ends the phrase at once
        cur = m.end()
        if word in ATTACKER_HEADS and _ATTACK_NOUN_AFTER.match(text, cur):
            continue  # "two separate terrorist attacks": the attacker word is an adjective
        if word in PERSON_HEADS:
            end = cur
            if word in _PARTITIVE:
                of = _TOKEN.match(text, end)
                if of is not None and _clean(of.group("tok")) == "of":
                    c2 = of.end()
                    for _ in range(4):
                        t = _TOKEN.match(text, c2)
                        if t is None or _clean(t.group("tok")) in _STOP:
                            break
                        c2 = t.end()
                        end = c2
                        if text[c2 : c2 + 1] in ",.;:":
                            break
            return end, word
        if text[cur : cur + 1] in ",.;:!?":
            break
    # "hundreds of its militants": the quantity is partitive itself
    m = _TOKEN.match(text, pos)
    if m is not None and _clean(m.group("tok")) == "of":
        c2 = m.end()
        for _ in range(3):
            t = _TOKEN.match(text, c2)
            if t is None:
                break
            c2 = t.end()
            w = _clean(t.group("tok"))
            if w in PERSON_HEADS:
                return c2, w
    return pos, None


def _extend_relative(text: str, s0: int, start: int, has_adverb: bool) -> int:
    """Pull a relative clause's antecedent into the quote.

    "the Monday night raid that killed 61 people" and "the attack which killed
    171" keep their antecedent (it names the incident); after a comma only
    "which" is kept ("..., which killed 171 people"); a bare "that"/"who" and
    anything before an adverb ("together killed ...") are left out.  This is
    the quoting style of the seed annotations.
    """
    if has_adverb:
        return start
    rbase = max(s0, start - 60)
    rel = _RELATIVE_BEFORE.search(text[rbase:start])
    if rel is None:
        return start
    if rel.group("np") and "," not in rel.group(0):
        return rbase + rel.start("np")
    if rel.group("rel").lower() == "which":
        return rbase + rel.start("rel")
    return start


def _clause_end(text: str, pos: int, limit: int) -> int:
    limit = min(limit, pos + _WINDOW)  # bounded, so the whole scan stays linear
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


class _Finder:
    """Per-text state: sentence spans and the results collected so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text) or [(0, len(text))]
        self.out: list[Statement] = []
        self.skip: set[int] = set()  # starts of counts already read as part of another
        self._idx = 0

    def sentence_of(self, pos: int) -> tuple[int, int, int]:
        """(index, start, end) of the sentence holding ``pos`` (positions ascend)."""
        while self._idx < len(self.spans) - 1 and self.spans[self._idx][1] <= pos:
            self._idx += 1
        i = self._idx
        while i > 0 and self.spans[i][0] > pos:
            i -= 1
        return i, self.spans[i][0], self.spans[i][1]

    def add(self, field: str, q: Quantity, start: int, end: int) -> None:
        _, s0, s1 = self.sentence_of(start)
        quote = self.text[start:end]
        # a pathological "sentence" (no full stop in 1 MB) is cut around the quote
        s0, s1 = max(s0, start - _MAX_SENTENCE), min(s1, end + _MAX_SENTENCE)
        self.out.append(Statement(field, q, quote, start, end, self.text[s0:s1].strip()))


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
        *_DYING,
        "blew themselves up",
        "blew up themselves",
        "detonated themselves",
        "gunned down",
        "neutralised",
        "neutralized",
        "eliminated",
        "lost",  # "34 lives were lost"
        "brought dead",
        "brought in dead",
    ]
)
_INJURY_PREFIXES = (
    "treated",
    "taken to",
    "rushed to",
    "shifted to",
    "admitted to",
    "brought to",
    "moved to",
    "evacuated to",
    "sustained",
    "received",
    "suffered",
)
#: heads of a count of the dead or of the hurt: "seven bodies were taken to hospital" are dead
_BODIES = frozenset(["bodies", "dead"])
_HURT_HEADS = frozenset(["injured", "wounded", "casualties"])
_MOVED_PREFIXES = (
    "taken to",
    "rushed to",
    "shifted to",
    "admitted to",
    "brought to",
    "moved to",
    "evacuated to",
)
_BLEW_VERBS = frozenset(["blew themselves up", "blew up themselves", "detonated themselves"])
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
#: "the death of 40 jawans", "the martyrdom of 28 people", "injuries to over 150 people"
_NOUN_OF_BEFORE = regex.compile(
    # never "saved the lives of 20 people"
    rf"(?<!(?<![\w-])(?:sav(?:ed|ing|es|e)|spared|sparing){_SP}(?:the{_SP})?)"
    rf"(?<![\w-])(?P<noun>deaths?|martyrdom|shahadat|lives|killing|massacre|injuries|bodies)"
    rf"{_SP}(?:of|to){_SP}\Z",
    regex.IGNORECASE,
)
#: "the toll rose to 101", "put the number of people killed at 71", "the number of injured
#: persons was 150", "increased the causalities to 101", "number of injuries is well over 400"
_TOLL_BEFORE = regex.compile(
    rf"(?<![\w-])(?P<what>death{_SP}(?:toll|count|tally)|toll"
    rf"|(?:number|count|tally){_SP}of{_SP}(?:the{_SP})?(?:dead|deaths|deceased|injuries"
    rf"|fatalities|casualties|causalities|martyrs|injured|wounded|people{_SP}(?:killed|dead"
    rf"|injured|wounded)|those{_SP}(?:killed|injured|wounded)"
    rf"|injured{_SP}(?:persons|people|individuals)"
    # the attackers' own toll: "the number of terrorists killed had been placed at four"
    rf"|(?P<att>terrorists|militants|attackers|gunmen|assailants){_SP}killed)"
    rf"|casualties|causalities|fatalities)"
    rf"(?P<mid>(?:(?!{_TOLL_GIVEN})[^.;!?]){{0,80}}?)(?<![\w-])(?:to|at|was|is|stands{_SP}at|stood{_SP}at|reached"
    rf"|hit|of|(?:gone|went|come|came){_SP}(?:up|down)|rose|risen|fell|fallen|dropped|climbed"
    rf"|jumped|increased|decreased|revised|(?:reported|given|put|recorded|confirmed|estimated"
    rf"|listed){_SP}as"
    # "put the number of those injured as over 80": "as" right after the counted word only
    rf"|(?<=(?:injured|wounded|killed|dead|deaths|individuals|persons|people){_SP})as){_SP}\Z",
    regex.IGNORECASE,
)
#: "the injured, numbering 30", "the dead numbered 30", "the dead totalled 30"
_NUMBERING_BEFORE = regex.compile(
    rf"(?<![\w-])the{_SP}(?P<what>dead|deceased|injured|wounded|martyrs|victims"
    # the attackers counted in an aside: "the attackers, thought to number four,"
    rf"|attackers|gunmen|assailants|terrorists|militants|hostage-takers),?{_SP}"
    rf"(?:(?:thought|believed|said|estimated|reported){_SP}to{_SP})?"
    rf"(?:numbering|numbered|number|totall?ing|totall?ed|totals?){_SP}\Z",
    regex.IGNORECASE,
)
#: "rose to 47", "has jumped to 128" in a sentence about deaths
_RISE_BEFORE = regex.compile(
    rf"(?<![\w-])(?:rose|risen|rises|rising|jumped|jumps|climbed|climbs|increased|went{_SP}up"
    rf"|gone{_SP}up|mounted|mounts|reached|reaches|soared|soars|surged|surges|touched|touches"
    rf"|crossed|crosses|spiked|spikes|swelled|swells){_SP}(?:to{_SP})?\Z",
    regex.IGNORECASE,
)
#: "who was killed with 8 others", "was taken into custody along with four other people"
_WITH_OTHERS_BEFORE = regex.compile(
    rf"(?<![\w-])(?P<aux>was|were|has{_SP}been|have{_SP}been)"
    rf"(?:{_SP}(?:later|also|reportedly|allegedly))?{_SP}"
    rf"(?P<verb>killed|martyred|injured|wounded|arrested|detained|picked{_SP}up"
    rf"|taken{_SP}into{_SP}custody)"
    rf"(?:{_SP}(?!with\b|along\b)[\w’'-]{{1,20}}){{0,4}}?{_SP}(?:along{_SP})?with{_SP}\Z",
    regex.IGNORECASE,
)
#: "Prasanna Sahu and Manoj Behera, who were": two named people before a plural verb
_TWO_NAMES_BEFORE = regex.compile(
    r"(?-i:[A-Z][\w’'.-]{1,30}(?:[\s\u200b]{1,3}[A-Z][\w’'.-]{1,30}){0,3})"
    rf"{_SP}and{_SP}(?-i:[A-Z][\w’'.-]{{1,30}}(?:[\s\u200b]{{1,3}}[A-Z][\w’'.-]{{1,30}}){{0,3}})"
    rf",?{_SP}(?:who{_SP})?\Z",
)


def _named_count(text: str, aux_start: int, aux: str) -> int:
    """How many people the subject of "<aux> killed with N others" names: one for a
    singular verb, two for "A and B, who were"; 0 when it cannot be told."""
    if aux.lower().startswith(("was", "has")):
        return 1
    return 2 if _TWO_NAMES_BEFORE.search(text, max(0, aux_start - 100), aux_start) else 0


#: a fight with the attackers: "engaged in a seven hour blood-battle with ..., during which
#: they killed all six of them"
_FIGHT_CONTEXT = regex.compile(
    r"\b(?:battle|gunfight|gun-battle|firefight|encounter|exchange\s{1,3}of\s{1,3}fire"
    r"|shoot-?out|clash(?:es)?|counter-?attack|operation)\b",
    regex.IGNORECASE,
)
_BY_POLICE_AFTER = regex.compile(
    rf"{_SP}by{_SP}(?:(?:armed|the|french|british|spanish|belgian|security){_SP})?"
    rf"(?:police|officers|policemen|security{_SP}forces|troops|commandos|soldiers|snipers"
    rf"|marksmen|the{_SP}army|army|rangers)\b",
    regex.IGNORECASE,
)
#: vague words that may count attackers ("multiple gunmen"); "hundreds of fighters" may not
_FEW_WORDS = frozenset(["multiple", "several", "a few", "a number of", 'a "number of'])
#: "captured on CCTV": seen, not caught
_ON_CAMERA_AFTER = regex.compile(
    rf"{_SP}on{_SP}(?:cctv|camera|cameras|video|film|footage|security{_SP}cameras?)\b",
    regex.IGNORECASE,
)
_OF_THEM_WHOM_AFTER = regex.compile(rf"{_SP}of{_SP}(?:them|whom)\b", regex.IGNORECASE)
#: "the total death toll from the two attacks": a count of attacks or places, not people
_SITES_AFTER = regex.compile(
    rf"{_SP}(?:attacks|blasts|bombings|explosions|incidents|sites|cities|locations|places"
    rf"|towns|provinces|countries|days|nights|weeks)\b",
    regex.IGNORECASE,
)
_OF_THE_AFTER = regex.compile(rf"{_SP}of{_SP}the(?![\w-])", regex.IGNORECASE)
_OF_THEM_HURT_AFTER = regex.compile(
    rf"{_SP}of{_SP}them{_SP}(?:(?:were|had{_SP}been|have{_SP}been){_SP})?(?:wounded|injured|hurt)"
    rf"(?![\w-])(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z))",
    regex.IGNORECASE,
)
_OF_THEM_AFTER = regex.compile(rf"{_SP}of{_SP}them\b", regex.IGNORECASE)
_MEN_ACT_AFTER = regex.compile(
    rf"{_SP}(?:(?:then|later|had|have|who){_SP})?(?:got{_SP}out|jumped{_SP}out|climbed{_SP}out"
    rf"|armed{_SP}with"
    rf"|exited|exit|emerged|stormed|opened{_SP}fire|attacked|stabbed|began{_SP}stabbing"
    # a timeline's present tense: "Five men enter the O Kitchen/ Holey Artisan Bakery premises"
    rf"|enter|storm|attack|open{_SP}fire"
    rf"|started{_SP}stabbing|hurled|lobbed|wielding|brandishing"
    rf"|behind{_SP}(?:the|an|a|this|that|these){_SP}(?:[\w-]{{1,30}}{_SP})?(?:attacks?|bombings?"
    rf"|assault|massacre|shooting|stabbings?))(?![\w-])",
    regex.IGNORECASE,
)
_OPENED_FIRE_AFTER = regex.compile(
    rf"{_SP}(?:(?:then|had|who){_SP})?(?:(?:entered|stormed|burst{_SP}into|walked{_SP}into"
    rf"|drove{_SP}to|arrived{_SP}at)(?:{_SP}[^\s,.;:!?]{{1,30}}){{1,4}}?{_SP}and{_SP})?"
    rf"(?:opened{_SP}fire|started{_SP}shooting|began{_SP}shooting|began{_SP}firing)(?![\w-])",
    regex.IGNORECASE,
)
_ATTACK_WORDS = regex.compile(
    r"\b(?:attack\w*|stabb\w*|stabbed|knives|knife|opened\s{1,3}fire|gunfire|shooting"
    r"|bomb\w*|grenades?|explosives?|guns?|rifles?|firearms?|weapons?|storm(?:ed|ing))\b",
    regex.IGNORECASE,
)
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014]"
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014")
#: "a 12-person cell", "a 5-member terror module": the attackers as one group
_CELL_AFTER = regex.compile(
    rf"{_DASH}(?:person|member|man|men|strong){_SP}(?:(?:terror|terrorist|militant|jihadi"
    rf"|jihadist|islamist){_SP}(?:cell|module|squad|team|group|gang|unit)|cell|module)s?(?![\w-])",
    regex.IGNORECASE,
)
#: a count of deaths or arrests named by its noun: "more than one fatality", "20 deaths",
#: "made several arrests" (never "death anniversary", "death row")
_COUNT_NOUN_AFTER = regex.compile(
    rf"{_SP}(?:more{_SP}|(?P<of>of){_SP})?(?P<noun>fatalities|fatality|deaths|death|arrests|arrest"
    rf"|injuries|casualties|causalities)(?![\w-])"
    rf"(?!{_SP}(?:anniversar\w*|row|sentences?|penalty|threats?|warrants?|certificates?|squads?"
    rf"|tolls?)\b)",
    regex.IGNORECASE,
)
_HOSPITAL_AFTER = regex.compile(
    r"\b(?:hospitals?|hospitali[sz]ed|treated|injur\w*|wounded)\b", regex.I
)
_AND_INJURED_AFTER = regex.compile(rf"{_SP}and{_SP}(?:injured|wounded)(?![\w-])", regex.I)
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


def _group_of_people(text: str, pos: int, until: str) -> int:
    """End of a short noun phrase of people after a count ("children", "staff members",
    "school children"), up to and including ``until`` if given; -1 if it is not one."""
    cur, head = pos, False
    for _ in range(4):
        t = _TOKEN.match(text, cur)
        if t is None:
            return -1
        word = _clean(t.group("tok"))
        if until and word == until:
            return t.end() if head else -1
        if word in ATTACKER_HEADS or word in _STOP or word[:1].isdigit():
            return -1
        cur = t.end()
        if word in _SUM_HEADS:
            head = True
            if not until:
                nxt = _TOKEN.match(text, cur)  # "staff members"
                if nxt is not None and _clean(nxt.group("tok")) in _SUM_HEADS:
                    cur = nxt.end()
                return cur
    return -1


def _hurt_verb(verb: str) -> bool:
    """A verb of the injured, with "suffered/sustained/received (serious) injuries"."""
    return verb in _INJURED_VERBS or verb.startswith(("sustained ", "received ", "suffered "))


def _sum_of_two(text: str, q: Quantity) -> tuple[Quantity, Quantity, regex.Match[str]] | None:
    """ "186 children and over 100 adults were killed": two groups under one verb, summed.

    Only person nouns that are not attackers ("147 students and four militants were
    killed" are two figures), and only qualifiers that add up (exact, at least, more than).
    """
    conj_end = _group_of_people(text, q.end, "and")
    if conj_end < 0:
        return None
    one = _ONE_PERSON_AT.match(text, conj_end + 1) or _ONE_PERSON_AT.match(text, conj_end + 2)
    if one is not None and text[conj_end : one.start()].isspace():
        # "six bystanders and a policeman were also wounded": seven
        q2 = Quantity(one.start(), one.end(), one.group(), Qualifier.exact, 1, 1, 1)
        head_end = one.end()
    else:
        found = next(iter_quantities(text, None, conj_end, conj_end + 4), None)
        if found is None or found.total is not None or found.increment:
            return None
        q2 = found
        head_end = _group_of_people(text, q2.end, "")
        if q2.qualifier is Qualifier.vague and q2.low >= 2:
            # "At least 13 U.S. military personnel and dozens of Afghans were killed"
            of_people = _OF_PEOPLE.match(text, q2.end)
            head_end = -1 if of_people is None else of_people.end()
    if head_end < 0:
        return None
    sv = _harm_verb_at(text, head_end)
    if sv is None:
        # an aside before the verb: "seven police officers and two civilians - plus the
        # attacker - died" (the aside's people are not in the sum)
        aside = _dash_aside(text, head_end)
        sv = _harm_verb_at(text, aside) if aside > 0 else None
    if sv is None:
        return None
    quals = {q.qualifier, q2.qualifier}
    if q2.qualifier is Qualifier.vague and q.qualifier is not Qualifier.vague:
        # a vague second group adds its lower bound: "13 ... and dozens of Afghans" is at
        # least 25 (convention 20 of the second set)
        quals = {q.qualifier, Qualifier.at_least}
    if not quals <= {Qualifier.exact, Qualifier.at_least, Qualifier.more_than}:
        return None
    qual = next((x for x in (q2.qualifier, q.qualifier) if x is not Qualifier.exact), q.qualifier)
    if q2.qualifier is Qualifier.vague:
        qual = Qualifier.more_than if q.qualifier is Qualifier.more_than else Qualifier.at_least
    low = q.low + q2.low
    high = None if q.high is None or q2.high is None else q.high + q2.high
    if q2.qualifier is Qualifier.vague:
        high = None
    total = Quantity(q.start, q2.end, text[q.start : q2.end], qual, low, high, None)
    return total, q2, sv


_LIST_COMMA = regex.compile(r",(?!,)")
_LIST_AND = regex.compile(rf",?{_SP}and{_SP}", regex.IGNORECASE)
_LIST_GROUPS = 5  # groups of a list read at most


def _list_of_groups(
    text: str, q: Quantity, first_end: int = -1
) -> tuple[int, list[int], int] | None:
    """Three to five groups of people from ``q``: "three policemen, two women and a child".
    Only exact counts of people who are not attackers, each group a count and a person
    noun (or "a" and one), the last after "and": (sum, starts of the later groups, end).
    ``first_end``: where the first group ends when ``q`` names its person itself ("a
    police officer, three private security guards, and two passersby")."""
    if q.qualifier is not Qualifier.exact or q.increment or q.total is not None:
        return None
    pos = _group_of_people(text, q.end, "") if first_end < 0 else first_end
    if pos < 0 or _LIST_COMMA.match(text, pos) is None:
        return None
    low, starts, last = q.low, [], False
    for _ in range(_LIST_GROUPS):
        conj = _LIST_AND.match(text, pos)
        last = conj is not None
        gap = conj.end() if conj is not None else pos + 1
        one = _ONE_PERSON_AT.match(text, gap) if last else None
        if one is None and not last:
            one = _ONE_PERSON_AT.match(text, gap + 1) if text[gap : gap + 1].isspace() else None
        if one is not None:
            n, start, pos = 1, one.start(), one.end()
        else:
            q2 = next(iter_quantities(text, None, gap, gap + 2), None)
            if (
                q2 is None
                or q2.qualifier is not Qualifier.exact
                or q2.increment
                or q2.total is not None
            ):
                return None
            pos = _group_of_people(text, q2.end, "")
            if pos < 0:
                return None
            n, start = q2.low, q2.start
        low += n
        starts.append(start)
        if last:
            break
        if _LIST_COMMA.match(text, pos) is None and _LIST_AND.match(text, pos) is None:
            return None
    if not last or len(starts) < 2:
        return None
    return low, starts, pos


def _harm_verb_at(text: str, pos: int) -> regex.Match[str] | None:
    """The subject's verb group at `pos` when its verb kills or hurts ("were killed",
    "suffered injuries"): what a sum of groups of people needs after the last group."""
    sv = _SUBJECT_VERB.match(text, pos)
    if sv is None:
        return None
    verb = _WS.sub(" ", sv.group("verb").lower())
    return sv if verb in _KILLED_VERBS or _hurt_verb(verb) else None


def _sum_of_list(
    text: str, q: Quantity, first_end: int = -1
) -> tuple[Quantity, list[int], regex.Match[str]] | None:
    """ "three policemen, two women and a child were killed": three or more groups of
    people under one verb, summed (as two groups are)."""
    groups = _list_of_groups(text, q, first_end)
    if groups is None:
        return None
    low, starts, pos = groups
    sv = _harm_verb_at(text, pos)
    if sv is None:
        return None
    total = Quantity(q.start, pos, text[q.start : pos], Qualifier.exact, low, low, None)
    return total, starts, sv


#: a vague group's people: "dozens of Afghans", "scores of civilians"
_OF_PEOPLE = regex.compile(
    rf"{_SP}of{_SP}(?:(?-i:[A-Z][a-z]{{2,30}}s)|(?:{'|'.join(sorted(_SUM_HEADS))}))(?![\w-])",
    regex.IGNORECASE,
)
#: what may follow the last group of an object sum: the end of the clause or a preposition
_OBJECT_SUM_END = regex.compile(
    rf"[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:in|at|on|during|after|near|inside"
    rf"|outside|when|while|as|from|following|before|since|across|today|yesterday|last)\b",
    regex.IGNORECASE,
)


def _object_sum_of_two(f: _Finder, text: str, q: Quantity) -> tuple[Quantity, int] | None:
    """ "killing 20 hostages and two police officers in a standoff", "killed 21 foreign
    tourists and a policeman": two groups of people as the object of one verb, summed (as
    "186 children and over 100 adults were killed"). Never attackers ("killing 20 people
    and two of the gunmen"), and only when the second group ends the clause."""
    if q.qualifier not in {Qualifier.exact, Qualifier.at_least, Qualifier.more_than}:
        return None
    conj_end = _group_of_people(text, q.end, "and")
    if conj_end < 0:
        return None
    one = _ONE_PERSON_AT.match(text, conj_end + 1) or _ONE_PERSON_AT.match(text, conj_end + 2)
    if one is not None and text[conj_end : one.start()].isspace():
        n2, q2_start, head_end = 1, one.start(), one.end()
    else:
        q2 = next(iter_quantities(text, None, conj_end, conj_end + 4), None)
        if (
            q2 is None
            or q2.total is not None
            or q2.increment
            or q2.qualifier is not Qualifier.exact
        ):
            return None
        head_end = _group_of_people(text, q2.end, "")
        if head_end < 0:
            return None
        n2, q2_start = q2.low, q2.start
    if _OBJECT_SUM_END.match(text, head_end) is None:
        return None
    f.skip.add(q2_start)
    low = q.low + n2
    high = None if q.high is None else q.high + n2
    total = Quantity(q.start, head_end, text[q.start : head_end], q.qualifier, low, high, None)
    return total, head_end


#: the rest of the bodies, elsewhere: "seven bodies were at Mayo Hospital while two were at
#: the morgue", "..., while two bodies were shifted to the morgue"
_BODIES_ELSEWHERE = regex.compile(
    rf"[^.;!?]{{0,80}}?(?:,?{_SP}|,)(?:while|whereas)(?:{_SP}another)?{_SP}(?=[0-9a-z])",
    regex.IGNORECASE,
)
_REST_AFTER = regex.compile(
    rf"(?:{_SP}(?:more{_SP})?bodies)?{_SP}(?:were|are|had|have|was|lay|lie)(?![\w-])",
    regex.IGNORECASE,
)


def _plus_next(
    f: _Finder, text: str, q: Quantity, start: int, after: regex.Pattern[str]
) -> Quantity | None:
    """`q` plus the plain exact count that begins at `start` and is followed by `after`
    (a second place, those who died later), as one summed quantity; the second count is
    then skipped. None when no such count is there."""
    q2 = next(iter_quantities(text, None, start, start + 1), None)
    if (
        q2 is None
        or q2.qualifier is not Qualifier.exact
        or q2.total is not None
        or q2.increment
        or after.match(text, q2.end) is None
    ):
        return None
    f.skip.add(q2.start)
    high = None if q.high is None else q.high + q2.low
    return Quantity(
        q.start, q2.end, text[q.start : q2.end], q.qualifier, q.low + q2.low, high, None
    )


def _bodies_elsewhere(f: _Finder, text: str, q: Quantity, pos: int, s1: int) -> Quantity | None:
    """ "seven bodies had been shifted to Mayo Hospital while two are at the morgue": the
    bodies counted at two places, summed (convention 20 of the second set)."""
    if q.qualifier not in {Qualifier.exact, Qualifier.at_least, Qualifier.more_than}:
        return None
    m = _BODIES_ELSEWHERE.match(text, pos, min(s1, pos + 120))
    if m is None:
        return None
    return _plus_next(f, text, q, m.end(), _REST_AFTER)


_AND_NUMBER = regex.compile(rf"{_SP}and{_SP}(?=[0-9a-z])", regex.IGNORECASE)
_DIED_LATER_AFTER = regex.compile(
    rf"(?:{_SP}(?:others|more|people|persons))?{_SP}(?:(?:later|also|subsequently|have|had)"
    rf"{_SP})?(?:succumbed|died)(?![\w-])",
    regex.IGNORECASE,
)


def _died_later(f: _Finder, text: str, q: Quantity, pos: int) -> Quantity | None:
    """ "62 people were killed and 24 succumbed to death in hospital": the dead at the scene
    and those who died later, summed (convention 20 of the second set)."""
    if q.qualifier not in {Qualifier.exact, Qualifier.at_least, Qualifier.more_than}:
        return None
    if q.increment or q.total is not None:
        return None
    m = _AND_NUMBER.match(text, pos)
    if m is None:
        return None
    return _plus_next(f, text, q, m.end(), _DIED_LATER_AFTER)


def _after_attackers_killed(f: _Finder, s0: int, pos: int) -> bool:
    """The sentence's last statement before ``pos`` counted attackers killed."""
    earlier = [st for st in f.out if s0 <= st.start < pos]
    return bool(earlier) and earlier[-1].field == "attackers_killed"


_OF_WORD = regex.compile(r"\bof\b", regex.IGNORECASE)
_LOST_HEADS = (
    PERSON_HEADS
    - ATTACKER_HEADS
    - {
        "dead",
        "injured",
        "wounded",
        "suspects",
        "suspect",
        "accused",
        "hearts",
        "casualties",
        "fatalities",
        "bodies",
        "hostages",
        "others",
    }
)
#: "36 people have lost their lives along with three suicide bombers": the attackers died
#: with them (how many attackers there were is not stated by this)
_ALONG_WITH_BEFORE = regex.compile(rf"(?:along|together){_SP}with{_SP}\Z", regex.I)
_DIED_WITH_BEFORE = regex.compile(
    rf"(?<![\w-])(?:died|killed|dead|perished|lost{_SP}their{_SP}li(?:ves|fe)|martyred)"
    rf"{_SP}(?:along|together){_SP}with{_SP}\Z",
    regex.IGNORECASE,
)
#: "All but two of the people killed": the complement describes the others, no count
_ALL_BUT_BEFORE = regex.compile(rf"(?<![\w-])all{_SP}but{_SP}\Z", regex.IGNORECASE)
#: "the attack was conducted by one man", "carried out by three gunmen": the attackers
_DONE_BY_BEFORE = regex.compile(
    rf"(?<![\w-])(?:carried{_SP}out|conducted|perpetrated|committed|executed|staged|mounted)"
    rf"(?:{_SP}(?:solely|only|jointly|apparently|allegedly))?{_SP}by{_SP}\Z",
    regex.IGNORECASE,
)
#: a group named before its count: "A family of six carried out ...", "a gang of four stormed",
#: a headline's "Indonesia: Family of six carried out attacks"
_CREW_OF_BEFORE = regex.compile(
    rf"(?:(?<![\w-])(?:an?|the){_SP}(?:[\w-]{{1,30}}{_SP})?|(?<=\A)|(?<=:[\s\u200b]{{1,3}}))"
    rf"(?:family|group|gang|band|cell|squad)"
    rf"{_SP}of{_SP}\Z",
    regex.IGNORECASE,
)
_DOERS = frozenset(["man", "men", "person", "people", "persons", "individuals"]) | ATTACKER_HEADS
_ARMED_WORD = regex.compile(r"\barmed\b", regex.IGNORECASE)
_ALL_THE_BEFORE = regex.compile(rf"(?<![\w-])(?:all|the){_SP}\Z", regex.IGNORECASE)
_RISE_HINT = regex.compile(r"(?:to|se|sen|ses|ing|ed|ps|bs|up|ts|es|rs)\s{0,3}\Z")
_DEATH_WORDS = regex.compile(
    r"\b(?:killed|dead|deaths?|died|toll|martyr\w*|fatalities|lives|bodies)\b", regex.IGNORECASE
)
_INCLUDING_BEFORE = regex.compile(
    rf"(?<![\w-])(?:including|includes|among{_SP}them|among{_SP}whom|of{_SP}whom)"
    # a list of subsets, each with its figure: "including 43 Pakistan citizens, 10 Indian
    # citizens and 15 unidentified people were killed"
    rf"(?:{_SP}[0-9][0-9,]{{0,6}}(?:(?!(?<![\w-])(?:were|was|are|is|have|has|had|been)(?![\w-]))"
    rf"[^,;:.!?]){{1,40}},){{0,4}}"
    # the subset runs to "and" only if no verb closes it first: in "including 132
    # students ... were martyred and many others injured" the second figure is no subset
    rf"(?:{_SP}(?:(?!(?<![\w-])(?:were|was|are|is|have|has|had|been)(?![\w-]))[^,;:.!?])"
    rf"{{0,60}}?{_SP}and)?{_SP}\Z",
    regex.IGNORECASE,
)
_BLEW_THEMSELVES = regex.compile(
    r"\b(?:blew|blowing|blow)\s{1,3}(?:themselves\s{1,3}up|up\s{1,3}themselves)"
    r"|\bdetonated\s{1,3}themselves\b",
    regex.IGNORECASE,
)
_SCAN_TOKENS = 7
_SECOND_GROUP_TOKENS = 4
_PARTICIPLES = frozenset(["killed", "injured", "wounded", "martyred", "slain"])
_PASSIVE = regex.compile(rf"{_SP}(?:were|was|are|is|had|have|has)\b", regex.IGNORECASE)
NUMBER_WORD = regex.compile(
    r"[0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|several|another"
)
#: the verbs the bare vague "some" was read with before issue 13 ("some died in the
#: standoff"); "some were martyred" about fighters abroad is not a toll
_SOME_VERBS = frozenset(["killed", "dead", "died", "slain", "shot dead", "injured", "wounded"])
_SCAN_STOP = _STOP - {"including"}
_INCREMENT_KEPT = frozenset(["succumbed", "died", "die", "dies"])
_WHO = regex.compile(r"(?<![\w-])who(?![\w-])", regex.IGNORECASE)
_LATER_WORD = regex.compile(r"(?<![\w-])(?:later|subsequently)(?![\w-])", regex.IGNORECASE)
_LATER_AFTER = regex.compile(rf"{_SP}(?:later|subsequently)(?![\w-])", regex.IGNORECASE)


#: verbs a subject undergoes without a passive: "the 18 brave hearts who made the supreme
#: sacrifice", "the 40 jawans who died"
_INTRANSITIVE = frozenset(
    [
        "died",
        "dies",
        "die",
        *_DYING,
    ]
)
_LONG_SCAN = 30  # tokens crossed to reach the verb after a relative clause or "including"
_CLAUSE_WORDS = frozenset(
    [
        "when",
        "while",
        "after",
        "before",
        "where",
        "which",
        "said",
        "says",
        "told",
        "but",
        "because",
        "as",
        "since",
        "until",
        "if",
        "though",
        "although",
        "whereas",
        "whom",
    ]
)
_HAS_AUX = regex.compile(r"\b(?:were|was|are|is|had|have|has)\b", regex.IGNORECASE)
#: what may follow a verb used without an object ("... shot dead, police confirm")
_NO_OBJECT_AFTER = regex.compile(
    rf"[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:-|by|in|at|on|during|after|near"
    rf"|inside|outside|when|while|as|and|from|following|today|yesterday|last|early|late)\b",
    regex.IGNORECASE,
)


_LATER_OWN_VERB = regex.compile(
    r"[^,;:.!?]{0,80},[\s\u200b]{1,3}(?:were|was|are|is|have|has|had)(?![\w-])", regex.IGNORECASE
)
_SUFFERED = ("sustained", "received", "suffered")
#: the end of a headline's clause right after a participle
_HEADLINE_END = regex.compile(r"[\s\u200b]{0,3}(?:[;!?]|\.(?![\w])|\Z)")


def _main_verb(text: str, pos: int, relative: bool) -> regex.Match[str] | None:
    """The subject's own verb past a relative clause or an "including" insertion.

    "Three terrorists who killed seven people and injured 48 more in ... shot dead",
    "Seven of the eight terrorists who attacked various locations in Paris died",
    "More than 100 people including Nawabzada Siraj Raisani, younger brother of ...,
    have been martyred". A verb joined by "and"/"or" belongs to the relative clause
    ("who killed seven people and injured 48"); a verb without an auxiliary counts only
    if intransitive or without an object ("the gunmen who stormed the school killed 141
    people" has the gunmen as killers, and stops the scan). After "including" a bare verb
    counts only before any comma and not right after a number ("over 20 including
    lawyers injured"; in "including 10 injured, were" the injured are a noun).
    """
    cur = pos
    prev = "who" if relative else "including"
    bare_ok = True
    for _ in range(_LONG_SCAN):
        if text[cur : cur + 1] == ",":
            cur += 1
            prev = ","
            bare_ok = relative
        if not relative and NUMBER_WORD.fullmatch(prev):
            pass  # "including 18 injured": a noun after a number
        elif prev not in {"and", "or", "who", "that"}:
            sv = _SUBJECT_VERB.match(text, cur)
            if sv is not None:
                verb = _WS.sub(" ", sv.group("verb").lower())
                aux = _HAS_AUX.search(text, sv.start(), sv.start("verb")) is not None
                # "suffered injuries" needs no auxiliary: "More than 80 others, including
                # Raza, suffered injuries"
                if aux or verb in _INTRANSITIVE or verb.startswith(_SUFFERED):
                    return sv
                if (
                    prev == ","
                    and not relative
                    and verb in _PARTICIPLES
                    and _HEADLINE_END.match(text, sv.end())
                ):
                    return sv  # "13, including two senior police officials, killed; 84, ..."
                if (
                    bare_ok
                    and verb != "held"
                    and _NO_OBJECT_AFTER.match(text, sv.end())
                    # "Eight people, including a man injured in the blasts and a
                    # rickshaw-puller, were being questioned": the participle is the man's,
                    # the subject's own verb comes after the insertion
                    and (relative or _LATER_OWN_VERB.match(text, sv.end()) is None)
                ):
                    return sv
                if verb in _KILLED_VERBS or verb in _INJURED_VERBS:
                    return None  # an active main verb: the subject did it
        t = _TOKEN.match(text, cur)
        if t is None:
            return None
        prev = _clean(t.group("tok"))
        if prev in _CLAUSE_WORDS:
            return None
        cur = t.end()
    return None


#: a proper name after "of" (an organisation, a unit): crossed in one step, so the verb
#: after it is still in reach: "12 jawans of the Central Reserve Police Force (CRPF) were"
_ORG_AFTER_OF = regex.compile(
    r"(?:[\s\u200b]{1,3}the)?(?-i:(?:[\s\u200b]{1,3}[A-Z][\w’'.&-]{0,30}){1,6})"
    r"(?:[\s\u200b]{1,3}\([A-Za-z.&-]{1,12}\))?(?![\w-])",
)


#: an aside between dashes after the subject: "At least eight people — five policemen and
#: three civilians — were killed", "Three attackers - two of them women - died"
_ASIDE_OPEN = regex.compile(
    r"[\s\u200b]{0,3}(?P<d>[\u2013\u2014])|[\s\u200b]{1,3}(?P<d>--?)(?=[\s\u200b])"
)
_ASIDE_STOP = regex.compile(r"[.;:!?\n]")


def _dash_aside(text: str, pos: int) -> int:
    """End of an aside between two like dashes opening at ``pos`` (-1 if none)."""
    m = _ASIDE_OPEN.match(text, pos)
    if m is None:
        return -1
    dash = m.group("d")
    close = text.find(dash, m.end(), m.end() + 100)
    if close < 0 or _ASIDE_STOP.search(text, m.end(), close) is not None:
        return -1
    if len(dash) < 2 and dash == "-" and not text[close - 1 : close].isspace():
        return -1  # "a - b" only; never a hyphen inside a word
    return close + len(dash)


_INCLUDING_AT = regex.compile(r"[\s\u200b]{0,3}including(?![\w-])", regex.IGNORECASE)


def _breakdown_aside(text: str, pos: int) -> int:
    """End of a dashed aside at ``pos`` that opens with "including" (-1 if none)."""
    end = _dash_aside(text, pos)
    if end < 0:
        return -1
    m = _ASIDE_OPEN.match(text, pos)
    return end if m is not None and _INCLUDING_AT.match(text, m.end()) else -1


#: people described by a link or a suspicion before their arrest: "Two people believed to be
#: linked to Tuesday's siege were arrested", "Three men suspected of involvement in the
#: attack were detained"
_LINKED = regex.compile(
    rf"{_SP}(?:(?:believed|thought|said|suspected|alleged){_SP}to{_SP}(?:be|have{_SP}been){_SP})?"
    rf"(?:linked|connected|tied){_SP}(?:to|with)(?![\w-])|{_SP}suspected{_SP}of(?![\w-])",
    regex.IGNORECASE,
)
#: where people came from, crossed between them and their verb: "23 people belonging to 18
#: countries were killed", "victims from 12 nations died"
_PLACES = r"countries|nations|nationalities|states|provinces|districts|cities|towns|villages"
_FROM_PLACES = regex.compile(
    rf"{_SP}(?:belonging{_SP}to|from|of|hailing{_SP}from){_SP}(?:[0-9]{{1,3}}|[a-z]{{3,9}})"
    rf"{_SP}(?:different{_SP})?(?:{_PLACES})(?![\w-])",
    regex.IGNORECASE,
)
_DEAD_ATTACKERS_AFTER = regex.compile(
    rf"{_SP}(?:dead|deceased|slain|killed){_SP}(?:(?:suicide|armed|suspected|alleged|male|female"
    rf"|foreign){_SP})?(?:suspects|attackers|gunmen|militants|terrorists|assailants|bombers|shooters"
    rf"|hijackers|jihadists|insurgents)(?![\w'’-])",
    regex.IGNORECASE,
)
#: a count of places is no count of people: "Tourists from 18 countries were killed"
_PLACES_AFTER = regex.compile(rf"{_SP}(?:different{_SP})?(?:{_PLACES})(?![\w'’-])", regex.I)
_ARREST_VERBS = frozenset(
    [
        "arrested",
        "detained",
        "apprehended",
        "picked up",
        "taken into custody",
        "taken in for questioning",
    ]
)


def _linked_then_arrested(text: str, pos: int) -> regex.Match[str] | None:
    """The arrest verb after a link phrase at ``pos`` (within eight words of one clause)."""
    link = _LINKED.match(text, pos)
    if link is None:
        return None
    cur = link.end()
    for _ in range(8):
        sv = _SUBJECT_VERB.match(text, cur)
        if sv is not None:
            verb = _WS.sub(" ", sv.group("verb").lower())
            return sv if verb in _ARREST_VERBS else None
        t = _TOKEN.match(text, cur)
        if t is None or _clean(t.group("tok")) in _CLAUSE_WORDS:
            return None
        cur = t.end()
    return None


def _subject_verb(
    text: str, pos: int, skip: set[int] | None = None
) -> tuple[regex.Match[str] | None, list[str], bool]:
    """The verb a figure is the subject of, a few words on: "60 police cadets were killed",
    "59 people, mostly police officials, were martyred", "the 40 personnel who were killed",
    "the 40 CRPF personnel, killed in", "two more injured persons succumbed".

    Returns the verb match, the words passed over before any "and" (to find the head
    noun: "147 students and four militants were killed" are students), and whether a
    relative clause naming what the subject did was crossed ("Three terrorists who
    killed seven people ... shot dead": they were the attackers).
    """
    words: list[str] = []
    heads_open = True
    cur = pos
    steps, budget = 0, _SCAN_TOKENS
    while steps < budget:
        steps += 1
        sv = _SUBJECT_VERB.match(text, cur)
        if sv is not None:
            if sv.group("verb").lower() in {"injured", "wounded"}:
                # an adjective before a noun: "two more injured persons succumbed"
                later, more = _subject_verb_after_adjective(text, sv.end())
                if later is not None:
                    return later, words + more, False
            return sv, words, False
        t = _TOKEN.match(text, cur)
        if t is None or (words and t.group("tok") in _DASHES):
            # with no noun yet, only a breakdown: "four – including two police constables, a
            # woman and a miscreant – died"
            aside = _dash_aside(text, cur) if words else _breakdown_aside(text, cur)
            if aside > 0:
                sv = _SUBJECT_VERB.match(text, aside)
                if sv is not None and skip is not None:
                    # the figures of the aside are a breakdown of the subject (convention 1)
                    skip.update(x.start for x in iter_quantities(text, None, cur, aside))
                return sv, words, False
            if t is not None:
                break
            if text[cur : cur + 1] == ",":
                inc = _TOKEN.match(text, cur + 1)
                if inc is not None and _clean(inc.group("tok")) == "including":
                    # "at least 55 people, including women and children, had been killed"
                    return _main_verb(text, inc.end(), relative=False), words, False
                direct = _SUBJECT_VERB.match(text, cur + 1)  # "personnel, killed in"
                if direct is not None and direct.group("verb").lower() in _PARTICIPLES:
                    return direct, words, False
                close = text.find(",", cur + 1, cur + 80)  # one insertion between commas
                if close > 0 and not _CLAUSE_END.search(text[cur + 1 : close].replace(",", "")):
                    return _SUBJECT_VERB.match(text, close + 1), words, False
            break
        word = _clean(t.group("tok"))
        if words and words[-1] in PERSON_HEADS and word in {"belonging", "from", "of", "hailing"}:
            places = _FROM_PLACES.match(text, cur)
            if places is not None:
                if skip is not None:
                    skip.update(x.start for x in iter_quantities(text, None, cur, places.end()))
                cur = places.end()
                continue
        if (
            words
            and words[-1] in PERSON_HEADS
            and word
            in {
                "linked",
                "connected",
                "tied",
                "believed",
                "thought",
                "said",
                "suspected",
                "alleged",
            }
        ):
            linked = _linked_then_arrested(text, cur)
            if linked is not None:
                return linked, words, False
        if word in {"who", "that"}:
            after = _SUBJECT_VERB.match(text, t.end())
            if after is not None and (
                _PASSIVE.match(text, t.end())
                or _WS.sub(" ", after.group("verb").lower()) in _INTRANSITIVE
            ):
                return after, words, False
            if word == "who":
                return _main_verb(text, t.end(), relative=True), words, True
            break
        if word == "including":
            # "At least twenty six people including 18 students were martyred"
            return _main_verb(text, t.end(), relative=False), words, False
        if word == "and" and heads_open:
            nxt = _TOKEN.match(text, t.end())
            if nxt is None:
                break
            nxt_word = _clean(nxt.group("tok"))
            if NUMBER_WORD.fullmatch(nxt_word) is None:
                # a coordinated subject: "a number of terrorists and facilitators were arrested"
                both_sv = None if nxt_word in _STOP else _SUBJECT_VERB.match(text, nxt.end())
                if both_sv is not None and words and words[-1] in PERSON_HEADS:
                    return both_sv, [*words, nxt_word], False
                break
            heads_open = False  # "147 students and four militants were killed"
            # the second group may have a long name: "Four terrorists and three Indian Air
            # Force (IAF) personnel were killed"
            budget += _SECOND_GROUP_TOKENS
            cur = t.end()
            continue
        if word in _PLACE_PREPS and words and words[-1] in PERSON_HEADS and heads_open:
            placed = _verb_after_place(text, t.end())
            if placed is not None:
                return placed, words, False  # "Two airmen at Pathankot air base were killed"
        if word in _SCAN_STOP or word[:1].isdigit() or word == "among":
            break  # "two women among the four assailants killed": a subset of the four
        if heads_open:
            words.append(word)
        cur = t.end()
        if word == "of" and words[-2:-1] and words[-1] == "of" and words[-2] in PERSON_HEADS:
            org = _ORG_AFTER_OF.match(text, cur)
            if org is not None:  # "12 jawans of the Central Reserve Police Force (CRPF)"
                cur = org.end()
    return None, words, False


#: a figure right before a participle: "35 killed several Dozen injured"
_FIGURE_BEFORE = regex.compile(
    rf"(?<![\w-])(?:[0-9][0-9,]*|{NUMBER_WORD.pattern}){_SP}\Z", regex.IGNORECASE
)
#: verbs of killing that take an object in the active voice
_TRANSITIVE_KILL = frozenset(
    [
        "killed",
        "shot dead",
        "shot and killed",
        "murdered",
        "gunned down",
        "neutralised",
        "neutralized",
        "eliminated",
    ]
)
#: what begins the object of an active verb: "killed 22 people", "shot dead the guard"
_OBJECT_START = regex.compile(
    rf"{_SP}(?:the|an?|his|her|their|its|dozens|scores|hundreds|many|several|some)(?![\w-])",
    regex.IGNORECASE,
)


def _active_with_object(text: str, sv: regex.Match[str]) -> bool:
    """ "Three gunmen killed 22 people", "three Islamist gunmen shot dead dozens of people":
    a verb of killing without an auxiliary and with an object is the subject's own deed."""
    verb = _WS.sub(" ", sv.group("verb").lower())
    if verb not in _TRANSITIVE_KILL or sv.start("verb") != _verb_start_bare(text, sv):
        return False
    obj = next(iter_quantities(text, None, sv.end(), sv.end() + 4), None)
    if obj is not None and text[sv.end() : obj.start].isspace():
        # "35 killed several Dozen injured": a headline's list, each figure with its word
        return obj.total is None and _ADJ_AFTER.match(text, obj.end) is None
    return _OBJECT_START.match(text, sv.end()) is not None


def _verb_start_bare(text: str, sv: regex.Match[str]) -> int:
    """Where the verb starts when nothing but spaces precede it in the match, else -1."""
    lead = text[sv.start() : sv.start("verb")]
    return sv.start("verb") if lead.isspace() or not lead else -1


_PLACE_PREPS = frozenset(["at", "in", "on", "inside", "near"])
_PLACE_TOKENS = 5


def _verb_after_place(text: str, pos: int) -> regex.Match[str] | None:
    """The subject's verb after where the people were: "Two airmen at Pathankot air base were
    also killed" (at most five words of place, and only a verb with its auxiliary)."""
    cur = pos
    for _ in range(_PLACE_TOKENS):
        t = _TOKEN.match(text, cur)
        if t is None:
            return None
        word = _clean(t.group("tok"))
        if (word in _STOP and word != "of") or word[:1].isdigit() or word in PERSON_HEADS:
            return None
        cur = t.end()
        sv = _SUBJECT_VERB.match(text, cur)
        if sv is not None:
            has_aux = _HAS_AUX.search(text, sv.start(), sv.start("verb")) is not None
            return sv if has_aux else None
    return None


def _subject_verb_after_adjective(text: str, pos: int) -> tuple[regex.Match[str] | None, list[str]]:
    t = _TOKEN.match(text, pos)
    if t is None or _clean(t.group("tok")) not in PERSON_HEADS:
        return None, []
    sv = _SUBJECT_VERB.match(text, t.end())
    return sv, [_clean(t.group("tok"))]


def _adjusted(f: _Finder, q: Quantity, field: str, s0: int, verb: str = "") -> Quantity:
    """ "killed 30 and injured another 12": "another", "more", "others" after a count of
    another field name other people, so the figure is a total; an addition to the same
    field ("two more injured persons succumbed", "arresting 20 more people") stays an
    increment."""
    if not q.increment or verb in _INCREMENT_KEPT:
        return q
    earlier = [st for st in f.out if st.start >= s0 and st.start < q.start]
    # with no earlier figure in the sentence, the wounded are other people than the dead
    same = earlier[-1].field == field if earlier else field != "injured"
    return q if same else replace(q, increment=False)


#: the Y of "X of the Y" named by a participle, then the sentence's own verb: "13 of the
#: 15 people killed have been identified", "Eight of the 14 killed were foreigners"
_Y_NAMED_AFTER = regex.compile(
    rf"(?:{_SP}(?:people|persons|victims|civilians|tourists|worshippers|passengers))?"
    rf"{_SP}(?P<verb>killed|dead|slain|injured|wounded)"
    rf"(?:{_SP}(?:in|at|on|during){_SP}(?:the|this|that|these){_SP}[\w-]{{1,30}})?"
    rf",?{_SP}(?:have|has|had|were|was|are|is)(?![\w-])",
    regex.IGNORECASE,
)
_AS_WELL_AS_BEFORE = regex.compile(rf"(?<![\w-])as{_SP}well{_SP}as{_SP}\Z", regex.IGNORECASE)
_CARRIED = {"killed": "killed", "injured": "injured", "arrested": "arrested"}


def _carried_field(f: _Finder, s0: int, q: Quantity, before: str, head: str | None) -> str | None:
    """The field "as well as" carries to a figure without its own verb: the sentence's
    previous statement's (killed, injured, arrested); attackers among the dead are
    attackers killed. Only for a figure of people (a head noun) and never a vague word."""
    if head is None or head not in PERSON_HEADS or q.qualifier is Qualifier.vague:
        return None
    if "well" not in before[-12:].lower() or _AS_WELL_AS_BEFORE.search(before) is None:
        return None
    earlier = [st for st in f.out if s0 <= st.start < q.start]
    if not earlier or earlier[-1].field not in _CARRIED:
        return None
    field = _CARRIED[earlier[-1].field]
    if head in ATTACKER_HEADS:
        return {"killed": "attackers_killed", "arrested": "attackers_captured"}.get(field)
    return field


_ATTACK_NOUN = regex.compile(
    r"\b(?:attacks?|bombings?|blasts?|explosions?|massacre|shooting)\b", regex.IGNORECASE
)


_ONE_ATTACKER_WORDS = frozenset(
    {
        "attacker",
        "gunman",
        "militant",
        "assailant",
        "fighter",
        "terrorist",
        "insurgent",
        "bomber",
        "hijacker",
        "jihadist",
    }
)


def _attackers_in_context(text: str, lo: int, hi: int, n: int = 1) -> bool:
    """Attackers named before a figure without a head noun are what it counts ("At least
    two of the seven attackers were captured, while some died"), unless the attack itself
    is named in between: "3 Suicide Bomber Blew himself at ... Airport Attack 36 dead"
    counts the attack's dead, or the attacker named last is one and the figure more
    than one: "suicide bomber ... school in Afghanistan, 19 dead" counts his victims."""
    first = _ATTACKER_CONTEXT.search(text, lo, hi)
    if first is None:
        return False  # the common case, one search as before
    found = [first, *_ATTACKER_CONTEXT.finditer(text, first.end(), hi)]
    if n >= 2 and found[-1].group().lower() in _ONE_ATTACKER_WORDS:
        return False
    return _ATTACK_NOUN.search(text, found[-1].end(), hi) is None


#: "15 of the injured were critical" (a subset of the injured), "two of the injured later
#: died" (an addition to the dead); never a verb "injured"
_OF_THE_HURT_AFTER = regex.compile(
    rf"{_SP}of{_SP}the{_SP}(?:(?:critically|seriously|badly|severely|gravely){_SP})?"
    rf"(?:injured|wounded)(?![\w-])"
    rf"(?:{_SP}(?:persons|people|victims))?"
    rf"(?:(?:{_SP}(?:later|also|eventually|subsequently|have|has|had)){{0,2}}"
    rf"{_SP}(?P<verb>died|succumbed|passed{_SP}away)(?![\w-]))?",
    regex.IGNORECASE,
)


_OF_THE_DEAD_AFTER = regex.compile(
    rf"{_SP}of{_SP}the{_SP}(?:dead|deceased)(?![\w-])", regex.IGNORECASE
)


_ONE_SHOOTER = regex.compile(r"\b(?:shooter|perpetrator)\Z", regex.IGNORECASE)


#: a bound written after the clause: "Serial bomb blasts in Hyderabad, 11 dead at least"
_AT_LEAST_AFTER = regex.compile(
    rf",?{_SP}at{_SP}least(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z))", regex.IGNORECASE
)


_SINGULAR_AFTER_COMMA = regex.compile(rf",{_SP}(?:was|is|has|had)(?![\w-])", regex.IGNORECASE)


def _is_one_noun(q: Quantity) -> bool:
    return (
        q.number == 1
        and q.text[-1:].isalpha()
        and not q.text.strip().isdigit()
        and (
            _ATTACKER_CONTEXT.search(q.text) is not None
            or _ARMED_WORD.search(q.text) is not None
            # "an unidentified shooter entered the building"
            or _ONE_SHOOTER.search(q.text) is not None
        )
    )


def _statement_for(f: _Finder, q: Quantity, derived_total: bool) -> bool:
    """Try the constructions in order; record at most one statement for ``q``."""
    text = f.text
    idx, s0, s1 = f.sentence_of(q.start)
    np_end, head = _noun_phrase(text, q.end)
    wide = text[max(s0, q.start - 120) : q.start]  # for the toll phrases only
    before = wide[-80:]
    base = q.start - len(before)
    low_wide = wide.lower()  # cheap tests first: the anchored searches below are costly

    def add(field: str, start: int, end: int, verb: str = "") -> bool:
        qq = _adjusted(f, q, field, s0, verb)
        post = _AT_LEAST_AFTER.match(text, end) if "least" in text[end : end + 14] else None
        if post is not None and qq.qualifier is Qualifier.exact and not qq.increment:
            # "11 dead at least": the bound after the clause (convention 17 of the second set)
            qq = replace(qq, qualifier=Qualifier.at_least, high=None)
            end = post.end()
        f.add(field, qq, start, end)
        return True

    if _is_one_noun(q):
        return add("attackers", q.start, q.end)  # "a suicide bomber"
    if (
        q.text.isdigit()
        and before.endswith(", ")
        and _SINGULAR_AFTER_COMMA.match(text, q.end) is not None
    ):
        return False  # an age: "Kodiak Yazzie, 36, was killed" (a count takes "were")
    if _PLACES_AFTER.match(text, q.end):
        return False  # "from 18 countries": places, not people
    dead_men = _DEAD_ATTACKERS_AFTER.match(text, q.end) if not derived_total else None
    if dead_men is not None and q.qualifier is not Qualifier.vague:
        # "The two deceased suspects", "the three slain militants": attackers killed, never
        # victims
        return add("attackers_killed", q.start, dead_men.end())
    if "but" in before[-8:].lower() and _ALL_BUT_BEFORE.search(before):
        return False  # "All but two of the people killed were students"
    if not derived_total and _OF_THE_DEAD_AFTER.match(text, q.end):
        return False  # a subset: "Five of the dead were children" (convention 1)
    hurt = _OF_THE_HURT_AFTER.match(text, q.end) if not derived_total else None
    if hurt is not None:
        if hurt.group("verb") is None or q.qualifier is Qualifier.vague:
            return False  # a subset: "15 of the injured were critical" (convention 1)
        # "two of the injured later died": an addition to the toll
        f.add("killed", replace(q, increment=True), q.start, hurt.end())
        return True
    crew = _CREW_OF_BEFORE.search(before) if "of" in before[-4:].lower() else None
    if (
        crew is not None
        and not derived_total
        and not q.increment
        and q.qualifier is not Qualifier.vague
        and _ATTACK_VERB_AFTER.match(text, np_end) is not None
        and _ATTACK_WORDS.search(text, s0, s1) is not None
    ):
        # "A family of six carried out suicide bombings": the group that attacked, counted
        return add("attackers", base + crew.start(), np_end)
    done_by = _DONE_BY_BEFORE.search(before) if " by" in before[-5:].lower() else None
    if done_by is not None and not derived_total and not q.increment:
        doer = _TOKEN.match(text, q.end)
        if doer is not None and _clean(doer.group("tok")) in _DOERS:
            return add("attackers", base + done_by.start(), doer.end())
    if (
        not derived_total
        and ("includ" in low_wide or "among" in low_wide or "whom" in low_wide)
        and _INCLUDING_BEFORE.search(before)
        and not _VERB_BEFORE.search(before)
    ):
        return False  # a subset: "including 18 students", "including 11 women and three ..."
    if (
        not derived_total
        and before.rstrip().endswith(",")
        and _OF_THEM_WHOM_AFTER.match(text, q.end) is not None
    ):
        hurt_them = _OF_THEM_HURT_AFTER.match(text, q.end)
        if (
            hurt_them is not None
            and q.qualifier is not Qualifier.vague
            and not any(st.field == "injured" for st in f.out if s0 <= st.start < q.start)
        ):
            # "Sixty-three hostages have been rescued, 33 of them wounded": the wounded among
            # people freed (convention 26 of the second set); among the injured, a subset
            return add("injured", q.start, hurt_them.end())
        return False  # a subset: "the deaths of 334 people, 186 of them children,"

    if not derived_total and q.qualifier is Qualifier.exact and text[q.end : q.end + 1] in _DASHES:
        cell = _CELL_AFTER.match(text, q.end)
        if cell is not None:  # "carried out by a 12-person cell"
            return add("attackers", q.start, cell.end())

    if not derived_total and "with" in before[-12:]:
        wo = _WITH_OTHERS_BEFORE.search(before)
        if wo is not None and _OTHERS_AFTER.match(text, q.end):
            named = _named_count(text, base + wo.start(), wo.group("aux"))
            if named:
                kind = _kind(wo.group("verb"))
                wfield = {"kill": "killed", "injure": "injured"}.get(kind, "arrested")
                n = q.low + named
                n_high = None if q.high is None else q.high + named
                f.add(wfield, replace(q, low=n, high=n_high), base + wo.start(), np_end)
                return True

    if not derived_total:
        vb = _VERB_BEFORE.search(before)
        if (
            vb is not None
            and _norm_ws(vb.group("all") or "") == "the"
            and _kind(vb.group("verb")) in {"leave", "lives"}
        ):
            vb = None  # "left the 3 ...": only a verb that takes the people as object
        if (
            vb is not None
            and head in {"injured", "wounded"}
            and _kind(vb.group("verb")) == "kill"
            and _FIGURE_BEFORE.search(before, 0, vb.start()) is not None
        ):
            vb = None  # "35 killed several Dozen injured": the figure names its own field
        if vb is not None:
            kind = _kind(vb.group("verb"))
            start = base + vb.start()
            end = np_end
            field: str | None = None
            every = vb.group("all") is not None and kind == "kill" and not q.increment
            them = _OF_THEM_AFTER.match(text, q.end) if every and head is None else None
            if them is not None and (
                _ATTACKER_CONTEXT.search(text, s0, q.start) is not None
                or _FIGHT_CONTEXT.search(text, s0, q.start) is not None
            ):
                end = them.end()  # "they killed all six of them" in a fight with attackers
                head = "attackers"
            if kind == "kill":
                field = "attackers_killed" if head in ATTACKER_KILLED_HEADS else "killed"
                if head in {"suspects", "suspect"}:
                    field = "attackers_killed"  # "Police shot dead five suspects"
                if head in ATTACKER_HEADS and _OF_THE_AFTER.match(text, q.end):
                    field = "attackers_killed"  # "killing four of the militants": the attackers
                if every and head in ATTACKER_HEADS:
                    field = "attackers_killed"  # "killed all five militants": the attackers
                    if not _OF_THEM_AFTER.match(text, q.end):
                        f.add("attackers", q, q.start, np_end)
            elif kind == "injure":
                field = "injured"
            elif kind == "arrest":
                field = "attackers_captured" if head in ATTACKER_KILLED_HEADS else "arrested"
                if head is None and _after_attackers_killed(f, s0, q.start):
                    field = "attackers_captured"  # "killed 20 hostage-takers, arrested three"
            elif kind == "capture":
                field = "attackers_captured" if head in ATTACKER_HEADS else "arrested"
            elif kind == "leave":
                if head in {"dead", "injured", "wounded"}:
                    field = "killed" if head == "dead" else "injured"
                else:
                    adj = _ADJ_AFTER.match(text, np_end)
                    if adj is None and text[np_end : np_end + 1] == ",":
                        close = text.find(",", np_end + 1, np_end + 80)
                        adj = _ADJ_AFTER.match(text, close + 1) if close > 0 else None
                    if adj is not None:
                        dead = adj.group(1).lower() in {"dead", "martyred"}
                        field = "killed" if dead else "injured"  # "left 70 people martyred"
                        end = adj.end()
            elif kind == "lives" and head in {"lives", "victims"}:  # "claimed 32 victims"
                field = "killed"
            elif kind == "lose" and head in _LOST_HEADS and vb.group("all") is None:
                field = "killed"  # "lost 19 of its men", "lost 40 soldiers"
            elif kind == "to_death":
                to_death = _TO_DEATH_AFTER.match(text, q.end)
                if to_death is not None:  # "shot 10 people to death": the object died
                    field = "attackers_killed" if head in ATTACKER_KILLED_HEADS else "killed"
                    end = to_death.end()
            if field in {"killed", "injured"} and head in _SUM_HEADS and not q.increment:
                groups = _list_of_groups(text, q)
                if groups is not None and _OBJECT_SUM_END.match(text, groups[2]) is not None:
                    # "killed three policemen, two women and a child": the list as object
                    low, starts, end = groups
                    f.skip.update(starts)
                    total = Quantity(
                        q.start, end, text[q.start : end], Qualifier.exact, low, low, None
                    )
                    start = _extend_relative(text, s0, start, vb.group("adv") is not None)
                    f.add(field, total, start, end)
                    return True
                obj = _object_sum_of_two(f, text, q)
                if obj is not None:  # "killing 20 hostages and two police officers": 22
                    total, end = obj
                    start = _extend_relative(text, s0, start, vb.group("adv") is not None)
                    f.add(field, total, start, end)
                    return True
            if field is not None:
                start = _extend_relative(text, s0, start, vb.group("adv") is not None)
                return add(field, start, end)

        # "death toll rises to 83, 157 injured": a figure with its own "injured" is not
        # the death toll's
        own_injury = head in {"injured", "wounded"}
        toll = None if own_injury else _DEATH_TOLL_BEFORE.search(before)
        if toll is not None and not _SITES_AFTER.match(text, q.end):
            return add("killed", base + toll.start(), np_end)
        tolls = ("toll", "number", "casualt", "causalit", "fatalit", "count", "tally")
        toll2 = _TOLL_BEFORE.search(wide) if any(w in low_wide for w in tolls) else None
        if toll2 is not None:
            what = toll2.group("what").lower()
            field = "injured" if ("injur" in what or "wound" in what) else "killed"
            if toll2.group("att") is not None:
                field = "attackers_killed"
            if field == "injured" or not own_injury:
                return add(field, q.start - len(wide) + toll2.start(), np_end)
        numbering = (
            _NUMBERING_BEFORE.search(before) if "numb" in low_wide or "total" in low_wide else None
        )
        if numbering is not None:  # "The injured, numbering 30, were rushed to hospital"
            what = numbering.group("what").lower()
            field = "injured" if what in {"injured", "wounded"} else "killed"
            if what in ATTACKER_HEADS or what == "hostage-takers":
                field = "attackers"
            return add(field, base + numbering.start(), np_end)
        tail = low_wide[-16:]
        noun = _NOUN_OF_BEFORE.search(before) if (" of" in tail or " to" in tail) else None
        if noun is not None:
            field = "injured" if noun.group("noun").lower() == "injuries" else "killed"
            return add(field, base + noun.start(), np_end)

        many = _sum_of_list(text, q) if head in _SUM_HEADS else None
        if many is not None:
            total, starts, sv2 = many
            f.skip.update(starts)  # the later counts are part of the sum
            field = "injured" if _hurt_verb(_WS.sub(" ", sv2.group("verb").lower())) else "killed"
            f.add(field, total, q.start, sv2.end())
            return True
        two = _sum_of_two(text, q) if head in _SUM_HEADS else None
        if two is not None:
            total, q2, sv2 = two
            verb2 = _WS.sub(" ", sv2.group("verb").lower())
            f.skip.add(q2.start)  # the second count is part of the sum
            field = "injured" if _hurt_verb(verb2) else "killed"
            f.add(field, total, q.start, sv2.end())
            return True

        y_named = _Y_NAMED_AFTER.match(text, q.end) if q.total is not None else None
        tq = total_quantity(text, q) if y_named is not None else None
        if y_named is not None and tq is not None:
            # "13 of the 15 people killed have been identified": the toll is the Y, and the X
            # a subset (convention 21 of the second set)
            verb = y_named.group("verb").lower()
            field = "injured" if verb in {"injured", "wounded"} else "killed"
            th = _THE_BEFORE.search(text, max(s0, tq.start - 8), tq.start)
            f.add(field, tq, th.start() if th is not None else tq.start, y_named.end("verb"))
            return True
        sv, words, relative = _subject_verb(text, q.end, f.skip)
        if sv is not None and _active_with_object(text, sv):
            sv = None  # "three gunmen shot dead dozens of people": they did the killing
        if sv is not None:
            verb = _WS.sub(" ", sv.group("verb").lower())
            heads = [w for w in words if w in PERSON_HEADS]
            if q.text.lower() == "some" and verb not in _SOME_VERBS:
                return False
            if verb == "held" and not heads:
                return False  # "Three candlelit vigils were held"
            attackerish = any(w in ATTACKER_HEADS for w in heads) or (
                not heads
                and _attackers_in_context(text, max(s0, q.start - _WINDOW), q.start, q.low)
            )
            if verb in _BLEW_VERBS:
                field = "attackers_killed"  # whoever blew themselves up were attackers
            elif verb in _KILLED_VERBS:
                suspects = any(w in {"suspects", "suspect"} for w in heads)
                martyrs = verb == "martyred" or verb.endswith(("martyrdom", "shahadat"))
                # men shot dead by the police at an attack: "The three men were shot dead
                # by police"
                by_police = (
                    set(heads) <= {"men", "man"}
                    and _BY_POLICE_AFTER.match(text, sv.end()) is not None
                    and q.qualifier is not Qualifier.vague
                )
                field = (
                    "attackers_killed"
                    if (attackerish or suspects or by_police) and not martyrs
                    else "killed"
                )
            elif verb in _INJURED_VERBS or verb.startswith(_INJURY_PREFIXES):
                field = "injured"
                if _BODIES & set(heads) and not _HURT_HEADS & set(heads):
                    # "seven bodies were taken to hospital": the dead, never the injured
                    if not verb.startswith(_MOVED_PREFIXES):
                        return False
                    summed = _bodies_elsewhere(f, text, q, sv.end(), s1)
                    if summed is not None:
                        f.add("killed", summed, q.start, summed.end)
                        return True
                    field = "killed"
            elif verb == "captured" and _ON_CAMERA_AFTER.match(text, sv.end()):
                # "Three suspects were captured on CCTV": the attackers seen (convention 13)
                if not (attackerish or any(w in {"suspects", "suspect"} for w in heads)):
                    return False
                cam = _ON_CAMERA_AFTER.match(text, sv.end())
                f.add("attackers", q, q.start, sv.end() if cam is None else cam.end())
                return True
            elif verb == "captured":
                field = "attackers_captured" if attackerish else "arrested"
            elif any(w in {"hostage-takers", "hijackers"} for w in heads):
                field = "attackers_captured"  # taken at the scene (convention 10)
            elif (
                not heads and not verb.startswith("in ") and _after_attackers_killed(f, s0, q.start)
            ):
                # "Six of the attackers were also killed and one was arrested": the rest of
                # the attackers, taken at the scene (convention 10)
                field = "attackers_captured"
            else:
                field = "arrested"
            start = q.start
            th = _THE_BEFORE.search(before)
            if th is not None:
                start = base + th.start()
            end = sv.end()
            if verb == "died":
                end = _clause_end(text, end, s1)
            later = (
                _died_later(f, text, q, sv.end())
                if field == "killed" and verb in {"killed", "dead", "slain", "martyred"}
                else None
            )
            if later is not None:
                # "62 people were killed and 24 succumbed to death in hospital": 86
                f.add("killed", later, start, later.end)
                return True
            if (
                verb in _INCREMENT_KEPT
                and field == "killed"
                and not q.increment
                and q.total is None
                and (
                    verb == "succumbed"
                    or _LATER_WORD.search(text, q.end, sv.start("verb")) is not None
                    or _LATER_AFTER.match(text, sv.end()) is not None
                )
            ):
                # "At least two people later died at a hospital", "two policemen succumbed
                # after admission": dead after the first toll, an addition to it (as "two of
                # the injured later died"); "62 were killed and 24 succumbed" is summed above
                q = replace(q, increment=True)
            add(field, start, end, verb)
            if field == "killed" and verb in _KILLED_VERBS:
                also = _AND_INJURED_AFTER.match(text, sv.end())
                if also is not None:  # "Dozens of people have been killed and injured"
                    add("injured", start, also.end(), verb)
            # "all four attackers were killed", "the three attackers were shot dead": also
            # how many attackers there were (not "three attackers dead": only those killed)
            both = field == "attackers_killed" and any(w in ATTACKER_HEADS for w in heads)
            if verb in _BLEW_VERBS and "of" not in words and q.total is None:
                both = relative = True  # "three suicide bombers blew themselves up"
            # "the four assailants killed" (a bare participle) names the dead attackers only;
            # "all three militants reportedly killed" names all the attackers
            all_the = _ALL_THE_BEFORE.search(before)
            bare = (
                all_the is not None
                and all_the.group().lower().startswith("the")
                and _HAS_AUX.search(text, q.end, sv.start("verb")) is None
            )
            if (
                both
                and "of" not in words
                and q.total is None
                and not q.increment
                and (relative or (all_the is not None and not bare))
            ):
                a_end = np_end if relative else (q.end if not heads else end)
                f.add("attackers", q, start, a_end)  # "all four attackers", "Three terrorists who"
            return True

        rise = _RISE_BEFORE.search(before) if _RISE_HINT.search(tail) else None
        if rise is not None and _DEATH_WORDS.search(
            text, max(s0, q.start - _WINDOW), min(s1, q.end + _WINDOW)
        ):
            return add("killed", base + rise.start(), np_end)

        if head == "bodies":
            summed = _bodies_elsewhere(f, text, q, np_end, s1)
            if summed is not None:
                f.add("killed", summed, q.start, summed.end)
                return True
            return add("killed", q.start, np_end)
        noun = _COUNT_NOUN_AFTER.match(text, q.end)
        if noun is not None and noun.group("of") is not None and q.qualifier is not Qualifier.vague:
            noun = None  # "3 of deaths": only a vague word takes "of" ("a handful of deaths")
        hospital = (
            noun is not None
            and noun.group("noun").lower() in {"casualties", "causalities"}
            and _HOSPITAL_AFTER.search(text, noun.end(), min(s1, noun.end() + 80)) is not None
        )
        if noun is not None and (
            q.qualifier is not Qualifier.vague
            or noun.group("noun").lower() == "arrests"
            or noun.group("of") is not None
        ):
            # "there had been more than one fatality", "police made several arrests"
            field = {"arrests": "arrested", "arrest": "arrested", "injuries": "injured"}.get(
                noun.group("noun").lower(), "killed"
            )
            if hospital:
                field = "injured"  # "30 casualties, who have been taken to hospital" (NOTES 10)
            return add(field, q.start, noun.end())

    carried = _carried_field(f, s0, q, before, head) if not derived_total else None
    if carried is not None:
        # "the deaths of 334 people, 186 of them children, as well as 31 of the attackers"
        return add(carried, q.start, np_end)

    attacker_np = (
        (
            head in ATTACKER_HEADS and _OF_WORD.search(text, q.end, np_end) is None  # "teams of"
        )
        or (
            head == "men"
            and (
                _ARMED_WORD.search(text, q.start, np_end) is not None
                # "three men got out, launching a knife attack": men who act in an attack
                or (
                    _MEN_ACT_AFTER.match(text, np_end) is not None
                    and _ATTACK_WORDS.search(text, s0, s1) is not None
                )
            )
        )
        or (
            # "up to three people entered the building and opened fire": people who shoot
            head in {"men", "people", "persons", "individuals"}
            and _OPENED_FIRE_AFTER.match(text, np_end) is not None
        )
    )
    few = q.qualifier is Qualifier.vague and _norm_ws(q.text).strip('"“ ') in _FEW_WORDS
    if attacker_np and (q.qualifier is not Qualifier.vague or few) and not q.increment:
        th = _THE_BEFORE.search(before)
        if derived_total and th is None and not _ATTACK_VERB_AFTER.match(text, np_end):
            return False  # "Seven of the eight terrorists": the eight only as "the eight"
        start = base + th.start() if th is not None else q.start
        died_with = _DIED_WITH_BEFORE.search(before) if "with" in before[-6:] else None
        if died_with is not None and not derived_total:
            lead = _ALONG_WITH_BEFORE.search(before)
            w0 = base + (lead.start() if lead is not None else len(before))
            f.add("attackers_killed", q, w0, np_end)  # "died along with three bombers"
            return True
        f.add("attackers", q, start, np_end)
        clause = _clause_end(text, np_end, s1)
        blew = _BLEW_THEMSELVES.search(text, np_end, clause)
        if blew is not None and not derived_total:
            f.add("attackers_killed", q, start, blew.end())
        return True

    if not derived_total and head in {"suspects", "suspect", "accused"}:
        prev0 = f.spans[idx - 1][0] if idx > 0 else s0
        lo, hi = max(prev0, q.start - _WINDOW), min(s1, q.end + _WINDOW)
        if _ARREST_CONTEXT.search(text, lo, hi):
            f.add("arrested", q, q.start, np_end)
            return True
    return False


#: one person who was hurt and later died: "injured woman dies in hospital", "A man who was
#: badly injured in the assault died", "one of the critically injured in the attack
#: succumbed", "another injured person succumbed"; an addition to the toll (increment)
_HURT_ADV = r"(?:critically|seriously|badly|severely|gravely|grievously|fatally|mortally)"
_ONE_PERSON = (
    r"(?:man|woman|person|boy|girl|child|victim|policeman|policewoman|officer|soldier|jawan"
    r"|student|worshipp?er|pilgrim|passenger|civilian|teenager|youth|cop|guard|tourist"
    r"|constable|bystander|pedestrian|labourer|laborer|driver|official|(?:sub-)?inspector"
    r"|passer-?by|worker)"
)
#: "a policeman", "a police officer": one person, the second group of an object sum
_ONE_PERSON_AT = regex.compile(rf"an?{_SP}(?:[\w-]{{1,30}}{_SP})?{_ONE_PERSON}(?![\w-])", regex.I)
_INJURED_DIES = regex.compile(
    rf"(?<![\w-])(?P<a>(?:(?P<one>an?|one|another){_SP})?(?:{_HURT_ADV}{_SP})?(?:injured|wounded)"
    rf"{_SP}{_ONE_PERSON}"
    rf"|(?:an?|one){_SP}{_ONE_PERSON}{_SP}who{_SP}(?:was|had{_SP}been){_SP}(?:{_HURT_ADV}{_SP})?"
    rf"(?:injured|wounded|hurt)"
    rf"|(?P<sel>one|another|some){_SP}of{_SP}the{_SP}(?:{_HURT_ADV}{_SP})?(?:injured|wounded)"
    rf"(?:{_SP}(?:persons|people|victims))?)"
    rf"(?:{_SP}(?!(?:said|says|told|who|which|that|when|while)\b)[^\s,.;:!?]{{1,30}}){{0,12}}?"
    rf"{_SP}(?:(?:later|also|eventually|subsequently|has|had){_SP})?"
    rf"(?P<verb>died|dies|succumbed|passed{_SP}away)(?![\w-])",
    regex.IGNORECASE,
)
#: the attacker the police killed, named by his role: "police shot and killed the driver",
#: "Police shot dead the male driver who ..."
_POLICE_KILLED = regex.compile(
    rf"(?<![\w-])(?:police|policemen|officers|security{_SP}forces|troops|soldiers|commandos"
    rf"|gendarmes|marksmen|snipers)(?:{_SP}(?:later|then|also|eventually|quickly))?{_SP}"
    rf"(?P<verb>shot{_SP}and{_SP}killed|shot{_SP}dead|gunned{_SP}down|killed|neutrali[sz]ed)"
    rf"{_SP}(?P<a>the(?:{_SP}(?:male|female|lone|suspected|alleged|armed|van|truck|lorry|car))?"
    rf"{_SP}(?:driver|attacker|gunman|assailant|bomber|shooter|perpetrator|hijacker))"
    rf"(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:who|that|in|at|on|after|near"
    rf"|outside|inside|as|and|before|when|with|of|behind|within|minutes|moments)\b)",
    regex.IGNORECASE,
)


#: one victim named by "a"/"an" and a person noun: "A policeman was killed and two others
#: injured", "a soldier was martyred", "a senior police officer was killed" ("a" is one
#: only with such a noun and verb); two such, joined by "and", are two: "A policeman and
#: a soldier were killed", "a driver and a first aid worker were injured"
_A_PERSON = rf"an?{_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?{_ONE_PERSON}(?![\w-])"
#: a list of groups of people opened by one person: "a police officer, three private security
#: guards, and two passersby also lost their lives" (six)
_A_PERSON_FIRST = regex.compile(rf"(?<![\w-])(?P<a>{_A_PERSON})(?=,)", regex.IGNORECASE)
_ONE_VICTIM = regex.compile(
    rf"(?<![\w-])(?P<a>{_A_PERSON}(?P<two>{_SP}and{_SP}{_A_PERSON})?)"
    # "were" only after two: "and a civilian were killed" is the last group of a sum
    rf"{_SP}(?(two)(?:were|have{_SP}been|had{_SP}been)|(?:was|has{_SP}been|had{_SP}been)){_SP}"
    rf"(?:(?:also|later|reportedly|{_HURT_ADV}"
    rf"|slightly|lightly){_SP})?(?P<verb>killed|martyred|shot{_SP}dead|murdered"
    rf"|stabbed{_SP}to{_SP}death|injured|wounded|hurt)(?![\w-])",
    regex.IGNORECASE,
)
#: "One person was killed and another wounded": "another" alone is one more person, of
#: another field than the dead, so a total (convention 4); never "another injured person"
_AND_ANOTHER_HURT = regex.compile(
    rf"(?<![\w-])(?:and|while|with){_SP}(?P<a>another){_SP}(?:(?:was|has{_SP}been){_SP})?"
    rf"(?:(?:{_HURT_ADV}|slightly|lightly){_SP})?(?:injured|wounded|hurt)(?![\w-])"
    rf"(?!{_SP}(?:{_ONE_PERSON}|people|persons)\b)",
    regex.IGNORECASE,
)
#: "some more bodies were recovered": an addition to the toll, as vague as its word
_MORE_BODIES = regex.compile(
    rf"(?<![\w-])(?P<a>some|several|a{_SP}few){_SP}more{_SP}bodies(?![\w-])", regex.IGNORECASE
)
#: "German Woman Becomes 16th Victim Of Barcelona Terror Attack": the toll as an ordinal
_NTH_VICTIM = regex.compile(
    rf"(?<![\w-])(?:becomes?|became|becoming)(?:{_SP}the)?{_SP}(?P<a>(?P<n>[1-9][0-9]{{0,3}})"
    rf"(?:st|nd|rd|th){_SP}(?:victim|fatality|death|person{_SP}to{_SP}die))(?![\w-])",
    regex.IGNORECASE,
)


#: one more person by an ordinal (convention 25 of the second set): "A second person was
#: found dead" and "a fourth was killed" add one to the toll; "A third person is in custody"
#: is one arrest. The noun, if any, is a person or an attacker ("the second blast" is none).
_NTH_ONE = regex.compile(
    rf"(?<![\w-])(?P<a>(?:an?|the){_SP}(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    rf"|tenth)(?:{_SP}(?P<noun>{_ONE_PERSON}|person|{_ONE_NOUN}))?)"
    # a participle phrase between: "A third person seen fleeing the scene was later detained"
    rf"(?:{_SP}(?:seen|spotted|caught|wanted)(?:{_SP}[\w’'-]{{1,30}}){{1,5}}?)?"
    rf"{_SP}(?:was|is|had{_SP}been|has{_SP}been)"
    rf"{_SP}(?:(?:later|also|reportedly|eventually|subsequently){_SP})?"
    rf"(?P<verb>killed|found{_SP}dead|shot{_SP}dead|shot{_SP}and{_SP}killed|gunned{_SP}down"
    rf"|arrested|detained|taken{_SP}into{_SP}custody|in{_SP}(?:police{_SP})?custody)(?![\w-])",
    regex.IGNORECASE,
)


#: one person arrested, named by "a"/"an" and a person noun: "A man was arrested on
#: Saturday", "a 15-year-old boy was also arrested", "a woman is in custody" (as "one man
#: had been arrested"; "a suspect" is read by the number path)
_ONE_ARRESTED = regex.compile(
    rf"(?<![\w-])(?P<a>{_A_PERSON}){_SP}(?:was|is|has{_SP}been|had{_SP}been|is{_SP}being"
    rf"|was{_SP}being){_SP}(?:(?:also|later|subsequently|reportedly|eventually|since|then"
    rf"|now){_SP})?(?P<verb>arrested|detained|apprehended|taken{_SP}into{_SP}custody"
    rf"|(?:held{_SP})?in{_SP}(?:police{_SP})?custody)(?![\w-])",
    regex.IGNORECASE,
)


_PLURAL_ATTACKERS = (
    r"attackers|gunmen|assailants|terrorists|militants|bombers|shooters|jihadists|hijackers"
    r"|suspects|insurgents|perpetrators"
)
_BLEW_HIMSELF = (
    rf"blew{_SP}(?:himself|herself){_SP}up|blew{_SP}up{_SP}(?:himself|herself)"
    rf"|detonated{_SP}(?:himself|herself)"
)
#: one attacker killed, picked out of the attackers: "one of the gunmen was killed", "One of
#: attackers blew himself up", and a bare "one" that blew himself up after the attackers were
#: named ("four gunmen threw bombs ..., where one blew himself up")
_ONE_OF_THEM_KILLED = regex.compile(
    rf"(?<![\w-])(?P<a>one(?:{_SP}of{_SP}(?:the{_SP})?(?:[\w-]{{1,30}}{_SP})?(?:{_PLURAL_ATTACKERS}))?)"
    rf"(?:{_SP}(?:who{_SP})?(?:was|had{_SP}been|has{_SP}been){_SP}"
    rf"(?:(?:later|also|eventually|subsequently|reportedly){_SP})?"
    rf"(?P<verb>killed|shot{_SP}dead|shot{_SP}and{_SP}killed|gunned{_SP}down|neutrali[sz]ed"
    rf"|(?:confirmed|found|declared|pronounced){_SP}dead)"
    rf"|{_SP}(?:(?:later|also|then|reportedly){_SP})?(?P<verb>{_BLEW_HIMSELF}|died))(?![\w-])",
    regex.IGNORECASE,
)
#: the attacker who died: "The gunman, who also died, has been identified"
_ATTACKER_DIED = regex.compile(
    rf"(?<![\w-])(?P<a>(?:the|an?){_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?(?:{_ONE_NOUN}))"
    rf"(?:,{_SP}|{_SP})(?:who{_SP})?(?:(?:also|later|eventually|subsequently|himself|too){_SP})?"
    rf"(?P<verb>died)(?![\w-])",
    regex.IGNORECASE,
)

#: one victim as the object of a verb: "killing a child", "killed a policeman and a
#: civilian" (two), "arrested a suspect"; the object ends its clause or meets a preposition
_VERB_ONE_VICTIM = regex.compile(
    rf"(?<![\w-])(?P<verb>killing|killed|murdering|murdered|shot{_SP}dead|shooting{_SP}dead"
    rf"|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained|apprehended)"
    rf"{_SP}(?P<a>an?{_SP}(?:[\w-]{{1,30}}{_SP})?(?P<n1>{_ONE_PERSON}|suspect)"
    rf"(?P<two>{_SP}and{_SP}an?{_SP}(?:[\w-]{{1,30}}{_SP})?(?:{_ONE_PERSON}|suspect))?)"
    rf"(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?:in|at|on|during|after|near"
    rf"|inside|outside|when|while|as|from|following|before|two|three|four|five|believed"
    rf"|according|and)\b)",
    regex.IGNORECASE,
)
#: the killers named before the verb: "Police killed a man who ..." is an attacker, not a victim
_POLICE_BEFORE = regex.compile(
    r"\b(?:police|policemen|officers|security\s{1,3}forces|troops|soldiers|commandos"
    r"|gendarmes|army|rangers)\b[^,.;:!?]{0,30}\Z",
    regex.IGNORECASE,
)
#: one more victim dies: "another policeman dies in hospital", "another police official
#: succumbed to injuries"; an addition to the toll
_ANOTHER_DIES = regex.compile(
    rf"(?<![\w-])(?P<a>another(?:{_SP}[\w-]{{1,30}})?{_SP}{_ONE_PERSON})"
    rf"(?:{_SP}(?:later|also|has|had|eventually)){{0,2}}{_SP}"
    rf"(?P<verb>died|dies|succumbed|succumbs|passed{_SP}away)(?![\w-])",
    regex.IGNORECASE,
)
#: one more person named by "another" and a person noun, with a passive verb of harm:
#: "Another policeman was wounded" (after the dead, a total of the injured: convention 4),
#: "Another soldier was killed" (one more dead: an increment)
_ANOTHER_VICTIM = regex.compile(
    rf"(?<![\w-])(?P<a>another(?:{_SP}[\w-]{{1,30}})?{_SP}{_ONE_PERSON})"
    rf"{_SP}(?:was|has{_SP}been|had{_SP}been){_SP}(?:(?:also|later|reportedly|{_HURT_ADV}"
    rf"|slightly|lightly){_SP})?(?P<verb>killed|martyred|shot{_SP}dead|murdered"
    rf"|injured|wounded|hurt)(?![\w-])",
    regex.IGNORECASE,
)
_HURT_WORDS = regex.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", regex.IGNORECASE)

#: the attacker's end, after his attack in the same sentence: "opened fire at the hotel,
#: killing mostly British tourists before being shot dead by police" (convention 22)
_BEFORE_BEING_KILLED = regex.compile(
    rf"(?<![\w-])(?P<a>before|until){_SP}(?:(?:eventually|finally|himself|herself){_SP})?"
    rf"being{_SP}(?P<verb>shot{_SP}dead|shot{_SP}and{_SP}killed|killed|gunned{_SP}down"
    rf"|neutrali[sz]ed){_SP}by{_SP}(?:(?:armed|the|security|local|tunisian|french|british"
    rf"|special){_SP})?(?:police(?:{_SP}(?:officers|commandos|marksmen))?|officers|policemen"
    rf"|security{_SP}forces|troops|commandos|soldiers|snipers|marksmen|gendarmes)(?![\w-])",
    regex.IGNORECASE,
)
_HIS_ATTACK = regex.compile(
    rf"\b(?:opened{_SP}fire|killing|killed|shot{_SP}dead|stabbed|stabbing|attacked|targeting"
    rf"|gunned{_SP}down|firing|shooting)\b",
    regex.IGNORECASE,
)

_ORDINAL_WORD = regex.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", regex.IGNORECASE
)


def _norm_ws(words: str) -> str:
    return _WS.sub(" ", words.strip().lower())


@dataclass(frozen=True)
class _Single:
    """A statement read from a phrase without a number ("a man who ... died")."""

    field: str
    quantity: Quantity
    start: int
    end: int  # -1: to the end of the clause from ``clause_from``
    clause_from: int = 0
    parts: tuple[int, ...] = ()  # starts of counts read as part of this one (a sum's groups)
    also: tuple[tuple[str, int, int], ...] = ()  # (field, start, end): the count read again


def _has(lower: str, words: tuple[str, ...]) -> bool:
    return any(w in lower for w in words)


#: words each phrase without a number needs: a text without them skips that scan
_ATTACKER_WORDS = ("attacker", "gunman", "militant", "assailant", "fighter", "terrorist")
_ATTACKER_WORDS2 = (
    "insurgent",
    "bomber",
    "hijacker",
    "jihadist",
    "shooter",
    "suspect",
    "perpetrator",
)
_DIE_WORDS = ("died", "dies", "succumbed", "passed away")
_ARREST_WORDS = ("arrested", "detained", "apprehended", "custody")
_POLICE_WORDS = ("police", "officers", "security", "troops", "soldiers", "commandos")
_POLICE_WORDS2 = ("gendarmes", "marksmen", "snipers")


def _singles(text: str, conv: Conventions | None) -> dict[int, _Single]:
    out: dict[int, _Single] = {}
    lower = text.lower()
    attackers = _has(lower, _ATTACKER_WORDS) or _has(lower, _ATTACKER_WORDS2)
    for m in _ONE_ATTACKER.finditer(text) if attackers else ():
        if _ORDINAL_WORD.search(text, m.start("a"), m.start("noun")):
            continue  # "A second gunman was killed": one more (below)
        verb = m.group("verb").lower()
        # "Another militant was killed" adds one to the toll; "Another suspect was taken into
        # custody" is one arrest (a total, as the first)
        more = m.group("a").lower() == "another" and not verb.startswith(
            ("captured", "arrested", "detained", "taken")
        )
        q = Quantity(m.start("a"), m.end("a"), m.group("a"), Qualifier.exact, 1, 1, 1, more)
        if verb.startswith(
            ("killed", "shot", "gunned", "neutrali", "confirmed", "found", "declared", "pronounced")
        ):
            field = "attackers_killed"
        elif verb == "captured":
            field = "attackers_captured"
        else:
            field = "arrested"
        # "A gunman was also killed": an attacker named by "a" in the main clause is also
        # counted as one (convention 22 of the second set); "the gunman was killed" and "an
        # attacker who was killed" (one of those already named) only as killed
        also = (
            (("attackers", m.start("a"), m.end("noun")),)
            if field == "attackers_killed"
            and m.group("a").lower() in {"a", "an"}
            and _WHO.search(text, m.end("noun"), m.start("verb")) is None
            else ()
        )
        out[m.start("a")] = _Single(field, q, m.start(), -1, m.end(), also=also)
    some_attackers = attackers or "gunmen" in lower
    for m in _ONE_OF_THEM_KILLED.finditer(text) if some_attackers and "one" in lower else ():
        if m.group("a").lower() == "one" and (
            not m.group("verb").lower().startswith(("blew", "detonated"))
            or _ATTACKER_CONTEXT.search(text, max(0, m.start() - _WINDOW), m.start()) is None
        ):
            continue  # a bare "one" is an attacker only after the attackers, and only if he blew
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("attackers_killed", q, a0, m.end()))
    for m in _ATTACKER_DIED.finditer(text) if attackers and "died" in lower else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("attackers_killed", q, a0, m.end()))
    for m in _ANOTHER_DIES.finditer(text) if "another" in lower else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, True)
        out.setdefault(a0, _Single("killed", q, a0, m.end()))
    for m in _VERB_ONE_VICTIM.finditer(text):
        verb = _norm_ws(m.group("verb"))
        arrest = verb.startswith(("arrest", "detain", "apprehend"))
        if (m.group("n1").lower() == "suspect") != arrest and m.group("two") is None:
            continue  # "killing a suspect" is no victim; "arrested a child" no suspect
        if not arrest and _POLICE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Police shot dead a man who ...": the attacker (convention 22)
        a0, a1 = m.span("a")
        n = 2 if m.group("two") else 1
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, n, n, n)
        hurt = verb.startswith(("wound", "injur"))
        field = "arrested" if arrest else "injured" if hurt else "killed"
        out.setdefault(a0, _Single(field, q, m.start(), a1))
    hurt_died = _has(lower, ("injured", "wounded")) and _has(lower, _DIE_WORDS)
    for m in _INJURED_DIES.finditer(text) if hurt_died else ():
        a0, a1 = m.span("a")
        if (m.group("sel") or "").lower() == "some":
            low, high = (conv or Conventions.default()).vague_interval("some")
            q = Quantity(a0, a1, m.group("a"), Qualifier.vague, low, high, None, True)
        else:
            q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, True)
        out.setdefault(a0, _Single("killed", q, a0, m.end()))
    for m in _A_PERSON_FIRST.finditer(text) if "," in text else ():
        a0, a1 = m.span("a")
        one = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        many = _sum_of_list(text, one, a1)
        if many is None:
            continue
        total, starts, sv = many
        hurt = _hurt_verb(_WS.sub(" ", sv.group("verb").lower()))
        single = _Single("injured" if hurt else "killed", total, a0, sv.end(), parts=tuple(starts))
        out.setdefault(a0, single)
    for m in _ONE_VICTIM.finditer(text):
        a0, a1 = m.span("a")
        n = 2 if m.group("two") else 1
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, n, n, n)
        verb = m.group("verb").lower()
        field = "injured" if verb in {"injured", "wounded", "hurt"} else "killed"
        out.setdefault(a0, _Single(field, q, a0, m.end()))
    for m in _ANOTHER_VICTIM.finditer(text) if "another" in lower else ():
        a0, a1 = m.span("a")
        hurt = m.group("verb").lower() in {"injured", "wounded", "hurt"}
        # more of the injured only after injured people; after the dead, other people
        more = not hurt or _HURT_WORDS.search(text, max(0, a0 - _WINDOW), a0) is not None
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, more)
        out.setdefault(a0, _Single("injured" if hurt else "killed", q, a0, m.end()))
    for m in _AND_ANOTHER_HURT.finditer(text) if "another" in lower else ():
        if _DEATH_WORDS.search(text, max(0, m.start() - _WINDOW), m.start()) is None:
            continue  # "another" after a death: in "two were hurt and another hurt", unclear
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("injured", q, a0, m.end()))
    for m in _MORE_BODIES.finditer(text) if "more bodies" in lower else ():
        a0, a1 = m.span("a")
        key = _norm_ws(m.group("a"))
        low, high = (conv or Conventions.default()).vague_interval(key)
        q = Quantity(a0, a1, m.group("a"), Qualifier.vague, low, high, None, True)
        out.setdefault(a0, _Single("killed", q, a0, m.end()))
    for m in _NTH_VICTIM.finditer(text) if _has(lower, ("becom", "became")) else ():
        a0, a1 = m.span("a")
        n = int(m.group("n"))
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, n, n, n)
        out.setdefault(a0, _Single("killed", q, a0, a1))
    for m in _KILLS_ATTACKER.finditer(text) if attackers else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        # keyed at the verb: "lone assailant" is still read as one attacker by the grammar
        out.setdefault(m.start("verb"), _Single("attackers_killed", q, m.start("verb"), a1))
    ordinal = _has(lower, ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
    for m in _NTH_ONE.finditer(text) if ordinal else ():
        a0, a1 = m.span("a")
        verb = m.group("verb").lower()
        noun = (m.group("noun") or "").lower()
        if verb.startswith(("arrested", "detained", "taken", "in")):
            if noun and noun not in {"person", "man", "woman", "suspect"}:
                continue
            q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
            out.setdefault(a0, _Single("arrested", q, a0, m.end()))
            continue
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, True)
        attacker = noun in ATTACKER_HEADS or (
            not noun and _ATTACKER_CONTEXT.search(text, max(0, a0 - 120), a0) is not None
        )
        out.setdefault(a0, _Single("attackers_killed" if attacker else "killed", q, a0, m.end()))
    for m in _ONE_ARRESTED.finditer(text) if _has(lower, _ARREST_WORDS) else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("arrested", q, a0, m.end()))
    police = _has(lower, _POLICE_WORDS) or _has(lower, _POLICE_WORDS2)
    for m in _BEFORE_BEING_KILLED.finditer(text) if police and "being" in lower else ():
        s_lo = max(0, m.start() - _WINDOW)
        if _HIS_ATTACK.search(text, s_lo, m.start()) is None:
            continue  # only after an attack the same subject carried out
        a0 = m.start()
        q = Quantity(a0, m.end("a"), m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("attackers_killed", q, a0, m.end()))
    for m in _POLICE_KILLED.finditer(text) if police else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("attackers_killed", q, m.start("verb"), a1))
    return out


def extract_statements(text: str, conventions: Conventions | None = None) -> list[Statement]:
    """Casualty/arrest statements in ``text``, in text order."""
    f = _Finder(text)
    singles = _singles(text, conventions)
    pending = sorted(singles)
    for q in iter_quantities(text, conventions):
        while pending and pending[0] <= q.start:
            _add_single(f, singles[pending.pop(0)])
        if q.start in singles or q.start in f.skip:
            continue
        q = _named_and_others(text, q)
        _statement_for(f, q, derived_total=False)
        tq = total_quantity(text, q)
        if tq is not None:
            _statement_for(f, tq, derived_total=True)
    for key in pending:
        _add_single(f, singles[key])
    f.out.sort(key=lambda s: (s.start, s.end))
    return f.out


def _add_single(f: _Finder, single: _Single) -> None:
    f.skip.update(single.parts)
    for field, start, end in single.also:
        f.add(field, single.quantity, start, end)
    end = single.end
    if end < 0:
        _, _, s1 = f.sentence_of(single.start)
        end = _clause_end(f.text, single.clause_from, s1)
    f.add(single.field, single.quantity, single.start, end)


#: "Siraj Raisani and 128 others": a named person and N others are N + 1 (a name is two
#: to four capitalised words)
_NAME_AND_BEFORE = regex.compile(
    r"(?<![\w’'-])(?!(?:The|A|An|This|That|These|Those|His|Her|Their|Police|Security)\b)"
    r"(?-i:[A-Z][\w’'.-]{1,30}(?:[\s\u200b]{1,3}[A-Z][\w’'.-]{1,30}){1,3})"
    rf"{_SP}(?:and|among){_SP}\Z",
)
_OTHERS_AFTER = regex.compile(rf"{_SP}(?:others\b|other{_SP}(?:people|persons|victims)\b)", regex.I)


def _named_and_others(text: str, q: Quantity) -> Quantity:
    if q.qualifier is not Qualifier.exact or q.increment or q.total is not None:
        return q
    if "other" not in text[q.end : q.end + 12].lower() or not _OTHERS_AFTER.match(text, q.end):
        return q
    m = _NAME_AND_BEFORE.search(text, max(0, q.start - 140), q.start)
    if m is None:
        return q
    n = q.low + 1
    start = m.start()
    return replace(q, start=start, text=text[start : q.end], low=n, high=n, number=n)
