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

from dataclasses import replace

import regex

from .clauses import (
    _active_with_object,
    _attackers_in_context,
    _clause_end,
    _extend_relative,
    _is_one_noun,
    _named_count,
    _noun_phrase,
    _subject_verb,
)
from .conventions import Conventions
from .finder import Statement, _Finder
from .grammar import Qualifier, Quantity, iter_quantities, total_quantity
from .lexicon import (
    _ADJ_AFTER,
    _ADVERB,
    _ARMED_WORD,
    _ARREST_VERB,
    _ATTACKER_CONTEXT,
    _CAPTURE_VERB,
    _DASHES,
    _DEATH_WORDS,
    _HAS_AUX,
    _INJURE_VERB,
    _INJURED_VERBS,
    _KILL_VERB,
    _KILLED_VERBS,
    _LEAVE_VERB,
    _LOSE_VERB,
    _OBJECT_SUM_END,
    _OTHERS_AFTER,
    _PLACES,
    _SP,
    _SUM_HEADS,
    _TO_DEATH_VERB,
    _TOKEN,
    _WINDOW,
    ATTACKER_HEADS,
    NUMBER_WORD,
    PERSON_HEADS,
    _clean,
    _kind,
    _norm_ws,
    _verb_of,
)
from .singles import _add_single, _singles
from .sums import (
    _bodies_elsewhere,
    _died_later,
    _list_of_groups,
    _named_and_others,
    _object_sum_of_two,
    _sum_before_attackers,
    _sum_field,
    _sum_of_list,
    _sum_of_two,
)

__all__ = ["Statement", "extract_statements"]
#: attacker nouns that name the attackers of an incident even after "killed" ("killed three
#: assailants", "killed 20 hostage-takers"); "killed four LeJ militants" stays ``killed``
#: (a raid on militants is its own incident)
ATTACKER_KILLED_HEADS = frozenset(
    ["attackers", "assailants", "gunmen", "terrorists", "hostage-takers", "bombers", "hijackers"]
)
_LIVES_VERB = r"claimed|claiming|claims|claim|took|taking|takes|take"
#: the object's words (at most three, none a conjunction or preposition), then "to death"
_TO_DEATH_AFTER = regex.compile(
    rf"(?:{_SP}(?!(?:and|or|but|in|at|on|with|to)(?![\w-]))[\w’'-]{{1,30}}){{0,3}}?{_SP}to{_SP}"
    rf"death(?![\w-])",
    regex.IGNORECASE,
)

