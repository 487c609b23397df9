"""Figures that add up: groups of people under one verb ("186 children and over 100
adults were killed", "three policemen, two women and a child"), the dead at two
places, those who died later, and "X and N others"."""

from __future__ import annotations

from dataclasses import replace

import regex

from .clauses import _dash_aside
from .finder import _Finder
from .grammar import Qualifier, Quantity, iter_quantities
from .lexicon import (
    _INJURED_VERBS,
    _KILLED_VERBS,
    _OBJECT_SUM_END,
    _ONE_PERSON,
    _OTHERS_AFTER,
    _SP,
    _STOP,
    _SUBJECT_VERB,
    _SUM_HEADS,
    _TOKEN,
    ATTACKER_HEADS,
    _clean,
    _verb_of,
)

#: a people named by where they come from, as the last word of a group: "one Pakistani",
#: "five Afghans", "two Canadians" (capitalised; only right before "and" or the verb)
_DEMONYM = regex.compile(r"(?-i:[A-Z][a-z]{2,20}(?:ans?|is?|ese|ers|ons))[”\"’')]?")
_AFTER_DEMONYM = frozenset(["and", "were", "was", "have", "had", "are", "died"])
_ONE_PERSON_WORD = regex.compile(_ONE_PERSON, regex.IGNORECASE)


def _demonym_at(text: str, t: regex.Match[str]) -> bool:
    """The token `t` is a people by origin and closes its group ("five Afghans and ...")."""
    if _DEMONYM.fullmatch(t.group("tok")) is None:
        return False
    nxt = _TOKEN.match(text, t.end())
    return nxt is None or _clean(nxt.group("tok")) in _AFTER_DEMONYM


_ACRONYM = regex.compile(r"\((?-i:[A-Z]{2,8})\)")


def _group_of_people(text: str, pos: int, until: str, others: bool = False) -> int:
    """End of a short noun phrase of people after a count ("children", "staff members",
    "school children", "Afghans"), up to and including ``until`` if given; -1 if it is not
    one. With ``others``, "others" ends the group too ("and seven others were killed")."""
    cur, head, words, limit, prev = pos, False, 0, 4, ""
    for _ in range(6):
        t = _TOKEN.match(text, cur)
        if t is None:
            return -1
        if limit == 4 and 1 < words < 4 and _ACRONYM.fullmatch(t.group("tok")):
            # a unit's name and its short name in brackets: "10 District Reserve Guard
            # (DRG) personnel and a civilian" (one word more for the name)
            cur, limit = t.end(), 5
            continue
        words += 1
        if words > limit:
            return -1
        word = _clean(t.group("tok"))
        if until and word == until:
            return t.end() if head else -1
        if word in ATTACKER_HEADS or word in _STOP or word[:1].isdigit():
            return -1
        if head and word == "of" and prev in {"members", "member"}:
            # the body they belong to: "two members of the embassy staff and four others",
            # "12 members of the security forces and 12 civilians" (never an attackers' group)
            return _members_of_end(text, t.end(), until)
        if head and word not in _SUM_HEADS:
            return -1  # "one soldier attained martyrdom and ...": the group had its own verb
        if word.endswith("-") or _NUMBER_TOKEN.fullmatch(word):
            return -1  # "six persons-- three civilians": a break, or another count
        cur, prev = t.end(), word
        if others and word == "others" and not head:
            return cur
        if word not in _SUM_HEADS and _ONE_PERSON_WORD.fullmatch(word) and not head:
            # one person as a group: "at least one patient and one hospital staff member"
            head = True
            if not until:
                return cur
            continue
        if word not in _SUM_HEADS and _demonym_at(text, t):
            head = True
            if not until:
                return cur
            continue
        if word in _SUM_HEADS:
            head = True
            if not until:
                nxt = _TOKEN.match(text, cur)  # "staff members"
                if nxt is not None and _clean(nxt.group("tok")) in _SUM_HEADS:
                    cur = nxt.end()
                return cur
    return -1


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our"])
#: a body whose members are attackers, not victims: "two members of the terrorist group"
_ATTACKER_BODY = regex.compile(
    r"terror\w*|militan\w*|insurgen\w*|rebel\w*|jihad\w*|extremist\w*|gang|cell|outfit|militias?"
    r"|squad|module|group|network|organi[sz]ation|brigade|faction|underworld"
)


