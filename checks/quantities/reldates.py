"""Relative date expressions resolved against an article's publication date.

Rules (news style):

* A bare weekday ("Monday night", "on Sunday", "said Saturday", "Friday's
  attacks", "late Thursday") refers to the last seven days: it resolves to the
  most recent such weekday on or before the publication date -- the
  publication day itself when the weekdays coincide ("officials said
  Tuesday" in a Tuesday paper).  "last <weekday>" is the most recent one
  strictly before publication.  A weekday followed by a calendar date
  ("Wednesday, December 6, 2023") is an absolute date, not a relative one, and
  is skipped; "next <weekday>" (future) is skipped too.
* "last month" -> the previous calendar month; "this month" / "earlier this
  month" -> first of the month .. publication; "this week" / "earlier this
  week" / "earlier in the week" -> Monday of the publication week ..
  publication; "last week" -> the previous Monday..Sunday; "yesterday",
  "today"; "last year" -> the previous calendar year; "this year" -> 1 January
  .. publication.

When the publication date is only known to the week/month/year
(``published_precision``), ``published`` is any day inside that period and
every expression is resolved over the whole period: "last month" of a June
article is still all of May, while "Monday" becomes the range of Mondays the
period allows and takes the coarser precision instead of a fake day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

import regex

_PRECISIONS = ("day", "week", "month", "year")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = "|".join(calendar.month_name[1:] + calendar.month_abbr[1:])
_S = r"[\s\u200b]{1,3}"


@dataclass(frozen=True)
class DateMention:
    """A relative date expression and the date range it denotes."""

    start: int
    end: int
    text: str
    kind: str
    resolved_start: dt.date
    resolved_end: dt.date
    precision: str

    def to_json(self) -> dict[str, Any]:
        """JSON-able mapping with ISO dates."""
        return {
            "text": self.text,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "resolved_start": self.resolved_start.isoformat(),
            "resolved_end": self.resolved_end.isoformat(),
            "precision": self.precision,
        }


_RE = regex.compile(
    rf"(?P<weekday>(?<![\w-])(?:(?i:(?P<mod>late|early|last|next|this)){_S})?"
    rf"(?P<wd>{'|'.join(_WEEKDAYS)})(?![\w-])(?:['’]s)?"
    rf"(?:{_S}(?i:night|morning|evening|afternoon)\b)?)"
    rf"(?!,?{_S}(?:(?:{_MONTHS})\b|[0-9]))"
    rf"|(?i:(?<![\w-])(?:"
    rf"(?P<last_month>last{_S}month)"
    rf"|(?P<this_month>(?:earlier{_S}|later{_S})?this{_S}month)"
    rf"|(?P<this_week>(?:earlier{_S})?this{_S}week|earlier{_S}in{_S}the{_S}week)"
    rf"|(?P<last_week>last{_S}week)"
    rf"|(?P<yesterday>yesterday)"
    rf"|(?P<today>today)"
    rf"|(?P<last_year>last{_S}year)"
    rf"|(?P<this_year>(?:earlier{_S})?this{_S}year)"
    rf")(?![\w-]))"
)


_ANCHOR_WORDS = ("day", "week", "month", "year")
"""Every expression `_RE` matches holds one of these (weekdays, yesterday and today hold
"day"), case-insensitively: `str.lower` (which also maps the Kelvin sign to k) plus
`in` rejects the many texts without any in a fraction of the time the full scan takes."""


def may_mention(text: str) -> bool:
    """False when `text` certainly holds no relative date expression (a cheap pre-filter)."""
    lowered = text.lower()
    return any(word in lowered for word in _ANCHOR_WORDS)


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _prev_month_start(d: dt.date) -> dt.date:
    first = d.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _window(published: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The period the publication date is known to lie in."""
    if precision == "day":
        return published, published
    if precision == "week":
        mon = _monday(published)
        return mon, mon + dt.timedelta(days=6)
    if precision == "month":
        return published.replace(day=1), _month_end(published)
    return dt.date(published.year, 1, 1), dt.date(published.year, 12, 31)


def _coarser(a: str, b: str) -> str:
    return a if _PRECISIONS.index(a) >= _PRECISIONS.index(b) else b


def _on_or_before(d: dt.date, weekday: int, strict: bool) -> dt.date:
    back = (d.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return d - dt.timedelta(days=back)


def resolve_relative_dates(
    text: str, published: dt.date, published_precision: str = "day"
) -> list[DateMention]:
    """Relative date mentions in ``text``, resolved (see module docstring)."""
    if published_precision not in _PRECISIONS:
        raise ValueError(
            f"published_precision must be one of {', '.join(_PRECISIONS)}, "
            f"got {published_precision!r}"
        )
    if not may_mention(text):
        return []
    p0, p1 = _window(published, published_precision)
    out: list[DateMention] = []
    day = dt.timedelta(days=1)
    for m in _RE.finditer(text):
        kind = next(k for k, v in m.groupdict().items() if v is not None and k not in {"mod", "wd"})
        if kind == "weekday":
            mod = (m.group("mod") or "").lower()
            if mod in {"next", "this"}:
                continue
            wd = _WEEKDAYS.index(m.group("wd"))
            strict = mod == "last"
            lo, hi = _on_or_before(p0, wd, strict), _on_or_before(p1, wd, strict)
            prec = "day" if lo == hi else _coarser("week", published_precision)
        elif kind == "last_month":
            lo, hi = _prev_month_start(p0), _month_end(_prev_month_start(p1))
            prec = _coarser("month", published_precision)
        elif kind == "this_month":
            lo, hi, prec = p0.replace(day=1), p1, _coarser("month", published_precision)
        elif kind == "this_week":
            lo, hi, prec = _monday(p0), p1, _coarser("week", published_precision)
        elif kind == "last_week":
            lo, hi = _monday(p0) - 7 * day, _monday(p1) - day
            prec = _coarser("week", published_precision)
        elif kind == "yesterday":
            lo, hi, prec = p0 - day, p1 - day, published_precision
        elif kind == "today":
            lo, hi, prec = p0, p1, published_precision
        elif kind == "last_year":
            lo, hi = dt.date(p0.year - 1, 1, 1), dt.date(p1.year - 1, 12, 31)
            prec = "year"
        else:  # this_year
            lo, hi, prec = dt.date(p0.year, 1, 1), p1, "year"
        out.append(DateMention(m.start(), m.end(), m.group(0), kind, lo, hi, prec))
    return out