_VERB_BEFORE = regex.compile(
    rf"(?:(?<![\w-])(?P<adv>{_ADVERB}){_SP})?(?<![\w-])(?P<verb>{_KILL_VERB}|{_INJURE_VERB}"
    rf"|{_ARREST_VERB}|{_CAPTURE_VERB}|{_LEAVE_VERB}|{_LIVES_VERB}|{_LOSE_VERB}"
    rf"|{_TO_DEATH_VERB})"
    # the arrest named as a noun: "led to the arrest of three men", "the arrests of two people"
    rf"(?P<of>(?<=(?<![\w-])(?:arrests?|capture)){_SP}of)?"
    rf"(?P<all>{_SP}(?:all(?:{_SP}the)?|the))?{_SP}"
    # a quoted figure: "Gunmen kill ‘at least 27’"
    rf"[‘“]?\Z",
    regex.IGNORECASE,
)
#: an attack that claims a bare figure: "Maiduguri market attack claims 30"
_ATTACK_CLAIMS_BEFORE = regex.compile(
    rf"(?<![\w-])(?:attacks?|blasts?|bombings?|explosions?|shootings?|violence|ambush|raid)"
    rf"{_SP}(?:claims|claimed|claim){_SP}\Z",
    regex.IGNORECASE,
)
_WITH_INJURIES_AFTER = regex.compile(
    rf"{_SP}with{_SP}(?:[\w-]{{1,30}}{_SP}){{0,2}}?(?:injuries|wounds)(?![\w-])", regex.IGNORECASE
)
#: "sent 33 people to the hospital": the hurt, sent there by the attack
_SENT_BEFORE = regex.compile(rf"(?<![\w-])(?:sent|sending|sends){_SP}\Z", regex.IGNORECASE)
_TO_HOSPITAL_AFTER = regex.compile(
    rf"{_SP}to{_SP}(?:the{_SP}|a{_SP}|area{_SP}|local{_SP})?hospitals?(?![\w-])", regex.IGNORECASE
)
#: those who fight attackers, named before a verb of killing
_FORCES_BEFORE = regex.compile(
    r"\b(?:security\s{1,3}forces|police|troops|soldiers|commandos|army|forces|officers)\b",
    regex.IGNORECASE,
)
_BY_BEFORE = regex.compile(rf"(?<![\w-])by{_SP}\Z", regex.IGNORECASE)
#: verbs of harm also said of animals or things ("slaughtered 20 goats", "hurt 20
#: businesses"): they count people only with a person noun
_PEOPLE_ONLY_VERB = regex.compile(r"slaughter|butcher|behead|execut|hurt", regex.IGNORECASE)
#: attackers named as such, caught: counted as attackers captured, not as arrests
_CAUGHT_HEADS = ATTACKER_KILLED_HEADS | {"militants", "insurgents", "jihadists", "rebels"}
_SUSPECTED = regex.compile(r"\b(?:suspected|alleged|would-be|possible)\b", regex.IGNORECASE)
#: the agent of an attack after its verb: "were carried out by three suicide bombers who"
_AGENT_BY_BEFORE = regex.compile(
    rf"(?<![\w-])(?:carried{_SP}out|conducted|executed|perpetrated|committed|attacked|stormed"
    rf"|targeted|launched){_SP}by{_SP}\Z",
    regex.IGNORECASE,
)
_WHO = regex.compile(r"\bwho\b", regex.IGNORECASE)
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
_ATTACK_VERB_AFTER = regex.compile(
    rf"{_SP}(?:who{_SP})?(?:stormed|attacked|opened{_SP}fire|raided|struck|carried{_SP}out"
    rf"|entered|targeted|blew|ambushed|rained{_SP}bullets)(?![\w-])",
    regex.IGNORECASE,
)
_ARREST_CONTEXT = regex.compile(
    r"\b(?:arrest\w*|detain\w*|detention|custody|picked up|rounded up|captured)\b",
    regex.IGNORECASE,
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
    "transported to",
    "airlifted to",
    "sustained",
    "received",
    "suffered",
    # "at least 35 people were hospitalized": the hurt, never an arrest
    "hospitalised",
    "hospitalized",
    "survived with",
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
    "transported to",
    "airlifted to",
)
_BLEW_VERBS = frozenset(
    [
        "blew themselves up",
        "blew up themselves",
        "detonated themselves",
        "exploded themselves",
        # one attacker: "One attacker blew himself up"
        "blew himself up",
        "blew herself up",
        "blew up himself",
        "blew up herself",
        "detonated himself",
        "detonated herself",
        "exploded himself",
        "exploded herself",
    ]
)
#: "the death of 40 jawans", "the martyrdom of 28 people", "injuries to over 150 people"
_NOUN_OF_BEFORE = regex.compile(
    # never "saved the lives of 20 people"
    rf"(?<!(?<![\w-])(?:sav(?:ed|ing|es|e)|spared|sparing){_SP}(?:the{_SP})?)"
    rf"(?<![\w-])(?P<noun>deaths?|martyrdom|shahadat|lives|killings?|massacre|injuries|bodies"
    # "resulted in the loss of three lives", "mourning the loss of nine"
    rf"|(?<=the{_SP})loss)"
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
_OF_THE_HURT = regex.compile(
    rf"{_SP}of{_SP}(?:(?:the|those){_SP})?(?:injured|wounded|injuries)(?![\w-])", regex.I
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
_ATTACKERS_AND_BEFORE = regex.compile(
    rf"(?<![\w-])(?:attackers|gunmen|assailants|terrorists|militants|bombers|shooters|jihadists"
    rf"|hijackers|insurgents|rebels|hostage-takers){_SP}and{_SP}\Z",
    regex.IGNORECASE,
)
#: a toll foreseen, not reported (convention 41A: feared deaths are no count): "The death
#: toll is expected to rise to 23", "the toll could climb to 50"
_FORECAST_BEFORE = regex.compile(
    rf"(?<![\w-])(?:could|may|might|would|will|(?:is|was|are|were){_SP}(?:expected|likely"
    rf"|feared|set|poised){_SP}to)(?:{_SP}(?:further|even))?{_SP}(?:rise|climb|increase|go{_SP}up"
    rf"|mount|jump|soar)(?:{_SP}further)?{_SP}to{_SP}\Z",
    regex.IGNORECASE,
)
#: attackers who got away are no count of an attack's attackers (the annotators' trap
#: sentences): "Two terrorists are believed to have escaped", "Two militants managed to
#: escape during the gunfight"
_ESCAPED_AFTER = regex.compile(
    rf"{_SP}(?:(?:are|were|is|was){_SP}(?:believed|thought|said|reported|understood){_SP}to"
    rf"{_SP}have{_SP}|(?:have|had|has){_SP}(?:also{_SP})?|managed{_SP}to{_SP}|also{_SP})?"
    rf"(?:escaped|fled|escape|flee)(?![\w-])",
    regex.IGNORECASE,
)
_DEATH_OF_NOUNS = frozenset(["bodies", "death", "deaths", "killing", "killings"])
_DEATHS_AFTER = regex.compile(rf"{_SP}(?:deaths|fatalities)(?![\w-])", regex.IGNORECASE)
#: "36 people have lost their lives along with three suicide bombers": the attackers died
#: with them (how many attackers there were is not stated by this)
_ALONG_WITH_BEFORE = regex.compile(rf"(?:along|together){_SP}with{_SP}(?:the{_SP})?\Z", regex.I)
_DIED_WITH_BEFORE = regex.compile(
    rf"(?<![\w-])(?:died|killed|dead|perished|lost{_SP}their{_SP}li(?:ves|fe)|martyred)"
    # a place or time may come between: "died at the churches in Surabaya along with the six
    # attackers" (a few words, no clause break)
    rf"(?:{_SP}[^\s,.;:!?]{{1,30}}){{0,6}}?"
    # or after a comma: "were reported killed in gunbattles, along with 61 insurgents"
    rf",?{_SP}(?:along|together){_SP}with{_SP}(?:the{_SP})?\Z",
    regex.IGNORECASE,
)
#: "All but two of the people killed": the complement describes the others, no count
_ALL_BUT_BEFORE = regex.compile(rf"(?<![\w-])all{_SP}but{_SP}\Z", regex.IGNORECASE)
#: the dead named before a list of them: "The dead included", "The fatalities included", "The
#: victims of the shooting were"
_DEAD_WERE_BEFORE = regex.compile(
    rf"(?<![\w-])the{_SP}(?:dead|fatalities|deceased|victims)"
    rf"(?:{_SP}(?:of|in){_SP}(?:the|this|that){_SP}[\w-]{{1,30}})?"
    rf"{_SP}(?P<v>included|include|were){_SP}\Z",
    regex.IGNORECASE,
)
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
_ALL_THE_BEFORE = regex.compile(rf"(?<![\w-])(?:all|the){_SP}\Z", regex.IGNORECASE)
_RISE_HINT = regex.compile(r"(?:to|se|sen|ses|ing|ed|ps|bs|up|ts|es|rs)\s{0,3}\Z")
_INCLUDING_BEFORE = regex.compile(
    rf"(?<![\w-])(?:including|includes|among{_SP}them|among{_SP}whom|of{_SP}whom)"
    # a list of subsets, each with its figure: "including 43 Pakistan citizens, 10 Indian
    # citizens and 15 unidentified people were killed"
    rf"(?:{_SP}(?:[0-9][0-9,]{{0,6}}|(?:an?|{NUMBER_WORD.pattern})(?![\w-]))"
    rf"(?:(?!(?<![\w-])(?:were|was|are|is|have|has|had|been)(?![\w-]))"
    rf"[^,;:.!?]){{1,40}},){{0,4}}"
    # the subset runs to "and" only if no verb closes it first: in "including 132
    # students ... were martyred and many others injured" the second figure is no subset
    # ("leaving five, including three ... personnel, dead and 30 others injured": "dead"
    # closes it too)
    rf"(?:{_SP}(?:(?!(?<![\w-])(?:were|was|are|is|have|has|had|been|dead|killed|died|injured"
    rf"|wounded)(?![\w-]))[^,;:.!?])"
    rf"{{0,60}}?{_SP}and)?{_SP}\Z",
    regex.IGNORECASE,
)
_BLEW_THEMSELVES = regex.compile(
    r"\b(?:blew|blowing|blow)\s{1,3}(?:themselves\s{1,3}up|up\s{1,3}themselves)"
    r"|\bdetonated\s{1,3}themselves\b",
    regex.IGNORECASE,
)
#: the verbs the bare vague "some" was read with before issue 13 ("some died in the
#: standoff"); "some were martyred" about fighters abroad is not a toll
_SOME_VERBS = frozenset(["killed", "dead", "died", "slain", "shot dead", "injured", "wounded"])
_INCREMENT_KEPT = frozenset(["succumbed", "died", "die", "dies"])
_LATER_WORD = regex.compile(r"(?<![\w-])(?:later|subsequently)(?![\w-])", regex.IGNORECASE)
_LATER_AFTER = regex.compile(rf"{_SP}(?:later|subsequently)(?![\w-])", regex.IGNORECASE)
_DEAD_ATTACKERS_AFTER = regex.compile(
    rf"{_SP}(?:dead|deceased|slain|killed){_SP}(?:(?:suicide|armed|suspected|alleged|male|female"
    rf"|foreign){_SP})?(?:suspects|attackers|gunmen|militants|terrorists|assailants|bombers|shooters"
    rf"|hijackers|jihadists|insurgents)(?![\w'’-])",
    regex.IGNORECASE,
)
#: a count of places is no count of people: "Tourists from 18 countries were killed"
_PLACES_AFTER = regex.compile(rf"{_SP}(?:different{_SP})?(?:{_PLACES})(?![\w'’-])", regex.I)


#: a figure right before a participle: "35 killed several Dozen injured"
_FIGURE_BEFORE = regex.compile(
    rf"(?<![\w-])(?:[0-9][0-9,]*|{NUMBER_WORD.pattern}){_SP}\Z", regex.IGNORECASE
)


#: a toll that passed a figure: "the death toll crossed 25", "topped 20 dead"
_PASSED_BEFORE = regex.compile(
    rf"(?<![\w-])(?:crossed|crosses|topped|tops|surpassed|surpasses|exceeded|exceeds)"
    rf"(?:{_SP}the{_SP}(?:mark{_SP}of|figure{_SP}of))?{_SP}\Z",
    regex.IGNORECASE,
)
#: a toll that moved up to a figure: "reached up to 37", "revised the death toll up to 16"
_MOVED_UP_TO_BEFORE = regex.compile(
    rf"(?<![\w-])(?:reached|reaches|rose|risen|rises|climbed|climbs|increased|revised|raised"
    rf"|jumped|went|gone|goes|shot)(?:{_SP}(?:the{_SP})?(?:death{_SP})?toll)?{_SP}\Z",
    regex.IGNORECASE,
)


def _toll_moved(q: Quantity, field: str, before: str) -> Quantity:
    """A count of the dead or hurt that a toll passed is more than it ("crossed 25": 26 or
    more); "up to" after a toll's rise is where it rose to ("reached up to 37": 37), not a
    bound."""
    if field not in {"killed", "injured"} or q.increment:
        return q
    if q.qualifier is Qualifier.exact and q.number is not None and _PASSED_BEFORE.search(before):
        return replace(q, qualifier=Qualifier.more_than, low=q.number + 1, high=None)
    if (
        q.qualifier is Qualifier.at_most
        and q.number is not None
        and q.text.lower().startswith("up")
        and _MOVED_UP_TO_BEFORE.search(before)
    ):
        return replace(q, qualifier=Qualifier.exact, low=q.number, high=q.number)
    return q


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
    rf",?{_SP}(?:have|has|had|were|was|are|is)(?![\w-])"
    # the arrested, as the dead: "One of the two men arrested was not far from the scene"
    rf"|(?:{_SP}(?:people|persons|men|women|suspects))?{_SP}(?P<verb>arrested|detained)"
    rf"(?:{_SP}(?:in|at|on|during){_SP}(?:the|this|that|these){_SP}[\w-]{{1,30}})?"
    rf",?{_SP}(?:have|has|had|were|was|are|is)(?![\w-])",
    regex.IGNORECASE,
)
#: people held by others, never arrested: "freed seven hostages held by militants"
_HELD_CAPTIVE = frozenset({"hostages", "hostage", "captives", "captive"})
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


#: "15 of the injured were critical" (a subset of the injured), "two of the injured later
#: died" (an addition to the dead); never a verb "injured"
_OF_THE_HURT_AFTER = regex.compile(
    # "Two of those injured were transferred to ..." as "15 of the injured were critical"
    rf"{_SP}of{_SP}(?:the|those){_SP}(?:(?:critically|seriously|badly|severely|gravely){_SP})?"
    rf"(?:injured|wounded)(?![\w-])"
    rf"(?:{_SP}(?:persons|people|victims))?"
    rf"(?:(?:{_SP}(?:later|also|eventually|subsequently|have|has|had)){{0,2}}"
    rf"{_SP}(?P<verb>died|succumbed|passed{_SP}away)(?![\w-]))?",
    regex.IGNORECASE,
)


_OF_THE_DEAD_AFTER = regex.compile(
    rf"{_SP}of{_SP}(?:the{_SP}(?:dead|deceased)|those{_SP}(?:dead|killed))(?![\w-])",
    regex.IGNORECASE,
)


#: a bound written after the clause: "Serial bomb blasts in Hyderabad, 11 dead at least"
_AT_LEAST_AFTER = regex.compile(
    rf",?{_SP}at{_SP}least(?=[\s\u200b]{{0,3}}(?:[,.;:!?)\u2013\u2014]|\Z))", regex.IGNORECASE
)


_SINGULAR_AFTER_COMMA = regex.compile(rf",{_SP}(?:was|is|has|had)(?![\w-])", regex.IGNORECASE)


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
        qq = _adjusted(f, _toll_moved(q, field, before), field, s0, verb)
        post = _AT_LEAST_AFTER.match(text, end) if "least" in text[end : end + 14] else None
        if post is not None and qq.qualifier is Qualifier.exact and not qq.increment:
            # "11 dead at least": the bound after the clause (convention 17 of the second set)
            qq = replace(qq, qualifier=Qualifier.at_least, high=None)
            end = post.end()
        f.add(field, qq, start, end)
        return True

    if _is_one_noun(q):
        arrest = _VERB_BEFORE.search(before) if "arrest" in before[-14:].lower() else None
        if arrest is not None and _kind(arrest.group("verb")) == "arrest":
            # "arrested a suspected bomber", "the arrest of a suspected militant": one arrest,
            # not a count of the attackers (as "A gunman was arrested")
            return add("arrested", base + arrest.start(), q.end)
        return add("attackers", q.start, q.end)  # "a suicide bomber"
    if (
        q.text.isdigit()
        and before.endswith(", ")
        and _SINGULAR_AFTER_COMMA.match(text, q.end) is not None
    ):
        return False  # an age: "Kodiak Yazzie, 36, was killed" (a count takes "were")
    if _PLACES_AFTER.match(text, q.end):
        return False  # "from 18 countries": places, not people
    if "to" in before[-16:].lower() and _FORECAST_BEFORE.search(before) is not None:
        return False  # "The death toll is expected to rise to 23": a forecast, no count
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
    dead_were = (
        _DEAD_WERE_BEFORE.search(before)
        if any(w in before[-40:].lower() for w in ("dead", "fatalit", "victims", "deceased"))
        else None
    )
    if dead_were is not None and not derived_total and not q.increment and q.total is None:
        # the dead named as a list: "The dead included five Afghans, two Canadians, an
        # American and a Paraguayan" (nine), "The victims of the shooting were six females
        # and three males"; one group after "included" may be a subset (convention 1), two
        # groups only after "were"
        groups = _list_of_groups(text, q)
        if groups is not None and _OBJECT_SUM_END.match(text, groups[2]) is not None:
            low, starts, end = groups
            f.skip.update(starts)
            total = Quantity(q.start, end, text[q.start : end], Qualifier.exact, low, low, None)
            f.add("killed", total, base + dead_were.start(), end)
            return True
        obj = _object_sum_of_two(f, text, q) if dead_were.group("v").lower() == "were" else None
        if obj is not None:
            total, end = obj
            f.add("killed", total, base + dead_were.start(), end)
            return True
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
        if vb is not None and vb.group("of") is not None and head not in PERSON_HEADS:
            vb = None  # "the arrest of 2 men" counts people; "arrest of 15 days" does not
        if (
            vb is not None
            and _PEOPLE_ONLY_VERB.match(vb.group("verb"))
            and head not in PERSON_HEADS
            and _OBJECT_SUM_END.match(text, q.end) is None
        ):
            vb = None  # "slaughtered 29 people", never "slaughtered 20 goats"
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
            if (
                them is None
                and kind == "kill"
                and head is None
                and not q.increment
                and _FORCES_BEFORE.search(text, s0, vb.start() + base) is not None
            ):
                # "security forces surrounded the militants and killed 13 of them"
                them = _OF_THEM_AFTER.match(text, q.end)
                if them is not None and _ATTACKER_CONTEXT.search(text, s0, q.start) is None:
                    them = None
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
                if field == "attackers_captured" and (
                    vb.group("of") is not None or _SUSPECTED.search(text, q.end, np_end) is not None
                ):
                    # "arrested two would-be suicide bombers", "reported the arrest of 26
                    # terrorists": an arrest (made later, of people named what they were
                    # to be or are held to be), as "two suspected militants were arrested"
                    field = "arrested"
            elif kind == "capture":
                field = "attackers_captured" if head in ATTACKER_HEADS else "arrested"
                if vb.group("of") is not None and _SUSPECTED.search(text, q.end, np_end):
                    field = "arrested"  # "the capture of three suspected militants"
                if head is None and _after_attackers_killed(f, s0, q.start):
                    field = "attackers_captured"  # "shot four of the attackers, captured one"
            elif kind == "leave":
                if head in {"dead", "injured", "wounded"}:
                    field = "killed" if head == "dead" else "injured"
                else:
                    hurt_with = _WITH_INJURIES_AFTER.match(text, np_end)
                    if hurt_with is not None and head in PERSON_HEADS:
                        # "leaving 12 people with burn injuries": the injured
                        return add("injured", start, hurt_with.end())
                    adj = _ADJ_AFTER.match(text, np_end)
                    if adj is None and text[np_end : np_end + 1] == ",":
                        close = text.find(",", np_end + 1, np_end + 80)
                        adj = _ADJ_AFTER.match(text, close + 1) if close > 0 else None
                    if adj is not None:
                        dead = adj.group(1).lower() in {"dead", "martyred"}
                        field = "killed" if dead else "injured"  # "left 70 people martyred"
                        end = adj.end()
                        if dead and head in ATTACKER_HEADS and not q.increment:
                            # "left all four attackers dead": the attackers killed, and with
                            # "all" how many there were
                            field = "attackers_killed"
                            if "all" in (vb.group("all") or "").lower():
                                f.add("attackers", q, q.start, np_end)
            elif kind == "lives" and head in {"lives", "victims"}:  # "claimed 32 victims"
                field = "killed"
            elif (
                kind == "lives"
                and head is None
                and _OBJECT_SUM_END.match(text, q.end) is not None
                and _ATTACK_CLAIMS_BEFORE.search(before) is not None
            ):
                field = "killed"  # a headline's "Maiduguri market attack claims 30"
            elif kind == "lose" and head in _LOST_HEADS and vb.group("all") is None:
                field = "killed"  # "lost 19 of its men", "lost 40 soldiers"
            elif kind == "to_death":
                to_death = _TO_DEATH_AFTER.match(text, q.end)
                if to_death is not None:  # "shot 10 people to death": the object died
                    field = "attackers_killed" if head in ATTACKER_KILLED_HEADS else "killed"
                    end = to_death.end()
            # a group without a known head may still be people by origin ("five Afghans")
            if (
                field in {"killed", "injured"}
                and (head in _SUM_HEADS or head is None)
                and not q.increment
            ):
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
            if what == "toll" and _OF_THE_HURT.match(toll2.group("mid")):
                field = "injured"  # "The toll of those injured has now increased to 33"
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
            if head in ATTACKER_HEADS and noun.group("noun").lower() in _DEATH_OF_NOUNS:
                # "Bodies of three militants have been recovered", "the death of two
                # terrorists": the attackers killed, never victims
                field = "attackers_killed"
            obj = (
                _object_sum_of_two(f, text, q)
                if head in _SUM_HEADS and not q.increment and q.total is None
                else None
            )
            if obj is not None:
                # "claimed the lives of six children and a police officer": seven, as the
                # object of a verb of killing is summed
                total, end = obj
                f.add(field, total, base + noun.start(), end)
                return True
            return add(field, base + noun.start(), np_end)

        # a group without a known head may still be people by origin ("Three Britons and")
        people = head in _SUM_HEADS or head is None
        many = _sum_of_list(text, q) if people else None
        if many is not None:
            total, starts, sv2 = many
            f.skip.update(starts)  # the later counts are part of the sum
            f.add(_sum_field(sv2), total, q.start, sv2.end())
            return True
        two = _sum_of_two(text, q) if people else None
        if two is not None:
            total, q2, sv2 = two
            f.skip.add(q2.start)  # the second count is part of the sum
            f.add(_sum_field(sv2), total, q.start, sv2.end())
            return True
        mixed = _sum_before_attackers(text, q) if people else None
        if mixed is not None:
            # "Twelve civilians, 12 police officers and 25 rebels were killed": the victims
            # summed; the attackers' count is read on its own
            total, starts, sv2 = mixed
            f.skip.update(starts)
            f.add(_sum_field(sv2), total, q.start, total.end)
            return True

        y_named = _Y_NAMED_AFTER.match(text, q.end) if q.total is not None else None
        tq = total_quantity(text, q) if y_named is not None else None
        if y_named is not None and tq is not None:
            # "13 of the 15 people killed have been identified": the toll is the Y, and the X
            # a subset (convention 21 of the second set)
            verb = y_named.group("verb").lower()
            field = "injured" if verb in {"injured", "wounded"} else "killed"
            if verb in {"arrested", "detained"}:
                field = "arrested"
            th = _THE_BEFORE.search(text, max(s0, tq.start - 8), tq.start)
            f.add(field, tq, th.start() if th is not None else tq.start, y_named.end("verb"))
            return True
        sv, words, relative = _subject_verb(text, q.end, f.skip, q.start)
        if sv is not None and _active_with_object(text, sv):
            sv = None  # "three gunmen shot dead dozens of people": they did the killing
        if sv is not None:
            verb = _verb_of(sv)
            heads = [w for w in words if w in PERSON_HEADS]
            if q.text.lower() == "some" and verb not in _SOME_VERBS:
                return False
            if verb == "held" and not heads:
                return False  # "Three candlelit vigils were held"
            if verb == "held" and _HELD_CAPTIVE & set(heads):
                return False  # "freed seven hostages held by militants": captives, not arrests
            attackerish = any(w in ATTACKER_HEADS for w in heads) or (
                not heads
                and _attackers_in_context(text, max(s0, q.start - _WINDOW), q.start, q.low)
                # the group after the attackers' is their victims: "Four attackers and one
                # Christian were killed" (convention 55A)
                and _ATTACKERS_AND_BEFORE.search(before) is None
            )
            if verb in _BLEW_VERBS:
                if verb.endswith(("himself", "herself", "himself up", "herself up")) and not (
                    attackerish
                ):
                    return False  # "one blew himself up" with no attackers named before
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
            elif verb in {"captured", "caught"} and _ON_CAMERA_AFTER.match(text, sv.end()):
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
                any(w in _CAUGHT_HEADS for w in heads)
                and q.qualifier is not Qualifier.vague  # "a number of terrorists ... arrested"
                and _SUSPECTED.search(text, q.start, sv.start("verb")) is None
            ):
                # "13 gunmen were arrested in the operation": the attackers themselves,
                # caught; "two suspected militants were arrested" stays an arrest
                field = "attackers_captured"
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
            if (
                both
                and not relative
                and _AGENT_BY_BEFORE.search(before) is not None
                and _WHO.search(text, q.end, sv.start()) is not None
            ):
                # the attack's agents, then their death: "were carried out by three suicide
                # bombers who died instantly" (the attackers, and the attackers killed)
                relative = True
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

    sent = (
        _SENT_BEFORE.search(before)
        if not derived_total and head in PERSON_HEADS and "sen" in before[-8:].lower()
        else None
    )
    if sent is not None:
        to_hospital = _TO_HOSPITAL_AFTER.match(text, np_end)
        if to_hospital is not None:  # "sent 33 people to the hospital"
            return add("injured", base + sent.start(), to_hospital.end())
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
    if (
        q.qualifier is Qualifier.vague
        and head in ATTACKER_HEADS
        and not derived_total
        and not q.increment
        and "by" in before[-4:].lower()
        and _BY_BEFORE.search(before) is not None
    ):
        # "Killed By Hundreds Of Maoists", "attacked by dozens of militants": the attackers,
        # vaguely counted (a vague word names attackers only as the doers of a passive verb)
        return add("attackers", q.start, np_end)
    if attacker_np and (q.qualifier is not Qualifier.vague or few) and not q.increment:
        th = _THE_BEFORE.search(before)
        if derived_total and th is None and not _ATTACK_VERB_AFTER.match(text, np_end):
            return False  # "Seven of the eight terrorists": the eight only as "the eight"
        start = base + th.start() if th is not None else q.start
        died_with = _DIED_WITH_BEFORE.search(before) if "with" in before[-10:] else None
        if died_with is not None and not derived_total:
            lead = _ALONG_WITH_BEFORE.search(before)
            w0 = base + (lead.start() if lead is not None else len(before))
            f.add("attackers_killed", q, w0, np_end)  # "died along with three bombers"
            if th is not None:
                # "died ... along with the six attackers": all of them, so also how many
                # there were (as "all four attackers were killed")
                f.add("attackers", q, start, np_end)
            return True
        if _ESCAPED_AFTER.match(text, np_end) is not None:
            return False  # "Two terrorists are believed to have escaped": those who got away
        deaths = _DEATHS_AFTER.match(text, np_end) if not derived_total else None
        if deaths is not None:
            # "resulted in 12 militant deaths": the attackers killed
            f.add("attackers_killed", q, start, deaths.end())
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