def _members_of_end(text: str, pos: int, until: str) -> int:
    """End of the body named after "members of" at ``pos`` (one to three words, a
    determiner first), up to and including ``until`` if given; -1 if it is not one."""
    cur, words = pos, 0
    for i in range(5):
        t = _TOKEN.match(text, cur)
        if t is None:
            break
        word = _clean(t.group("tok"))
        if i == 0 and word in _DETERMINERS:
            cur = t.end()
            continue
        if until and word == until:
            return t.end() if words else -1
        if word in _STOP or word[:1].isdigit() or word in ATTACKER_HEADS:
            break
        if _ATTACKER_BODY.fullmatch(word) or _NUMBER_TOKEN.fullmatch(word) or words == 3:
            return -1
        words += 1
        cur = t.end()
    return cur if words and not until else -1


#: a group of one word that only qualifies the head of the group after "and": "Six female
#: and three male victims", "11 navy and two Rangers personnel"
_BARE_GROUP_AND = regex.compile(
    rf"{_SP}(?:female|male|women|men|navy|army|air{_SP}force|police|(?-i:[A-Z][a-z]{{2,20}}))"
    rf"{_SP}and(?=[\s\u200b])",
    regex.IGNORECASE,
)
_INCLUDING_ASIDE = regex.compile(
    rf",?{_SP}including{_SP}[^,.;:!?()]{{1,60}}?(?:,|(?={_SP}(?:were|have|had|are)(?![\w-])))",
    regex.IGNORECASE,
)
_NUMBER_TOKEN = regex.compile(
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen"
)
_ADDABLE = frozenset({Qualifier.exact, Qualifier.at_least, Qualifier.more_than})
_BOUNDS = frozenset({Qualifier.at_least, Qualifier.more_than})
"""Qualifiers whose figures add up to a figure of the same kind (a lower bound plus a
lower bound is a lower bound; "about", "at most" and vague words do not add)."""


def _hurt_verb(verb: str) -> bool:
    """A verb of the injured, with "suffered/sustained/received (serious) injuries"."""
    return verb in _INJURED_VERBS or verb.startswith(("sustained ", "received ", "suffered "))


def _sum_field(sv: regex.Match[str]) -> str:
    """The field a sum of groups counts, from the verb that closes it: injured for a verb
    of hurt, else killed (`_harm_verb_at` admits no other verb)."""
    return "injured" if _hurt_verb(_verb_of(sv)) else "killed"


def _sum_of_two(text: str, q: Quantity) -> tuple[Quantity, Quantity, regex.Match[str]] | None:
    """ "186 children and over 100 adults were killed": two groups under one verb, summed.

    Only person nouns that are not attackers ("147 students and four militants were
    killed" are two figures), and only qualifiers that add up (exact, at least, more than).
    """
    conj_end = _group_of_people(text, q.end, "and")
    shared = conj_end < 0  # "Six female and three male victims": the head comes once, last
    if shared:
        bare = _BARE_GROUP_AND.match(text, q.end)
        conj_end = -1 if bare is None else bare.end()
    if conj_end < 0:
        return None
    one = _ONE_PERSON_AT.match(text, conj_end + 1) or _ONE_PERSON_AT.match(text, conj_end + 2)
    if shared:
        one = None  # the shared head belongs to a count: "and three male victims"
    if one is not None and text[conj_end : one.start()].isspace():
        # "six bystanders and a policeman were also wounded": seven
        q2 = Quantity(one.start(), one.end(), one.group(), Qualifier.exact, 1, 1, 1)
        head_end = one.end()
    else:
        found = next(iter_quantities(text, None, conj_end, conj_end + 4), None)
        if found is None or found.total is not None or found.increment:
            return None
        q2 = found
        head_end = _group_of_people(text, q2.end, "", others=True)
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
        # a subset before the verb: "Six women and three men including the church pastor
        # were killed", "..., including a superintendent of police, were killed"
        subset = _INCLUDING_ASIDE.match(text, head_end)
        sv = _harm_verb_at(text, subset.end()) if subset is not None else None
    if sv is None:
        return None
    quals = {q.qualifier, q2.qualifier}
    if q2.qualifier is Qualifier.vague and q.qualifier is not Qualifier.vague:
        # a vague second group adds its lower bound: "13 ... and dozens of Afghans" is at
        # least 25 (convention 20 of the second set)
        quals = {q.qualifier, Qualifier.at_least}
    if not quals <= _ADDABLE:
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
        group = _next_group(text, gap, one)
        if group is None:
            return None
        n, start, pos = group
        low += n
        starts.append(start)
        if last:
            break
        if _LIST_COMMA.match(text, pos) is None and _LIST_AND.match(text, pos) is None:
            return None
    if not last or len(starts) < 2:
        return None
    return low, starts, pos


