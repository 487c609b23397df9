"""The quantity grammar: one `regex` pattern, compiled once at import.

Why one pattern scanned with ``finditer``: leftmost-first alternation gives
non-overlapping matches in text order, and non-counts (dates, times, money,
ISO dates) are alternatives tried *before* counts at the same position, so
"May 20" or "6:50 pm" are consumed and never read as counts.  Context that
disqualifies a number (a following "per cent", "-year-old", "hours"; a
preceding "in" before a year) is checked after the match with small anchored
patterns over a bounded window.

Linear time: every repetition in the pattern is either a fixed-width literal
or a bounded class run (white space is ``{1,3}``), no quantified group
contains another unbounded quantifier, and no alternative starts with an
optional run, so the work per start position is bounded by a constant except
for a single digit run, which cannot restart inside itself (look-behind).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import regex

from .conventions import Conventions
from .numbers import TENS, UNITS, to_int


class Qualifier(StrEnum):
    """How a stated figure relates to the true count."""

    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    fewer_than = "fewer_than"
    approximately = "approximately"
    nearly = "nearly"
    range = "range"
    vague = "vague"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count found in text: its span, qualifier and interval [low, high].

    ``high`` None means open-ended.  ``number`` is the figure as stated (60 for
    "more than 60"; None for ranges and vague words).  ``increment`` marks an
    addition to an earlier count ("20 more people"), which must not be compared
    with totals.  ``total`` is Y in "X of the Y"; ``high`` is then capped at it.
    """

    start: int
    end: int
    text: str
    qualifier: Qualifier
    low: int
    high: int | None
    number: int | None = None
    increment: bool = False
    total: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-able mapping (qualifier as its string value)."""
        return {
            "text": self.text,
            "qualifier": self.qualifier.value,
            "low": self.low,
            "high": self.high,
            "number": self.number,
            "increment": self.increment,
            "total": self.total,
            "start": self.start,
            "end": self.end,
        }


# ---------------------------------------------------------------- pieces ---

_S = r"[\s\u200b]{1,3}"  # bounded white space (NBSP etc. are \s in `regex`)
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"


def _alt(words: list[str]) -> str:
    """Alternation, longest first, spaces as bounded white space."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", _S) for w in ordered) + ")"


_UNIT = _alt([w for w in UNITS if w != "zero"])
_UNIT1_9 = _alt([w for w, v in UNITS.items() if 1 <= v <= 9])
_TENS = _alt(list(TENS))
#: "fifty-two", "fifty two", "fifty - two"
_TENS_DASH = rf"(?:[\s\u200b]{{0,2}}{_DASH}[\s\u200b]{{0,2}}|{_S})"
_SMALL = rf"(?:{_TENS}{_TENS_DASH}{_UNIT1_9}\b|{_TENS}\b|{_UNIT}\b)"
_HUND = rf"(?:{_SMALL}|a\b){_S}hundred\b(?:{_S}(?:and{_S})?{_SMALL})?"
_GROUP = rf"(?:{_HUND}|{_SMALL})"
#: scales above a hundred, with the Indian lakh (100,000) and crore (10,000,000)
_BIG = r"(?:thousand|million|billion|lakhs?|crores?)\b"
_WORDNUM = (
    rf"(?:half{_S}a{_S}(?:dozen|thousand|million|lakh|crore)\b"
    rf"|(?:{_GROUP}|a\b){_S}{_BIG}(?:{_S}(?:and{_S})?{_GROUP})?"
    rf"|(?:{_SMALL}|a\b){_S}dozen\b"
    # "a pair of Taliban suicide bombers": two (convention 23 of the second set)
    rf"|a{_S}pair{_S}of(?={_S}[a-z])"
    # "another dozen killed": twelve more, without "a"
    rf"|(?<=(?<![\w-])another{_S})dozen\b(?!{_S}(?:of{_S})?[0-9])"
    rf"|{_GROUP})"
)
_DIGBODY = (  # at most 12 digits: a longer run is an identifier, never a head count
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,3}"
    # a space (or NBSP, thin space) as thousands separator: "2 000"; never "0800 096"
    r"|[1-9][0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3}){1,3}(?![0-9])"
    r"|[0-9]{1,12})(?:\.[0-9]{1,6})?[kK]?"
    r"(?![\w]|[.,:/][0-9])"
    rf"(?:{_S}(?:hundred\b(?:{_S}(?:and{_S})?(?:[0-9]{{1,2}}(?![\w.,:/])|{_SMALL}))?"
    r"|million\b|billion\b|thousand\b|lakhs?\b|crores?\b|dozen\b))?"
)
#: a colon glued to a word before the digits is a headline's ("Garissa Attack:147 students
#: killed"); after a digit ("6:50") or on its own it is not
_DIGNUM = rf"(?<![\w.,$£€₹/\u2010\u2011\u2012\u2013\u2014\u2212-])(?:(?<!:)|(?<=[a-z]:)){_DIGBODY}"
_NUM = rf"(?:{_DIGNUM}|(?<![\w\u2010\u2011-]){_WORDNUM}(?![\u2010\u2011-]\w))"
#: second figure of a range ("40-50"): may follow a dash directly
_NUM2 = rf"(?:(?<![\w.,:$£€₹/]){_DIGBODY}|(?<![\w]){_WORDNUM}(?![\u2010\u2011-]\w))"