_OPEN_QUOTES = frozenset('“"‘')
_CLOSE_QUOTES = frozenset('”"’')


def _quoted(text: str, q: Quantity) -> Quantity:
    """A figure quoted as its source gave it takes its closing quote, so that the words
    after it are read: “at least 50” people were killed (round 5 read the quoted figure
    after its verb, "Gunmen kill ‘at least 27’")."""
    if (
        q.start > 0
        and q.end < len(text)
        and not _is_one_noun(q)  # "a ‘suicide bomber’" is read as it is
        and text[q.start - 1] in _OPEN_QUOTES
        and text[q.end] in _CLOSE_QUOTES
        and text[q.end + 1 : q.end + 2].isspace()
    ):
        return replace(q, end=q.end + 1, text=text[q.start : q.end + 1])
    return q


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
        q = _named_and_others(text, _quoted(text, q))
        _statement_for(f, q, derived_total=False)
        tq = total_quantity(text, q)
        if tq is not None:
            _statement_for(f, tq, derived_total=True)
    for key in pending:
        _add_single(f, singles[key])
    f.out = [s for s in f.out if not _over_years(text, s) and not _in_raids(text, s)]
    f.out.sort(key=lambda s: (s.start, s.end))
    return f.out


#: a toll over years, not of an attack: "has left more than 11,500 people dead since 1996",
#: "claimed some 35,000 lives since 2006", "more than 20,000 deaths during its nearly
#: decade-old insurgency", "3,500 terrorists have been killed during the course of Operation
#: Zarb-i-Azb" (conventions 36 and 47D: deaths of an insurgency or a campaign are not
#: recorded); only in the statement's own clause, right after it
_OVER_YEARS_AFTER = regex.compile(
    rf"[^,.;:!?()\n\u2013\u2014]{{0,50}}?(?<![\w-])(?:since{_SP}(?:(?:19|20)[0-9]{{2}}(?![\w-])"
    rf"|(?:the|its){_SP}(?:start|beginning|inception))"
    rf"|(?:in|over|during){_SP}the{_SP}(?:past|last){_SP}(?:[\w-]{{1,12}}{_SP})?"
    rf"(?:years|decades?)(?![\w-])"
    rf"|(?:in|during){_SP}(?:its|the|their){_SP}(?:[\w-]{{1,20}}{_SP}){{0,3}}?insurgency"
    rf"|(?:in|during)(?:{_SP}the{_SP}course{_SP}of)?{_SP}(?-i:Operation{_SP}[A-Z])"
    rf"|in{_SP}the{_SP}military{_SP}(?:drive|offensive|campaign|operations)"
    # a campaign of operations, not an attack: "51 Maoists were killed in police operations"
    rf"|(?:in|during){_SP}(?:(?:police|military|security|army|joint|several|separate|various"
    rf"|counter-?[\w]{{1,20}}|anti-?[\w]{{1,20}}){_SP}){{1,2}}operations(?![\w-]))",
    regex.IGNORECASE,
)