def _next_group(text: str, gap: int, one: regex.Match[str] | None) -> tuple[int, int, int] | None:
    """(count, start, end) of a list's next group at `gap`: the one person `one` already
    matched, else an exact count of people ("three private security guards"); None when
    neither is there."""
    if one is not None:
        return 1, one.start(), one.end()
    q2 = next(iter_quantities(text, None, gap, gap + 2), None)
    if q2 is None or q2.qualifier is not Qualifier.exact or q2.increment or q2.total is not None:
        return None
    end = _group_of_people(text, q2.end, "")
    if end < 0:
        return None
    return q2.low, q2.start, end


def _harm_verb_at(text: str, pos: int) -> regex.Match[str] | None:
    """The subject's verb group at `pos` when its verb kills or hurts ("were killed",
    "suffered injuries"): what a sum of groups of people needs after the last group."""
    sv = _SUBJECT_VERB.match(text, pos)
    if sv is None:
        return None
    verb = _verb_of(sv)
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


#: the attackers named last in a list of the dead: "... and 25 rebels were killed"
_ATTACKER_GROUP = regex.compile(
    rf"{_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?(?:{'|'.join(sorted(ATTACKER_HEADS))})(?![\w-])",
    regex.IGNORECASE,
)


def _sum_before_attackers(
    text: str, q: Quantity
) -> tuple[Quantity, list[int], regex.Match[str]] | None:
    """ "Twelve civilians, 12 police officers and 25 rebels were killed": the groups of
    victims before attackers named last, summed (24); the attackers are their own figure,
    read as they were (as in "147 students and four militants were killed", two figures).
    Two groups of victims at least, exact counts only."""
    if q.qualifier is not Qualifier.exact or q.increment or q.total is not None:
        return None
    pos = _group_of_people(text, q.end, "")
    if pos < 0:
        return None
    low = q.low
    starts: list[int] = []
    for _ in range(_LIST_GROUPS):
        conj = _LIST_AND.match(text, pos)
        if conj is None and _LIST_COMMA.match(text, pos) is None:
            return None
        gap = conj.end() if conj is not None else pos + 1
        if conj is not None:
            # the last group: the attackers, then the verb that kills or hurts them all
            q2 = next(iter_quantities(text, None, gap, gap + 1), None)
            if not starts or q2 is None or q2.qualifier is not Qualifier.exact:
                return None
            att = _ATTACKER_GROUP.match(text, q2.end)
            sv = _harm_verb_at(text, att.end()) if att is not None else None
            if sv is None:
                return None
            total = Quantity(q.start, pos, text[q.start : pos], Qualifier.exact, low, low, None)
            return total, starts, sv
        one = _ONE_PERSON_AT.match(text, gap + 1) if text[gap : gap + 1].isspace() else None
        group = _next_group(text, gap, one)
        if group is None:
            return None
        n, start, pos = group
        low += n
        starts.append(start)
    return None


#: a vague group's people: "dozens of Afghans", "scores of civilians"
_OF_PEOPLE = regex.compile(
    rf"{_SP}of{_SP}(?:(?-i:[A-Z][a-z]{{2,30}}s)|(?:{'|'.join(sorted(_SUM_HEADS))}))(?![\w-])",
    regex.IGNORECASE,
)