_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "more than": Qualifier.more_than,
    "well over": Qualifier.more_than,
    "just over": Qualifier.more_than,
    "over": Qualifier.more_than,
    "above": Qualifier.more_than,
    "well above": Qualifier.more_than,
    "exceeding": Qualifier.more_than,
    "in excess of": Qualifier.more_than,
    "upwards of": Qualifier.more_than,
    "upward of": Qualifier.more_than,
    "greater than": Qualifier.more_than,
    "at least": Qualifier.at_least,
    "atleast": Qualifier.at_least,  # common in South Asian copy
    "not fewer than": Qualifier.at_least,
    "no fewer than": Qualifier.at_least,
    "no less than": Qualifier.at_least,
    "not less than": Qualifier.at_least,
    "a minimum of": Qualifier.at_least,
    "at the very least": Qualifier.at_least,  # "killing at the very least two people"
    "at the very minimum": Qualifier.at_least,
    "up to": Qualifier.at_most,
    "at most": Qualifier.at_most,
    "as many as": Qualifier.at_most,
    "as high as": Qualifier.at_most,  # "a death toll as high as 200", as "as many as"
    "no more than": Qualifier.at_most,
    "not more than": Qualifier.at_most,
    "a maximum of": Qualifier.at_most,
    "at the very most": Qualifier.at_most,
    "not exceeding": Qualifier.at_most,
    "fewer than": Qualifier.fewer_than,
    "less than": Qualifier.fewer_than,
    "under": Qualifier.fewer_than,
    "below": Qualifier.fewer_than,
    "nearly": Qualifier.nearly,
    "almost": Qualifier.nearly,
    "close to": Qualifier.nearly,
    "just under": Qualifier.nearly,
    "just short of": Qualifier.nearly,
    "about": Qualifier.approximately,
    "around": Qualifier.approximately,
    "some": Qualifier.approximately,
    "roughly": Qualifier.approximately,
    "approximately": Qualifier.approximately,
    "an estimated": Qualifier.approximately,
    "estimated": Qualifier.approximately,
    "approx.": Qualifier.approximately,
    "approx": Qualifier.approximately,
}
_QUALS = _alt([regex.escape(w, literal_spaces=True) for w in _QUALIFIER_WORDS])
_LOWER = (Qualifier.more_than, Qualifier.at_least)
_UPPER = (Qualifier.at_most, Qualifier.fewer_than)
#: qualifiers that bound a count from below / from above (for "above 1,000 and below 1,500")
_LOW_QUALS = _alt(
    [regex.escape(w, literal_spaces=True) for w, q in _QUALIFIER_WORDS.items() if q in _LOWER]
)
_HIGH_QUALS = _alt(
    [regex.escape(w, literal_spaces=True) for w, q in _QUALIFIER_WORDS.items() if q in _UPPER]
)
#: a bound written after the figure: "500 or more", "500 and above", "500 or less"
_POSTFIX: dict[str, Qualifier] = {
    "or more": Qualifier.at_least,
    "and more": Qualifier.at_least,
    "or above": Qualifier.at_least,
    "and above": Qualifier.at_least,
    "or over": Qualifier.at_least,
    "and over": Qualifier.at_least,
    "plus": Qualifier.at_least,
    "or less": Qualifier.at_most,
    "or fewer": Qualifier.at_most,
    "and below": Qualifier.at_most,
    "or below": Qualifier.at_most,
    "and under": Qualifier.at_most,
    "or under": Qualifier.at_most,
    "at most": Qualifier.at_most,
    "at the most": Qualifier.at_most,
    "at least": Qualifier.at_least,
    "or so": Qualifier.approximately,
}
_POSTFIX_RE = _alt(list(_POSTFIX))

