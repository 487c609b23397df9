"""Reading a clause around a figure: its noun phrase, the verb it is the subject
of, asides between dashes, relative clauses and where the clause ends."""

from __future__ import annotations

import regex

from .grammar import Quantity, iter_quantities
from .lexicon import (
    _ADJ_AFTER,
    _ARMED_WORD,
    _ATTACKER_CONTEXT,
    _DASHES,
    _DYING,
    _HAS_AUX,
    _INJURED_VERBS,
    _KILLED_VERBS,
    _PLACES,
    _SP,
    _STOP,
    _SUBJECT_VERB,
    _TOKEN,
    _WINDOW,
    ATTACKER_HEADS,
    NUMBER_WORD,
    PERSON_HEADS,
    _clean,
    _verb_of,
)

_PARTITIVE = frozenset({"members", "member", "families", "relatives", "supporters"})
_RELATIVE_BEFORE = regex.compile(
    rf"(?:(?<![\w-])(?P<np>the(?:{_SP}[\w’'-]+){{1,3}}),?{_SP})?(?<![\w-])(?P<rel>that|which|who){_SP}\Z",
    regex.IGNORECASE,
)
_CLAUSE_END = regex.compile(r"[,;:.!?—–]|\s[-–—]{1,2}\s|\n")


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


_SCAN_TOKENS = 7
_SECOND_GROUP_TOKENS = 4
_PARTICIPLES = frozenset(["killed", "injured", "wounded", "martyred", "slain"])
_PASSIVE = regex.compile(rf"{_SP}(?:were|was|are|is|had|have|has)\b", regex.IGNORECASE)
_SCAN_STOP = _STOP - {"including"}


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
                verb = _verb_of(sv)
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
_FROM_PLACES = regex.compile(
    rf"{_SP}(?:belonging{_SP}to|from|of|hailing{_SP}from){_SP}(?:[0-9]{{1,3}}|[a-z]{{3,9}})"
    rf"{_SP}(?:different{_SP})?(?:{_PLACES})(?![\w-])",
    regex.IGNORECASE,
)
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
            verb = _verb_of(sv)
            return sv if verb in _ARREST_VERBS else None
        t = _TOKEN.match(text, cur)
        if t is None or _clean(t.group("tok")) in _CLAUSE_WORDS:
            return None
        cur = t.end()
    return None


#: where a clause opens, just before a figure: the start, a sentence break, a quote
_CLAUSE_OPEN = regex.compile(
    r"(?:\A|[.;:!?\n“\"]|(?<![\w-])(?:that|said|says|when|as|after))[\s\u200b]{0,3}\Z"
)
#: a count in words, which starts a subject of its own
_CARDINAL = regex.compile(
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred"
)


def _subject_verb(
    text: str, pos: int, skip: set[int] | None = None, start: int = -1
) -> tuple[regex.Match[str] | None, list[str], bool]:
    """The verb a figure is the subject of, a few words on: "60 police cadets were killed",
    "59 people, mostly police officials, were martyred", "the 40 personnel who were killed",
    "the 40 CRPF personnel, killed in", "two more injured persons succumbed".

    Returns the verb match, the words passed over before any "and" (to find the head
    noun: "147 students and four militants were killed" are students), and whether a
    relative clause naming what the subject did was crossed ("Three terrorists who
    killed seven people ... shot dead": they were the attackers). ``start``, where the
    figure starts, if known: a group that opens its clause may be followed by one more.
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
                _PASSIVE.match(text, t.end()) or _verb_of(after) in _INTRANSITIVE
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
            # after attackers, "a" opens a second group of one as a count does: "Four suicide
            # bombers and a civilian were killed" (victims are summed before this is reached)
            one_more = (
                nxt_word in {"a", "an"}
                and any(w in ATTACKER_HEADS for w in words)
                and start >= 0
                and _CLAUSE_OPEN.search(text, max(0, start - 40), start) is not None
            )
            if NUMBER_WORD.fullmatch(nxt_word) is None and not one_more:
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
        if heads_open and words and _CARDINAL.fullmatch(word):
            break  # another count starts: "reports of multiple shooters only one suspect"
        if heads_open:
            words.append(word)
        cur = t.end()
        if word == "of" and words[-2:-1] and words[-1] == "of" and words[-2] in PERSON_HEADS:
            org = _ORG_AFTER_OF.match(text, cur)
            if org is not None:  # "12 jawans of the Central Reserve Police Force (CRPF)"
                cur = org.end()
    return None, words, False


#: verbs of killing that take an object in the active voice
_TRANSITIVE_KILL = frozenset(
    [
        "killed",
        "shot dead",
        "shot and killed",
        "murdered",
        "massacred",
        "slaughtered",
        "beheaded",
        "assassinated",
        "butchered",
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
    verb = _verb_of(sv)
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
    if _ATTACKERS_ACT.search(text, found[-1].end(), hi) is not None:
        return False  # "Suicide bombers raid Sri Lanka's temple city; 11 dead": their victims
    return _ATTACK_NOUN.search(text, found[-1].end(), hi) is None


#: the attackers named as the doers of their attack: a figure after it counts the victims
_ATTACKERS_ACT = regex.compile(
    r"\b(?:raid(?:s|ed)?|storm(?:s|ed)?|attack(?:s|ed)|struck|strikes?|hits?|opens?\s{1,3}fire"
    r"|opened\s{1,3}fire|target(?:s|ed)|leaving|left"
    # or set off their bomb: "Suspected Maoist rebels set off a landmine under a bus, and 12
    # were killed", "militants ambushed a convoy; 12 were killed"
    r"|set\s{1,3}off|planted|ambush(?:es|ed)?)\b",
    regex.IGNORECASE,
)


_ONE_SHOOTER = regex.compile(r"\b(?:shooter|perpetrator)\Z", regex.IGNORECASE)


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