#: arrests made in raids (convention 46D: a sweep is not an attack's arrests): "arrested more
#: than 150 people in the mosque raids", "Turkey detains 68 IS suspects in nationwide raids",
#: "during the raids in which more than 150 people were arrested"; only in the statement's
#: clause, and never where the sentence ties them to the attack ("arrested following raids",
#: "in raids after the bombing")
_IN_RAIDS_AFTER = regex.compile(
    rf"[^,.;:!?()\n\u2013\u2014]{{0,50}}?(?<![\w-])(?:in|during){_SP}(?:the{_SP})?"
    rf"(?:[\w-]{{1,20}}{_SP}){{0,2}}?raids(?![\w-])",
    regex.IGNORECASE,
)
_IN_RAIDS_BEFORE = regex.compile(
    rf"(?<![\w-])(?:in|during){_SP}(?:the{_SP})?(?:[\w-]{{1,20}}{_SP}){{0,2}}?raids"
    rf"{_SP}(?:in|during){_SP}which{_SP}\Z",
    regex.IGNORECASE,
)
_RAIDS_TIED = regex.compile(
    rf"(?<![\w-])(?:after|following|over|in{_SP}connection{_SP}with|linked{_SP}to)"
    rf"(?:{_SP}[\w’'-]{{1,20}}){{0,3}}?{_SP}(?:attacks?|bombings?|blasts?|explosions?|shootings?"
    rf"|massacre|siege|assault)(?![\w-])",
    regex.IGNORECASE,
)


def _in_raids(text: str, s: Statement) -> bool:
    """An arrest statement about a sweep of raids, not an attack (`_IN_RAIDS_AFTER`)."""
    if s.field != "arrested" or "raids" not in text[max(0, s.start - 60) : s.end + 60].lower():
        return False
    if (
        _IN_RAIDS_AFTER.match(text, s.end) is None
        and _IN_RAIDS_BEFORE.search(text, max(0, s.start - 60), s.start) is None
    ):
        return False
    # the sentence around it, at most 200 characters each side (linear on any input)
    w0, w1 = max(0, s.start - 200), min(len(text), s.end + 200)
    lo = max(text.rfind(".", w0, s.start), text.rfind("\n", w0, s.start), w0 - 1) + 1
    hi = min(x for x in (text.find(".", s.end, w1), text.find("\n", s.end, w1), w1) if x >= 0)
    return _RAIDS_TIED.search(text, lo, hi) is None


def _over_years(text: str, s: Statement) -> bool:
    """The statement counts the dead of years or of a campaign (`_OVER_YEARS_AFTER`)."""
    if s.field not in {"killed", "injured", "attackers_killed"} or s.quantity.increment:
        return False
    return _OVER_YEARS_AFTER.match(text, s.end) is not None