#: vague word as matched (normalised) -> key in the conventions table
_VAGUE_WORDS: dict[str, str] = {
    "tens of thousands": "tens of thousands",
    "hundreds of thousands": "hundreds of thousands",
    "several dozen": "dozens",
    "a few dozen": "dozens",
    "several hundred": "hundreds",
    "a few hundred": "hundreds",
    "several thousand": "thousands",
    "a few thousand": "thousands",
    "dozens": "dozens",
    "scores": "scores",
    "hundreds": "hundreds",
    "thousands": "thousands",
    "tens": "tens",
    "several": "several",
    "a few": "a few",
    "a handful": "a handful",
    "many": "many",
    "numerous": "numerous",
    "multiple": "multiple",
    "a number of": "a number of",
    # convention 18 of the second set: as plain "a number of" / "many"
    "a large number of": "a number of",
    "a big number of": "a number of",
    "a huge number of": "a number of",
    "a great number of": "a number of",
    "a significant number of": "a number of",
    "countless": "many",
    "some": "some",
}
_VAGUE = (
    rf"(?<![\w-])(?:"
    rf"(?:tens|hundreds){_S}of{_S}thousands"
    rf"|(?:several|a{_S}few){_S}(?:dozen|hundred|thousand)s?"
    rf"|(?:tens|scores)(?={_S}(?:of|more|others|people|were|have|had|are|died|killed|injured"
    rf"|wounded)\b)"
    rf"|dozens|hundreds|thousands|several|a{_S}few|a{_S}handful|numerous"
    rf"|multiple(?={_S}[a-z])|a{_S}(?:(?:large|big|huge|great|significant){_S})?[\"“]?number{_S}of"
    rf"|countless(?={_S}(?:others|people|persons|civilians|victims|more)\b)"
    rf"|(?<!(?:how|as|so|too){_S})many(?!{_S}(?:as|more{_S}than)\b)"
    rf"|some(?={_S}(?:died|were|was|are|have|had|of{_S}them)\b)"
    rf")\b"
)

_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NONCOUNT = (
    # dates: "May 20", "Oct 26, 2016", "26 Oct 2016", "May 2015", ISO and slashed
    rf"(?P<date>\b{_MONTH}\.?{_S}[0-9]{{1,2}}(?:st|nd|rd|th)?(?![\w])(?:,?{_S}[0-9]{{4}}\b)?"
    rf"|(?<![\w.,:])[0-9]{{1,2}}(?:st|nd|rd|th)?{_S}(?:of{_S})?{_MONTH}\b\.?(?:,?{_S}[0-9]{{4}}\b)?"
    rf"|\b{_MONTH}\.?{_S}[0-9]{{4}}\b"
    rf"|(?<![\w.,:])[0-9]{{4}}{_DASH}[0-9]{{1,2}}(?:{_DASH}[0-9]{{1,2}})?(?![\w])"
    rf"|(?<![\w.,:])[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}(?![\w]))"
    # times: "6:50 pm", "6 a.m."
    rf"|(?P<time>(?<![\w.,:])[0-9]{{1,2}}[:.][0-9]{{2}}(?:(?:{_S})?[ap]\.?m\b\.?)?(?![\w])"
    rf"|(?<![\w.,:])[0-9]{{1,2}}(?:{_S})?[ap]\.?m\b\.?)"
    # money: "$5 million", "Rs 5,000"
    rf"|(?P<money>(?:[$£€₹]|\b(?:Rs|USD|US\$|Rupees?)\.?(?:{_S})?)[0-9][0-9,]*(?:\.[0-9]+)?"
    rf"(?:{_S}(?:million|billion|thousand|crore|lakh)\b)?)"
)

_COUNT = (
    rf"(?P<count>"
    rf"(?:(?P<incpre>(?<![\w-])(?:the{_S}latest|latest|another|an{_S}additional|a{_S}further"
    rf"|additional|further)){_S})?"
    # two bounds that make one interval: "above 1,000 and below 1,500"
    rf"(?:(?=[a-z])(?<![\w-])(?P<lq>{_LOW_QUALS}){_S}(?P<la>{_NUM}){_S}(?:and|but){_S}"
    rf"(?P<hq>{_HIGH_QUALS}){_S}(?P<hb>{_NUM})"
    rf"|(?=[a-z])(?<![\w-])(?P<hq2>{_HIGH_QUALS}){_S}(?P<ha>{_NUM}){_S}(?:and|but){_S}"
    rf"(?P<lq2>{_LOW_QUALS}){_S}(?P<lb>{_NUM})"
    # "over a 150 people", "more than a 130" (Indian English: "a" before the figure)
    rf"|(?:(?<![\w-])(?P<qual>{_QUALS}){_S}(?:a{_S}(?=[0-9]))?)?"
    rf"(?:(?<![\w-])between{_S}(?P<a1>{_NUM}){_S}and{_S}(?P<b1>{_NUM})"
    rf"|(?<![\w-])from{_S}(?P<a2>{_NUM}){_S}to{_S}(?P<b2>{_NUM})"
    rf"|(?P<a3>{_NUM})(?:[\s\u200b]{{0,2}}{_DASH}[\s\u200b]{{0,2}}|{_S}(?:to|or|through|thru){_S})"
    rf"(?P<b3>{_NUM2})"
    rf"|(?P<n>{_NUM}))"
    rf"(?:{_S}(?P<more>more)\b(?!{_S}than\b)"
    rf"|{_S}(?:of{_S}(?:the|these|those)|out{_S}of(?:{_S}(?:the|these|those))?){_S}(?P<total>{_NUM})"
    rf"|{_S}(?=[a-z])(?P<post>{_POSTFIX_RE})\b(?!{_S}(?:than\b|{_NUM}))"
    # a plus sign glued to digits before a word: "18+ people killed" (at least 18)
    rf"|(?<=[0-9])(?P<plus>\+)(?={_S}[a-z])"
    rf")?)"
    rf")"
)