def _object_sum_of_two(f: _Finder, text: str, q: Quantity) -> tuple[Quantity, int] | None:
    """ "killing 20 hostages and two police officers in a standoff", "killed 21 foreign
    tourists and a policeman": two groups of people as the object of one verb, summed (as
    "186 children and over 100 adults were killed"). Never attackers ("killing 20 people
    and two of the gunmen"), and only when the second group ends the clause."""
    if q.qualifier not in _ADDABLE:
        return None
    conj_end = _group_of_people(text, q.end, "and")
    if conj_end < 0:
        return None
    qual = q.qualifier
    one = _ONE_PERSON_AT.match(text, conj_end + 1) or _ONE_PERSON_AT.match(text, conj_end + 2)
    if one is not None and text[conj_end : one.start()].isspace():
        n2, q2_start, head_end = 1, one.start(), one.end()
    else:
        q2 = next(iter_quantities(text, None, conj_end, conj_end + 4), None)
        if (
            q2 is None
            or q2.total is not None
            or q2.increment
            or q2.qualifier not in _ADDABLE | {Qualifier.vague}
            or (q2.qualifier is Qualifier.vague and (q2.low < 2 or q.qualifier is Qualifier.vague))
            or (q2.qualifier in _BOUNDS and q.qualifier is not Qualifier.exact)
        ):
            return None
        # "others" ends the second group as in a subject: "killed two members of the embassy
        # staff and four others"
        head_end = _group_of_people(text, q2.end, "", others=True)
        if q2.qualifier is Qualifier.vague:
            # a vague second group adds its lower bound, as in a subject: "killing over 15
            # police officers and several civilians" is more than 18
            of_people = _OF_PEOPLE.match(text, q2.end)
            if head_end < 0 and of_people is not None:
                head_end = of_people.end()
            qual = Qualifier.more_than if q.qualifier is Qualifier.more_than else Qualifier.at_least
        elif q2.qualifier is not Qualifier.exact:
            # a bound second group makes the sum one: "killed two members of the embassy
            # staff and at least one Afghan civilian" is at least three
            qual = q2.qualifier
        if head_end < 0:
            return None
        n2, q2_start = q2.low, q2.start
    if _OBJECT_SUM_END.match(text, head_end) is None:
        return None
    f.skip.add(q2_start)
    low = q.low + n2
    high = None if q.high is None else q.high + n2
    if qual is not Qualifier.exact:
        high = None
    total = Quantity(q.start, head_end, text[q.start : head_end], qual, low, high, None)
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
    if q.qualifier not in _ADDABLE:
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
    if q.qualifier not in _ADDABLE:
        return None
    if q.increment or q.total is not None:
        return None
    m = _AND_NUMBER.match(text, pos)
    if m is None:
        return None
    return _plus_next(f, text, q, m.end(), _DIED_LATER_AFTER)


#: "a policeman", "a police officer": one person, the second group of an object sum
#: (or "their driver": one person named by whose he was, "Five Chinese engineers and their
#: Pakistani driver were killed")
_ONE_PERSON_AT = regex.compile(
    # two words before the noun: "a church security guard"
    rf"(?:an?|their){_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?{_ONE_PERSON}(?![\w-])"
    # one person by origin, ending the group: "five Afghans, two Canadians, an American and a
    # Paraguayan"
    rf"|an?{_SP}(?-i:[A-Z][a-z]{{2,20}}(?:an|ese|i))(?=[\s\u200b]{{0,3}}(?:[,.;:!?)]|\Z)"
    rf"|{_SP}(?:and|in|at|on|were|was|died|had|have)(?![\w-]))",
    regex.I,
)


#: "Siraj Raisani and 128 others": a named person and N others are N + 1 (a name is two
#: to four capitalised words)
_NAME_AND_BEFORE = regex.compile(
    r"(?<![\w’'-])(?!(?:The|A|An|This|That|These|Those|His|Her|Their|Police|Security)\b)"
    r"(?-i:[A-Z][\w’'.-]{1,30}(?:[\s\u200b]{1,3}[A-Z][\w’'.-]{1,30}){1,3})"
    rf"{_SP}(?:and|among){_SP}\Z",
)


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
