"""Statements read from phrases without a number: one attacker ("A gunman was
killed"), one victim ("a policeman was martyred"), one arrest ("A man was
arrested"), one more ("Another soldier was killed"), and lists opened by one person."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .clauses import _clause_end
from .conventions import Conventions
from .finder import _Finder
from .grammar import Qualifier, Quantity
from .lexicon import (
    _ATTACKER_CONTEXT,
    _DEATH_WORDS,
    _ONE_PERSON,
    _SP,
    _TO_DEATH_VERB,
    _WINDOW,
    ATTACKER_HEADS,
    _has,
    _norm_ws,
)
from .sums import _sum_field, _sum_of_list

#: where a headline's bare noun may stand: the start of the text or a line, or after a
#: semicolon or colon ("Solingen attack: Suspect arrested", "...; Gunman Found Dead")
_HEADLINE_START = r"(?:(?<=\A)|(?<=\n)|(?<=[;:][\s\u200b]{1,3}))"
_ONE_NOUN = (
    r"attacker|gunman|militant|assailant|fighter|terrorist|insurgent|bomber|hijacker|jihadist"
    r"|shooter|suspect|perpetrator"
)
_ONE_ATTACKER = regex.compile(
    rf"(?<![\w-])(?:(?P<a>an?|one|the|another){_SP}(?:[\w-]{{1,30}}{_SP}){{0,3}}(?P<noun>{_ONE_NOUN})"
    # an aside between commas, abbreviations allowed: "The gunman, U.S. citizen Omar Mateen,"
    rf"(?:,[^,;:!?\n]{{1,80}},)?{_SP}(?:who{_SP})?"
    rf"(?:was|had{_SP}been|has{_SP}been|is){_SP}(?:(?:later|also|eventually|subsequently){_SP})?"
    # a first verb joined to the killing: "The assailant ... was cornered and shot dead"
    rf"(?:(?:cornered|surrounded|confronted|chased|pursued){_SP}and{_SP}(?=killed|shot|gunned))?"
    # a headline's bare noun and participle: "Gunman shot dead after opening fire on guests"
    rf"|{_HEADLINE_START}"
    rf"(?P<a>(?-i:(?:Suicide{_SP})?(?:Gunman|Attacker|Assailant|Bomber"
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
_WHO = regex.compile(r"(?<![\w-])who(?![\w-])", regex.IGNORECASE)


#: one person who was hurt and later died: "injured woman dies in hospital", "A man who was
#: badly injured in the assault died", "one of the critically injured in the attack
#: succumbed", "another injured person succumbed"; an addition to the toll (increment)
_HURT_ADV = r"(?:critically|seriously|badly|severely|gravely|grievously|fatally|mortally)"
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
#: a person's age by decade after the noun: "a white man in his 20s", "in her early thirties"
_IN_HIS_AGE = (
    rf"{_SP}in{_SP}(?:his|her){_SP}(?:(?:early|mid|late)(?:-|{_SP}))?"
    rf"(?:[1-9]0s|[1-9]0['’]s|teens|twenties|thirties|forties|fifties|sixties|seventies)(?![\w-])"
)
#: a list of groups of people opened by one person: "a police officer, three private security
#: guards, and two passersby also lost their lives" (six)
_A_PERSON_FIRST = regex.compile(rf"(?<![\w-])(?P<a>{_A_PERSON})(?=,)", regex.IGNORECASE)
#: attackers as a group of their own, before "and" and their victims
_ATTACKERS_AND = (
    r"attackers|gunmen|assailants|terrorists|militants|bombers|shooters|jihadists|hijackers"
    r"|insurgents|rebels|hostage-takers"
)
_ONE_VICTIM = regex.compile(
    rf"(?<![\w-])(?P<a>{_A_PERSON}(?P<two>{_SP}and{_SP}{_A_PERSON})?)"
    # "were" only after two: "and a civilian were killed" is the last group of a sum, or
    # after attackers, who are not summed with their victims: "Four suicide bombers and a
    # civilian were killed" (convention 55A)
    rf"{_SP}(?(two)(?:were|have{_SP}been|had{_SP}been)|(?:was|has{_SP}been|had{_SP}been"
    rf"|(?<=(?:\A|[.;:!?\n“\"]|(?<![\w-])(?:that|said|says|when|as|after))[\s\u200b]{{0,3}}"
    rf"(?:[\w-]{{1,30}}{_SP}){{1,4}}(?:{_ATTACKERS_AND}){_SP}and{_SP}(?:[\w-]{{1,30}}{_SP}){{1,4}})"
    rf"were)){_SP}"
    rf"(?:(?:also|later|reportedly|{_HURT_ADV}"
    rf"|slightly|lightly){_SP})?(?P<verb>killed|martyred|shot{_SP}dead|murdered"
    rf"|stabbed{_SP}to{_SP}death|injured|wounded|hurt)(?![\w-])",
    regex.IGNORECASE,
)
#: one person who died: "A policeman died during gunfire", "a person died on the spot"; with
#: "later" or "subsequently", one more dead after the toll (an increment)
_ONE_DIED = regex.compile(
    rf"(?<![\w-])(?P<a>{_A_PERSON})(?P<later>{_SP}(?:also|later|subsequently|eventually))?"
    rf"{_SP}(?P<verb>died|passed{_SP}away)(?![\w-])",
    regex.IGNORECASE,
)
_AND_BEFORE = regex.compile(rf"(?<![\w-])(?:and|&|with){_SP}\Z", regex.IGNORECASE)
_BRINGING_TOLL = regex.compile(
    rf",?{_SP}(?:bringing|raising|taking|pushing|putting)(?:{_SP}[\w-]{{1,30}}){{0,4}}?{_SP}toll\b",
    regex.IGNORECASE,
)
#: "One person was killed and another wounded": "another" alone is one more person, of
#: another field than the dead, so a total (convention 4); never "another injured person"
_AND_ANOTHER_HURT = regex.compile(
    # "with another person seriously injured": one person named after "another"
    rf"(?<![\w-])(?:and|while|with){_SP}(?:(?P<a>another(?:{_SP}{_ONE_PERSON})?){_SP}"
    rf"(?:(?:was|has{_SP}been){_SP})?"
    rf"(?:(?:{_HURT_ADV}|slightly|lightly){_SP})?(?:injured|wounded|hurt)(?![\w-])"
    rf"(?!{_SP}(?:{_ONE_PERSON}|people|persons)\b)"
    # "killed two Chinese nationals and injured another", "and critically wounding another"
    rf"|(?P<v>(?:(?:{_HURT_ADV}|slightly|lightly){_SP})?(?:injured|injuring|wounded|wounding"
    rf"|hurt|hurting)){_SP}(?P<a>another)(?=[\s\u200b]{{0,3}}(?:[,.;:!?)]|\Z))"
    # the verb group left out after a death: "Two policemen were also killed and a security
    # guard wounded during the attack" (only before the clause's end or a preposition)
    rf"|(?P<a>{_A_PERSON}){_SP}(?:(?:{_HURT_ADV}|slightly|lightly){_SP})?"
    rf"(?:injured|wounded|hurt)(?=[\s\u200b]{{0,3}}(?:[,.;:!?)]|\Z)|{_SP}(?:in|at|on|during"
    rf"|by|when|while|as|after)(?![\w-])))",
    regex.IGNORECASE,
)
_HURT_STEMS = ("injur", "wound", "hurt")
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
    # up to two words before the noun: "A fourth Chinese national was injured"
    rf"|tenth)(?:{_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?(?P<noun>{_ONE_PERSON}|person|{_ONE_NOUN}))?)"
    # a participle phrase between: "A third person seen fleeing the scene was later detained"
    rf"(?:{_SP}(?:seen|spotted|caught|wanted)(?:{_SP}[\w’'-]{{1,30}}){{1,5}}?)?"
    # the verb "was" may be left out after "and": "two were shot dead, and a third person
    # injured"
    rf"(?:{_SP}(?:was|is|had{_SP}been|has{_SP}been)|(?<=(?:and|while){_SP}\S.{{0,60}})(?=[\s\u200b]{{1,3}}"
    rf"(?:injured|wounded|hurt)))"
    rf"{_SP}(?:(?:later|also|reportedly|eventually|subsequently){_SP})?"
    rf"(?P<verb>killed|found{_SP}dead|shot{_SP}dead|shot{_SP}and{_SP}killed|gunned{_SP}down"
    rf"|arrested|detained|taken{_SP}into{_SP}custody|in{_SP}(?:police{_SP})?custody"
    rf"|injured|wounded|hurt)(?![\w-])",
    regex.IGNORECASE,
)


#: one person arrested, named by "a"/"an" and a person noun: "A man was arrested on
#: Saturday", "a 15-year-old boy was also arrested", "a woman is in custody" (as "one man
#: had been arrested"; "a suspect" is read by the number path); or by a headline's bare
#: noun, capitalised at the start of a line: "Suspect arrested", "Man detained after
#: stabbing" ("Suspects arrested" names no number)
_ONE_ARRESTED = regex.compile(
    # or "another": "while another man was arrested yesterday" (one more person arrested)
    rf"(?:(?<![\w-])(?P<a>{_A_PERSON}|another{_SP}(?:[\w-]{{1,30}}{_SP})?(?:man|woman|suspect"
    rf"|person|teenager|youth|boy|girl)(?![\w-]))"
    # his age by decade, never a count: "a white man in his 20s is in custody"
    rf"(?:{_IN_HIS_AGE})?"
    # a relative clause between commas: "A 26-year-old Syrian man, who turned himself in,
    # is being held in custody"
    rf"(?:,{_SP}who{_SP}[^,.;:!?]{{1,60}},)?"
    rf"{_SP}(?:was|is|has{_SP}been|had{_SP}been|is{_SP}being"
    rf"|was{_SP}being){_SP}(?:(?:also|later|subsequently|reportedly|eventually|since|then"
    rf"|now){_SP})?"
    rf"|{_HEADLINE_START}"
    rf"(?P<a>(?-i:Suspect|Man|Woman|Teen|Teenager|Boy|Girl|Youth)){_SP}"
    # or after "a" or "one": "Parsons Green explosion: a suspect arrested"
    rf"|{_HEADLINE_START}(?P<a>(?:an?|one){_SP}suspect){_SP}"
    # "there is a suspect in custody", "21-Year-Old Suspect In Custody": no verb needed
    rf"|(?<![\w-])(?P<a>(?:an?{_SP}|(?<=\A|\n|[;:][\s\u200b]{{1,3}})"
    rf"(?!(?:the|this|that)\b)(?:[\w-]{{1,30}}{_SP})?)"
    rf"(?:[\w-]{{1,30}}{_SP})?suspect)(?={_SP}(?:in{_SP}(?:police{_SP})?custody|caught)\b)"
    rf"{_SP})"
    rf"(?P<verb>arrested|detained|apprehended|taken{_SP}into{_SP}custody"
    rf"|(?:held{_SP})?in{_SP}(?:police{_SP})?custody|(?<=suspect{_SP})caught)(?![\w-])",
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
    rf"|(?:confirmed|found|declared|pronounced){_SP}dead"
    # "one of the attackers has been apprehended": one attacker taken alive
    rf"|arrested|apprehended|detained|captured|taken{_SP}into{_SP}custody)"
    rf"|{_SP}(?:(?:later|also|then|reportedly){_SP})?(?P<verb>{_BLEW_HIMSELF}|died))(?![\w-])",
    regex.IGNORECASE,
)
_AND_BEFORE = regex.compile(rf"(?<![\w-])and{_SP}\Z", regex.IGNORECASE)
#: the attacker who died: "The gunman, who also died, has been identified"
_ATTACKER_DIED = regex.compile(
    rf"(?<![\w-])(?P<a>(?:the|an?){_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?(?:{_ONE_NOUN}))"
    # who he was, between commas: "the suspect, a 43-year-old man, ...", "the suspect, 43,
    # ...", "the suspect, fourth-year student Vladislav Roslyakov, fatally shot himself"
    rf"(?P<app>,{_SP}(?!(?:and|or|but|who|which|while|as)\b)[^,.;:!?\n]{{1,60}}(?=,))?"
    rf"(?:,{_SP}|{_SP})(?:who{_SP})?(?:(?:also|later|eventually|subsequently|himself|too){_SP})?"
    rf"(?P<verb>died|(?:fatally{_SP})?(?:shot|killed){_SP}(?:himself|herself)"
    rf"|took{_SP}(?:his|her){_SP}own{_SP}life|committed{_SP}suicide)(?![\w-])",
    regex.IGNORECASE,
)

#: one victim as the object of a verb: "killing a child", "killed a policeman and a
#: civilian" (two), "arrested a suspect"; the object ends its clause or meets a preposition
#: or words that name a suspect ("arrested a man suspected of ...", "on suspicion of")
_VERB_ONE_VICTIM = regex.compile(
    rf"(?<![\w-])(?P<verb>killing|killed|murdering|murdered|shot{_SP}dead|shooting{_SP}dead"
    rf"|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained|apprehended)"
    rf"{_SP}(?P<a>an?{_SP}(?:[\w-]{{1,30}}{_SP})?(?P<n1>{_ONE_PERSON}|suspect|male|female)"
    rf"(?P<two>{_SP}and{_SP}an?{_SP}(?:[\w-]{{1,30}}{_SP})?(?:{_ONE_PERSON}|suspect))?)"
    # his age by decade: "arrested a white male in his 20s"
    rf"(?P<age>{_IN_HIS_AGE})?"
    rf"(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z)|{_SP}(?P<why>suspected|accused|wanted"
    # the one arrested described: "detained a man who they say is a suspect"
    rf"|on{_SP}suspicion|in{_SP}connection)\b|{_SP}(?P<who>who)\b|{_SP}(?:in|at|on|during|after|near"
    rf"|inside|outside|when|while|as|from|following|before|two|three|four|five|believed"
    rf"|according|and)\b)",
    regex.IGNORECASE,
)
#: one victim killed as the object of a verb that needs "to death": "criminals stabbed a man
#: to death at a temple" (never "stabbed a man" alone: he may have lived)
_ONE_TO_DEATH = regex.compile(
    rf"(?<![\w-])(?:{_TO_DEATH_VERB}){_SP}(?P<a>an?{_SP}(?:[\w-]{{1,30}}{_SP})?{_ONE_PERSON})"
    rf"{_SP}to{_SP}death(?![\w-])",
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
#: a death before "and injured another": the dead are the other people
_KILLING_WORDS = regex.compile(r"\b(?:kill\w*|dead|deaths?|died|martyr\w*)\b", regex.IGNORECASE)
#: a person arrested who is read as one arrest without being named a suspect: "police
#: arrested a man after the attack" (never "arrested a child", an unlikely arrest)
_SEXES = frozenset(["male", "female"])
_ADULTS = frozenset(["man", "woman", "youth", "teenager"]) | _SEXES
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
_ARREST_WORDS = ("arrested", "detained", "apprehended", "custody", "caught")
_POLICE_WORDS = ("police", "officers", "security", "troops", "soldiers", "commandos")
_POLICE_WORDS2 = ("gendarmes", "marksmen", "snipers")


def _hurt_before(text: str, pos: int) -> bool:
    """Injured people named just before `pos`: one more hurt person then adds to them (an
    increment); after the dead only, the hurt are other people (a total, convention 4)."""
    return _HURT_WORDS.search(text, max(0, pos - _WINDOW), pos) is not None


def _singles(text: str, conv: Conventions | None) -> dict[int, _Single]:
    out: dict[int, _Single] = {}
    lower = text.lower()
    ordinal = _has(lower, ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
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
        caught = (
            m.group("verb").lower().startswith(("arrest", "apprehend", "detain", "captur", "taken"))
        )
        field = "attackers_captured" if caught else "attackers_killed"
        out.setdefault(a0, _Single(field, q, a0, m.end()))
    died_words = ("died", "himself", "herself", "own life", "suicide")
    for m in _ATTACKER_DIED.finditer(text) if attackers and _has(lower, died_words) else ():
        a0, a1 = m.span("a")
        if m.group("app") is not None and _AND_BEFORE.search(text, max(0, a0 - 8), a0):
            # one of a list of the dead: "Two policemen and a suspected militant, Abir Rahman,
            # died" counts him among the dead (convention 14)
            continue
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("attackers_killed", q, a0, m.end()))
    for m in _ANOTHER_DIES.finditer(text) if "another" in lower else ():
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, True)
        out.setdefault(a0, _Single("killed", q, a0, m.end()))
    for m in _ONE_TO_DEATH.finditer(text) if "death" in lower else ():
        if _POLICE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Police shot a man to death": the attacker (convention 22)
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        out.setdefault(a0, _Single("killed", q, m.start(), m.end()))
    for m in _VERB_ONE_VICTIM.finditer(text):
        verb = _norm_ws(m.group("verb"))
        arrest = verb.startswith(("arrest", "detain", "apprehend"))
        suspect = m.group("n1").lower() == "suspect" or (arrest and m.group("why") is not None)
        adult = m.group("n1").lower() in _ADULTS
        if not arrest and (m.group("who") or m.group("age") or m.group("n1").lower() in _SEXES):
            continue  # "killing a man who ..." and "a male" stay as before: arrests only
        if suspect != arrest and not (arrest and adult) and m.group("two") is None:
            # "killing a suspect" is no victim; "arrested a child" no suspect, unless
            # named as one ("arrested a man suspected of killing three people")
            continue
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
        single = _Single(_sum_field(sv), total, a0, sv.end(), parts=tuple(starts))
        out.setdefault(a0, single)
    for m in _ONE_VICTIM.finditer(text):
        if ordinal and _ORDINAL_WORD.search(text, m.start("a"), m.end("a")):
            continue  # "a third policeman was killed": one more (below), not a total
        a0, a1 = m.span("a")
        n = 2 if m.group("two") else 1
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, n, n, n)
        verb = m.group("verb").lower()
        field = "injured" if verb in {"injured", "wounded", "hurt"} else "killed"
        out.setdefault(a0, _Single(field, q, a0, m.end()))
    for m in _ONE_DIED.finditer(text) if _has(lower, ("died", "passed away")) else ():
        if ordinal and _ORDINAL_WORD.search(text, m.start("a"), m.end("a")):
            continue  # "a third person died": one more, not read here
        if _BRINGING_TOLL.match(text, m.end()):
            continue  # "A woman died, bringing the total death toll to 14": inside the toll
        if _AND_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "two women and a policeman died": the last group of a sum
        a0, a1 = m.span("a")
        later = m.group("later") is not None and "also" not in m.group("later").lower()
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, later)
        out.setdefault(a0, _Single("killed", q, a0, m.end()))
    for m in _ANOTHER_VICTIM.finditer(text) if "another" in lower else ():
        a0, a1 = m.span("a")
        hurt = m.group("verb").lower() in {"injured", "wounded", "hurt"}
        # more of the injured only after injured people; after the dead, other people
        more = not hurt or _hurt_before(text, a0)
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, more)
        out.setdefault(a0, _Single("injured" if hurt else "killed", q, a0, m.end()))
    for m in _AND_ANOTHER_HURT.finditer(text) if _has(lower, _HURT_STEMS) else ():
        deaths = _KILLING_WORDS if m.group("v") else _DEATH_WORDS
        if deaths.search(text, max(0, m.start() - _WINDOW), m.start()) is None:
            continue  # "another" after a death: in "two were hurt and another hurt", unclear
        a0, a1 = m.span("a")
        q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1)
        start = m.start("v") if m.group("v") else a0  # "injured another": the verb is quoted
        out.setdefault(a0, _Single("injured", q, start, m.end()))
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
    for m in _NTH_ONE.finditer(text) if ordinal else ():
        a0, a1 = m.span("a")
        verb = m.group("verb").lower()
        noun = (m.group("noun") or "").lower()
        if verb in {"injured", "wounded", "hurt"}:
            if noun in ATTACKER_HEADS:
                continue  # "a second gunman was wounded": no count of the attackers hurt
            # "A fourth Chinese national was injured": one more of the injured after injured
            # people; after the dead, one person hurt (as "Another policeman was wounded")
            q = Quantity(a0, a1, m.group("a"), Qualifier.exact, 1, 1, 1, _hurt_before(text, a0))
            out.setdefault(a0, _Single("injured", q, a0, m.end()))
            continue
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


def _add_single(f: _Finder, single: _Single) -> None:
    f.skip.update(single.parts)
    for field, start, end in single.also:
        f.add(field, single.quantity, start, end)
    end = single.end
    if end < 0:
        _, _, s1 = f.sentence_of(single.start)
        end = _clause_end(f.text, single.clause_from, s1)
    f.add(single.field, single.quantity, single.start, end)