#: one attacker named by a singular noun: "a suicide bomber", "the suicide attacker",
#: "a Jaish-e-Mohammed terrorist", "an attacker who ..." (never "a terrorist attack":
#: the noun must end its phrase)
_ONE_NOUNS = (
    r"attacker|gunman|assailant|terrorist|bomber|militant|hijacker|shooter|jihadist|fighter"
    r"|insurgent|fidayeen|miscreant|jihadi|perpetrator"
)
#: the attacker nouns a headline names after one word that says who ("Child bomber kills
#: 51"): _ONE reads them, and _MATCH_START must let a match begin there
_HEADLINE_NOUNS = r"gunman|attacker|assailant|bomber|shooter|terrorist|militant"
_ONE = (
    # never right after a figure: "3 Suicide Bomber" is three (a headline's singular)
    rf"(?=[a-z])(?<![\w-])(?<![0-9][\s\u200b]{{1,3}})"
    rf"(?:(?:(?:an?|the){_S}(?:(?:apparent|suspected|alleged|lone|would-be|teenage|female"
    rf"|male|young){_S})?)?suicide{_S}(?:(?:car|truck|vehicle|motorcycle|motorbike){_S})?"
    rf"(?:bomber|attacker)"
    rf"|an?{_S}(?:(?!(?:suicide|terror|terrorist|militant)\b)[\w-]{{1,30}}{_S})?(?:{_ONE_NOUNS})"
    # "lone" is one with or without an article: "gun down lone assailant"
    rf"|(?<![\w-]a{_S}|[\w-]an{_S})lone{_S}(?:{_ONE_NOUNS})"
    # "An armed man opened fire": an armed man who acts is the attacker
    rf"|an?{_S}armed{_S}(?:man|woman)"
    # a headline's bare noun before a verb in title case: "Gunman Kills 39 at ..."
    rf"|(?:(?<=\A)|(?<=\n)|(?<=:[\s\u200b]{{1,3}}))(?-i:(?:Suicide{_S})?(?:Gunman|Attacker"
    rf"|Assailant|Bomber|Shooter|Terrorist|Militant)(?={_S}(?:[A-Z][a-z]{{1,20}}(?:s|ed)"
    # or in lower case: "Gunman on security watchlist kills at least two people"
    rf"|on|in|at|kills|shoots|opens|storms)\b))"
    # a headline's bare noun after one word that says who: "Terrorist gunman storms
    # Crimean college", "Turkey: Child bomber kills 51"
    rf"|(?:(?<=\A)|(?<=\n)|(?<=:[\s\u200b]{{1,3}}))(?-i:[A-Z][\w-]{{2,20}}{_S}(?:suicide{_S})?"
    rf"(?:{_HEADLINE_NOUNS})(?={_S}(?:kills|shoots"
    rf"|opens|storms|attacks|rampages|strikes|hits|targets|detonates|blows)\b)))"
    rf"(?![\w-])"
    rf"(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\"”’\u2013\u2014]|\Z)|['’]s\b"
    # any verb in the past tense: "a gunman jumped from a boat", "A terrorist infiltrated"
    rf"|{_S}[“\"‘']?(?!(?:aged|based|related|linked|inspired|backed|led|owned|held|controlled|affiliated)\b)"
    rf"[a-z]{{2,20}}ed\b(?!{_S}(?:by|area|areas|region|territory)\b)"
    # and the verbs in -ing of what an attacker does: "a suicide bomber killing 13 people"
    rf"|{_S}(?:killing|driving|ferrying|firing|shooting|wielding|holding|armed|jumping"
    rf"|entering|storming|opening|reaching|running|throwing|hurling|spraying|using)\b"
    rf"(?!{_S}(?:spree|range|ranges|camp|camps|incident|incidents)\b)"
    rf"|{_S}(?:who|that|was|is|had|has"
    r"|blew|blows|blowing|detonated|detonates|detonating|exploded|opened|struck|strikes"
    r"|attacked|killed|kills|rammed|rams|ramming|drove|entered|targeted|hit|hits|wearing"
    r"|riding|on|in|at|from|with|identified|named|dressed|disguised|posing|belonging"
    r"|affiliated|linked|of|tried|approached|stormed|fired|walked|came|went|carrying"
    r"|sneaked|managed|and|reportedly|also|allegedly|then|first|himself|herself|set|sets"
    r"|triggered|launched|kills|shoots|opens|storms|stabs|stabbed|burst|bursts)\b"
    # "A gunman shot dead at least nine people": dead is what he made of others
    rf"|{_S}shot{_S}dead{_S}(?=(?:at{_S}least|more{_S}than|over|about|some|[0-9]|two|three"
    rf"|four|five|six|seven|eight|nine|ten)\b)"
    # "An 18-year-old gunman shot 10 people" (never "shot dead": he was)
    rf"|{_S}shot(?!{_S}(?:dead|and|by|in|at|on|himself|herself))\b)"
)

QUANTITY_RE = regex.compile(
    rf"{_NONCOUNT}|{_COUNT}|(?P<vague>{_VAGUE})|(?P<one>{_ONE})",
    regex.IGNORECASE | regex.VERSION0,
)
NUMBER_RE = regex.compile(_NUM, regex.IGNORECASE)

#: Text right after a number that makes it a measure, not a count of people.
_UNIT_AFTER = regex.compile(
    rf"(?:{_DASH}|[\s\u200b]{{1,3}}){{0,2}}(?:of{_S})?"
    r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?"
    r"|centuries|century|per[\s\u200b]?cent|percent|pc\b|%|km|kilomet(?:er|re)s?|miles?"
    r"|metres?|meters?|kg|kilograms?|tons?|tonnes?|dollars?|rupees?|euros?|pounds?"
    r"|crore|lakh|times|fold|storey|story|point|per)(?![\w])",
    regex.IGNORECASE,
)
#: Words before a 4-digit number that make it a year.
_YEAR_BEFORE = regex.compile(
    r"(?:\b(?:in|since|of|from|by|until|till|to|before|after|during|year|early|late|mid|the)"
    r"|[,(])[\s\u200b]{1,3}\Z",
    regex.IGNORECASE,
)
_PEOPLE_AFTER = regex.compile(
    r"[\s\u200b]{1,3}(?:people|persons|civilians|dead|killed|injured|wounded|soldiers"
    r"|militants|members|victims|policemen|troops)\b",
    regex.IGNORECASE,
)
_ONE_SELECTOR_AFTER = regex.compile(r"[\s\u200b]{1,3}(?:of|another|anoth)\b", regex.IGNORECASE)
#: A verb of change before "from A to B": the figure went from A to B, so it is B now.
_CHANGE_BEFORE = regex.compile(
    r"(?<![\w-])(?:rose|risen|rises|rising|jumped|jumps|climbed|climbs|increased|increases"
    r"|mounted|fell|fallen|falls|dropped|drops|declined|decreased|reduced|lowered|raised"
    r"|revised(?:[\s\u200b]{1,3}(?:up|down)(?:wards?)?)?"
    r"|(?:gone|went|goes|come|came|comes)[\s\u200b]{1,3}(?:up|down))"
    # the toll named between: "raised the death toll from 11 to 14"
    r"(?:[\s\u200b]{1,3}(?:the[\s\u200b]{1,3})?(?:death[\s\u200b]{1,3})?(?:toll|tally|count))?"
    r"[\s\u200b]{1,3}\Z",
    regex.IGNORECASE,
)
_ONE_PERSON_AFTER = regex.compile(
    r"[\s\u200b]{1,3}(?:man|woman|person|suspect|boy|girl|child|civilian|policeman|soldier)\b",
    regex.IGNORECASE,
)
_NO_ONE_BEFORE = regex.compile(r"\b(?:no|any|every|some|the|this|that)[\s\u200b]{1,3}\Z", regex.I)
_RS_BEFORE = regex.compile(r"\b(?:Rs|USD|US|rupees?)[.:]?[\s\u200b]{0,3}\Z", regex.IGNORECASE)
#: "a man aged 45", "aged between 18 and 22", "at the age of 45": an age, not a count
_AGE_BEFORE = regex.compile(
    r"(?<![\w-])(?:aged|age|ages)(?:[\s\u200b]{1,3}of)?[\s\u200b]{1,3}"
    # the second of two ages: "aged 20 and 25", "aged 20, 25"
    r"(?P<first>[0-9]{1,3}(?:[\s\u200b]{1,3}(?:and|or)|,)[\s\u200b]{1,3})?\Z",
    regex.IGNORECASE,
)
_OTHERS_AFTER = regex.compile(
    r"[\s\u200b]{1,3}(?:others?|more|people|persons|civilians|victims|policemen|soldiers)\b",
    regex.IGNORECASE,
)
_WS_RUN = regex.compile(r"[\s\u200b]+")


def _norm(text: str) -> str:
    return _WS_RUN.sub(" ", text.strip().lower())


def _value(text: str | None) -> int | None:
    return None if text is None else to_int(text)


def _is_year(text: str, start: int, value_text: str, end: int) -> bool:
    """A bare 4-digit number 1500-2100 is a year unless it clearly counts people."""
    if len(value_text) != 4 or not (value_text.isascii() and value_text.isdigit()):
        return False
    if not 1500 <= int(value_text) <= 2100:
        return False
    if _YEAR_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    return _PEOPLE_AFTER.match(text, end) is None


def _interval(qual: Qualifier, n: int, conv: Conventions) -> tuple[int, int | None]:
    """[low, high] for a hedged single figure, by the conventions table."""
    if qual is Qualifier.exact:
        return n, n
    if qual is Qualifier.more_than:
        return n + 1, None
    if qual is Qualifier.at_least:
        return n, None
    if qual is Qualifier.at_most:
        return min(conv.at_most_low, n), n
    if qual is Qualifier.fewer_than:
        high = max(n - 1, 0)
        return min(conv.fewer_than_low, high), high
    if qual is Qualifier.nearly:
        high = max(n - 1, 0)
        d = max(conv.nearly_absolute, math.ceil(conv.nearly_relative * n))
        return min(max(n - d, 0), high), high
    if qual is Qualifier.approximately:
        d = max(conv.approximately_absolute, math.ceil(conv.approximately_relative * n))
        return max(n - d, 0), n + d
    raise ValueError(f"no single-figure interval for {qual}")


def _build(m: regex.Match[str], text: str, conv: Conventions) -> Quantity | None:
    """Turn one ``count``/``vague`` match into a Quantity, or None if disqualified."""
    start, end = m.span()
    if m.group("vague") is not None:
        if _UNIT_AFTER.match(text, end):
            return None  # "several years", "hundreds of years"
        word = _norm(m.group("vague")).replace('"', "").replace("\u201c", "")
        key = _VAGUE_WORDS.get(word)
        if key is None:
            key = _VAGUE_WORDS.get(word.rstrip("s"), "several")
        low, high = conv.vague_interval(key)
        return Quantity(start, end, text[start:end], Qualifier.vague, low, high)

    if m.group("one") is not None:
        return Quantity(start, end, text[start:end], Qualifier.exact, 1, 1, 1)

    if _UNIT_AFTER.match(text, end):
        return None  # "24 hours", "17-year-old", "20 per cent", "two years"
    if _RS_BEFORE.search(text[max(0, start - 8) : start]):
        return None
    age = _AGE_BEFORE.search(text[max(0, start - 24) : start])
    if age is not None and (age.group("first") is None or _OTHERS_AFTER.match(text, end) is None):
        return None  # an age; "aged 45 and 12 others" is one man and 12 people

    increment = m.group("incpre") is not None or m.group("more") is not None
    if m.group("la") is not None or m.group("ha") is not None:
        return _two_bounds(m, text, increment)
    total = _value(m.group("total"))
    qual_text = m.group("qual")
    qual = Qualifier.exact if qual_text is None else _QUALIFIER_WORDS[_norm(qual_text)]

    a_text = m.group("a1") or m.group("a2") or m.group("a3")
    if a_text is not None:
        b_text = m.group("b1") or m.group("b2") or m.group("b3")
        a, b = _value(a_text), _value(b_text)
        if a is None or b is None:
            return None
        if m.group("a2") is not None and _CHANGE_BEFORE.search(text[max(0, start - 40) : start]):
            # "has gone down from 35 to 32", "rose from 61 to 70": a change, the count is B
            return Quantity(start, end, text[start:end], Qualifier.exact, b, b, b, increment, total)
        if m.group("a3") is not None:
            if a >= b and _tens_and_unit(a_text, a, b_text, b):
                span = (m.start("a3"), m.end("b3"))  # "fifty - two"
                return _single(m, text, conv, qual, qual_text, span, a + b, increment, total)
            if a >= b:
                return None  # "2015-06", "5-3" are not ranges of people
            if _is_year(text, m.start("a3"), a_text, m.end("a3")) or _is_year(
                text, m.start("b3"), b_text, m.end("b3")
            ):
                return None  # "2013-2014"
        low, high = min(a, b), max(a, b)
        return Quantity(start, end, text[start:end], Qualifier.range, low, high, None, increment)

    n_text = m.group("n")
    n = _value(n_text)
    if n is None:
        return None
    span = (m.start("n"), m.end("n"))
    return _single(m, text, conv, qual, qual_text, span, n, increment, total)


def _tens_and_unit(a_text: str, a: int, b_text: str, b: int) -> bool:
    """ "fifty - two": a tens word and a unit word around a spaced dash are one number."""
    words = a_text.isalpha() and b_text.strip().isalpha()
    return words and a % 10 == 0 and 20 <= a <= 90 and 1 <= b <= 9


def _two_bounds(m: regex.Match[str], text: str, increment: bool) -> Quantity | None:
    """ "above 1,000 and below 1,500", "at most 100 and at least 20": one interval."""
    if m.group("la") is not None:
        lq, ln, hq, hn = m.group("lq"), m.group("la"), m.group("hq"), m.group("hb")
    else:
        lq, ln, hq, hn = m.group("lq2"), m.group("lb"), m.group("hq2"), m.group("ha")
    lo, hi = _value(ln), _value(hn)
    if lo is None or hi is None:
        return None
    if _QUALIFIER_WORDS[_norm(lq)] is Qualifier.more_than:
        lo += 1
    if _QUALIFIER_WORDS[_norm(hq)] is Qualifier.fewer_than:
        hi -= 1
    if lo > hi:
        return None
    start, end = m.span()
    return Quantity(start, end, text[start:end], Qualifier.range, lo, hi, None, increment)


def _single(
    m: regex.Match[str],
    text: str,
    conv: Conventions,
    qual: Qualifier,
    qual_text: str | None,
    n_span: tuple[int, int],
    n: int,
    increment: bool,
    total: int | None,
) -> Quantity | None:
    """A hedged single figure (qualifier before, or a bound after: "500 or more")."""
    start, end = m.span()
    n_text = text[n_span[0] : n_span[1]]
    bare = qual_text is None and total is None and not increment
    if bare and _is_year(text, n_span[0], n_text, n_span[1]):
        return None
    if (
        bare
        and _norm(n_text) == "one"
        and (
            _ONE_SELECTOR_AFTER.match(text, end)
            or (
                _NO_ONE_BEFORE.search(text[max(0, start - 8) : start])
                # "said that one man had been arrested": "that" opens a clause here
                and not (
                    text[max(0, start - 6) : start].lower().rstrip().endswith("that")
                    and _ONE_PERSON_AFTER.match(text, end)
                )
            )
        )
    ):
        return None  # "one of the ...", "no one": a selector, not a count
    post = m.group("post")
    if post is not None and qual_text is None:
        qual = _POSTFIX[_norm(post)]
    if m.group("plus") is not None and qual_text is None:
        qual = Qualifier.at_least
    low, high = _interval(qual, n, conv)
    if total is not None:
        low = min(low, total)
        high = total if high is None else min(high, total)
    return Quantity(start, end, text[start:end], qual, low, high, n, increment, total)


#: Where a QUANTITY_RE match can begin. Every alternative starts at a word start (a
#: lookbehind or \\b guards each) with a currency sign, a digit (_DIGIT_START), a
#: whole qualifier phrase (_QUALS), "a" or "an" before one of the words that may follow
#: it (_A_START), "the" before the words of _ONE or "the latest", or one of the whole
#: words below (each is followed by white space, a dash, a dot or a word boundary in
#: the pattern, never by another word character). Trying the big pattern only at these
#: places skips most word starts (nine in ten in the synthetic articles), none of which
#: can begin a match. A lookahead, so that a phrase ("an estimated", "the latest") does
#: not hide the word starts in it; it reads at most about 50 characters, so the scan
#: stays linear. A new alternative of QUANTITY_RE needs its first word here too:
#: tests/quantities/test_quantity_prefilter.py tries the pattern at every position.
_START_WORDS = _alt(
    [
        *(w for w in UNITS if w != "zero"),
        *TENS,
        # money
        *("rs", "usd", "us", "rupee", "rupees"),
        # increments, ranges, word numbers
        *("latest", "another", "additional", "further", "between", "from", "half", "dozen"),
        # vague words
        *("tens", "hundreds", "several", "scores", "dozens", "thousands", "numerous"),
        *("multiple", "countless", "many", "some"),
        # one attacker
        *("suicide", "lone", "gunman", "attacker", "assailant", "bomber", "shooter"),
        *("terrorist", "militant"),
    ]
)
#: a digit begins a count only where _DIGNUM's look-behind allows it; after a dash, a
#: slash or a currency sign ("Group-0070") it can begin only a date or a time
_DIGIT_START = (
    r"(?<![\w.,$£€₹/\u2010\u2011\u2012\u2013\u2014\u2212-])[0-9]"
    rf"|(?<![\w.,:])(?:[0-9]{{1,2}}(?:st|nd|rd|th|[\s\u200b:./ap])|[0-9]{{4}}{_DASH})"
)
#: "a"/"an" begin an attacker (_ONE), a vague number ("a few", "a number of"), a word
#: number ("a dozen", "a pair of"), an increment ("a further") or a qualifier
_A_START = (
    rf"an?{_S}(?:[\w-]{{1,30}}{_S})?(?:{_ONE_NOUNS}|suicide)"
    rf"|an?{_S}[\"“]?(?:additional|estimated|armed|further|minimum|maximum|few|handful|pair"
    r"|number|large|big|huge|great|significant|hundred|thousand|million|billion|lakh|crore"
    r"|dozen)"
)
_THE_START = (
    rf"the{_S}(?:latest|suicide|apparent|suspected|alleged|lone|would-be|teenage|female"
    rf"|male|young)"
)
#: (a word character first, so that a run of punctuation is passed over at once as before;
#: then split on it, digit or not: the same places, found a third faster)
_MATCH_START = regex.compile(
    rf"(?<!\w)(?=\w)(?:(?=[0-9])(?={_DIGIT_START})"
    rf"|(?![0-9])(?={_QUALS}|{_A_START}|{_THE_START}|(?:{_MONTH}|{_START_WORDS})(?!\w)"
    # a headline's bare attacker noun after a word that says who ("Child bomber kills 51")
    rf"|(?-i:[A-Z])[\w-]{{2,20}}[\s\u200b]{{1,3}}(?:suicide[\s\u200b]{{1,3}})?(?:{_HEADLINE_NOUNS})\b"
    # money glued to its figure: "Rs5000"
    rf"|(?:rs|usd|rupees?)(?=[0-9])))"
    r"|[$£€₹]",
    regex.IGNORECASE | regex.VERSION0,
)


#: Every place a match could begin without the pre-filter: a word start or a currency sign.
_WORD_START = regex.compile(r"(?<!\w)\w|[$£€₹]")


def quantity_matches(
    text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of QUANTITY_RE.finditer(text), found faster.

    Trying the big pattern only where a match can begin (see _MATCH_START) instead of
    at every character gives the same leftmost, non-overlapping matches (tested
    against finditer) in a small part of the time on article text.
    """
    for candidate in _candidates(text, pos, endpos):
        start = candidate.start()
        if start < pos:
            continue
        m = QUANTITY_RE.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def _candidates(text: str, pos: int, endpos: int | None) -> Iterator[regex.Match[str]]:
    """The places to try: _MATCH_START over the rest of the text; in a window (the
    statement extractor's look at the next few characters) every word start, since
    _MATCH_START's lookahead must not be cut at the window's end and the scan must not
    run past it (which could make many short looks cost a long stretch each)."""
    if endpos is None:
        return _MATCH_START.finditer(text, pos)
    return _WORD_START.finditer(text, pos, endpos)


def iter_quantities(
    text: str, conventions: Conventions | None = None, pos: int = 0, endpos: int | None = None
) -> Iterator[Quantity]:
    """Yield quantities in text order (see :func:`parse_quantities`); with ``pos`` and
    ``endpos``, only those that begin in ``text[pos:endpos]`` (context is read from all
    of ``text``)."""
    conv = conventions or Conventions.default()
    for m in quantity_matches(text, pos, endpos):
        if m.group("count") is None and m.group("vague") is None and m.group("one") is None:
            continue  # a date, time or sum of money: consumed, not a count
        q = _build(m, text, conv)
        if q is not None:
            yield q


def parse_quantities(text: str, conventions: Conventions | None = None) -> list[Quantity]:
    """All counts in ``text``, in order, non-overlapping, with intervals.

    Years, ages, dates, times, money, percentages, ordinals and durations are
    not returned.  Never raises on str input.
    """
    return list(iter_quantities(text, conventions))


def parse_quantity(text: str, conventions: Conventions | None = None) -> Quantity | None:
    """The first quantity in a short phrase, or None."""
    return next(iter_quantities(text, conventions), None)


#: the "of the" between X and Y in "X of the Y"
_OF_THE = regex.compile(
    rf"{_S}(?:of{_S}(?:the|these|those)|out{_S}of(?:{_S}(?:the|these|those))?){_S}", regex.I
)


def split_of_total(text: str, q: Quantity) -> tuple[Quantity, Quantity] | None:
    """The X and the Y of "X of the Y", each as its own Quantity with its span in ``text``.

    "At least two of the seven attackers" states two facts: two were captured
    ("At least two", at_least [2, 7]), and there were seven attackers ("seven",
    exact 7). The statement extractor needs both; the report highlights either.
    """
    if q.total is None:
        return None
    m = _OF_THE.search(text[q.start : q.end])
    if m is None:
        return None
    base = q.start + m.end()
    nm = NUMBER_RE.match(text, base, q.end)
    if nm is None or nm.end() != q.end:
        return None
    n = q.total
    part_end = q.start + m.start()
    part = replace(q, end=part_end, text=text[q.start : part_end], total=None)
    return part, Quantity(base, q.end, text[base : q.end], Qualifier.exact, n, n, n)


def total_quantity(text: str, q: Quantity) -> Quantity | None:
    """The Y of "X of the Y" as its own exact Quantity (span of Y in ``text``)."""
    split = split_of_total(text, q)
    return None if split is None else split[1]
