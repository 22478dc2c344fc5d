"""Plain-language wording for voorzieningen, shared by the pages and the exports."""

import functools
import html
import re
from decimal import Decimal

from django import template
from django.utils.formats import date_format, localize, number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from socialekaart import languages

register = template.Library()

WEEKDAGEN = [
    gettext_lazy("Maandag"),
    gettext_lazy("Dinsdag"),
    gettext_lazy("Woensdag"),
    gettext_lazy("Donderdag"),
    gettext_lazy("Vrijdag"),
    gettext_lazy("Zaterdag"),
    gettext_lazy("Zondag"),
]
TOEGANG_UITLEG = {
    # Not "U kunt zich zelf aanmelden": that read oddly above "Bel 0800-2000" (a crisis line).
    "vrij": gettext_lazy("U hebt geen verwijzing of besluit van de gemeente nodig."),
    "verwijzing": gettext_lazy("U hebt een verwijzing nodig, bijvoorbeeld van de huisarts of het wijkteam."),
    "beschikking": gettext_lazy(
        "U hebt eerst een besluit van de gemeente nodig. Dat heet een beschikking. "
        "Doe daarvoor een melding bij de gemeente."
    ),
}
KOM_LANGS = gettext_lazy("Kom zonder afspraak langs, op de tijden hieronder.")
# Without opening times on the kaart "op de tijden hieronder" pointed at none (a walk).
KOM_LANGS_VRAAG_WANNEER = gettext_lazy("Kom zonder afspraak langs. Vraag de organisatie wanneer dat kan.")
OOK_LANGS = gettext_lazy("U kunt ook zonder afspraak langskomen, op de tijden hieronder.")
OOK_LANGS_VRAAG_WANNEER = gettext_lazy(
    "U kunt ook zonder afspraak langskomen. Vraag de organisatie wanneer dat kan."
)


@register.filter
def euro(amount) -> str:
    if amount is None:
        return ""
    return "€ " + number_format(Decimal(amount), decimal_pos=2, use_l10n=True, force_grouping=True)


def kosten_in_words(kosten: str, bedrag, toelichting: str, label) -> str:
    """ "Gratis", "Eigen bijdrage" or "€ 12,50", as a resident would say it (`label`: the kosten's label). An
    amount whose explanation names it is the explanation: "€ 0,30" alone does not say it is per kilometre."""
    if kosten == "bedrag" and bedrag is not None:
        amount = euro(bedrag)
        written = {amount, amount.removesuffix(",00")}  # a whole amount is often written "€ 2"
        named = any(re.search(re.escape(form) + r"(?![\d,])", toelichting) for form in written)
        return toelichting if named else amount
    return str(label)


@register.filter
def kosten_tekst(voorziening) -> str:
    return kosten_in_words(
        voorziening.kosten,
        voorziening.kosten_bedrag,
        voorziening.kosten_toelichting,
        voorziening.get_kosten_display(),
    )


@register.filter
def kosten_uitleg(voorziening) -> str:
    """The answer to "Wat kost het?": kosten_tekst, and the explanation unless it already said that."""
    tekst, toelichting = kosten_tekst(voorziening), voorziening.kosten_toelichting
    return f"{tekst}. {toelichting}" if toelichting and toelichting != tekst else tekst


@register.filter
def toegang_uitleg(voorziening) -> str:
    # Walking in is the whole sign-up: said first; not when closed ("Kom langs" under "Tijdelijk gesloten").
    if voorziening.vrije_inloop and voorziening.status != "tijdelijk_gesloten":
        kom_langs = KOM_LANGS if heeft_openingstijden(voorziening) else KOM_LANGS_VRAAG_WANNEER
        return f"{kom_langs} {TOEGANG_UITLEG['vrij']}"
    return str(TOEGANG_UITLEG.get(voorziening.toegang, ""))


@register.filter
def ook_langskomen(voorziening) -> str:
    """Walking in, beside signing up by phone, mail or form."""
    return str(OOK_LANGS if heeft_openingstijden(voorziening) else OOK_LANGS_VRAAG_WANNEER)


def heeft_openingstijden(voorziening) -> bool:
    # .all(), so that the pages' prefetched opening times are used
    return any(op_locatie.openingstijden.all() for op_locatie in voorziening.op_locaties.all())


@register.filter
def leeftijd_tekst(voorziening) -> str:
    low, high = voorziening.leeftijd_min, voorziening.leeftijd_max
    if low is not None and high is not None:
        return _("Van %(low)s tot en met %(high)s jaar") % {"low": low, "high": high}
    if low is not None:
        return _("Vanaf %(low)s jaar") % {"low": low}
    if high is not None:
        return _("Tot en met %(high)s jaar") % {"high": high}
    return ""


register.filter("taal_namen", languages.names)


@register.filter
def sluiting_tekst(sluiting) -> str:
    """ "Gesloten van 24 december 2026 tot en met 1 januari 2027: kerstvakantie.", or "op" for one day."""
    van, tot = (date_format(day, "j F Y") for day in (sluiting.van, sluiting.tot_en_met))
    if sluiting.van == sluiting.tot_en_met:
        text = _("Gesloten op %(van)s") % {"van": van}
    else:
        text = _("Gesloten van %(van)s tot en met %(tot)s") % {"van": van, "tot": tot}
    reden = sluiting.reden.strip().rstrip(".")  # typed as a sentence, it ended in ".."
    return f"{text}: {reden}." if reden else f"{text}."


@register.filter
def km(distance) -> str:
    """1.234 -> "1,2 km"; below 100 metres "minder dan 0,1 km"."""
    if distance is None:
        return ""
    if distance < 0.1:
        return _("minder dan 0,1 km")
    return number_format(round(distance, 1), decimal_pos=1, use_l10n=True) + " km"


@register.filter
def wijk_namen(voorziening) -> str:
    """Where a voorziening helps: "Hele gemeente" or its wijken (prefetched)."""
    if voorziening.hele_gemeente:
        return _("Hele gemeente")
    return ", ".join(wijk.name for wijk in voorziening.wijken.all())


@register.filter
def week(op_locatie) -> list[dict]:
    """Seven rows, Monday first, with the opening times of that day (from the prefetched rows)."""
    days = [{"name": str(name), "times": []} for name in WEEKDAGEN]
    for tijd in op_locatie.openingstijden.all():
        if 1 <= tijd.weekdag <= 7:
            days[tijd.weekdag - 1]["times"].append(tijd)
    return days


@register.filter
def always_open(days) -> bool:
    """Open day and night on all seven days (the rows of `week`): one sentence says it instead of a table."""
    return all(any(tijd.dag_en_nacht for tijd in day["times"]) for day in days)


@register.filter
def open_tekst(op_locatie) -> str:
    """The opening times in one line, for the printed list: "maandag 13.00 tot 16.00 uur, donderdag 13.00 tot
    16.00 uur" (a walk: the list said only "Aanmelden: bel", where the page said "Kom zonder afspraak langs,
    op de tijden hieronder")."""
    days = week(op_locatie)
    if always_open(days):
        return _("elke dag, dag en nacht")
    runs = []  # [first, last, times]: the numbers of days in a row with the same times
    for number, day in enumerate(days):
        times = f" {_('en')} ".join(tijd_tekst(tijd) for tijd in day["times"])
        if not times:
            continue
        if runs and runs[-1][2] == times and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number, times])
    return ", ".join(f"{_days_text(days, first, last)} {times}" for first, last, times in runs)


def _days_text(days: list[dict], first: int, last: int) -> str:
    """ "maandag", "maandag en dinsdag", "maandag tot en met vrijdag"."""
    if first == last:
        return days[first]["name"].lower()
    joiner = _("en") if last == first + 1 else _("tot en met")
    return f"{days[first]['name'].lower()} {joiner} {days[last]['name'].lower()}"


@register.filter
def tijd_tekst(tijd) -> str:
    """ "09.30 tot 16.00 uur (toelichting)", or "dag en nacht": one opening time, on the page and the PDF."""
    if tijd.dag_en_nacht:
        text = _("dag en nacht")
    else:
        text = _("%(van)s tot %(tot)s uur") % {
            "van": tijd.open_van.strftime("%H.%M"),
            "tot": tijd.open_tot.strftime("%H.%M"),
        }
    return f"{text} ({tijd.toelichting})" if tijd.toelichting else text


@register.filter
def selected_count(options) -> int:
    return sum(1 for option in options or [] if option.selected)


@register.simple_tag
def filter_options(field, options):
    """The checkboxes of one filter with their counts. Built here rather than with a template loop:
    with many wijken and themas, the loop cost more than the search itself. Escaped with the standard
    library's escape, which Django's wraps (same output) with a check for lazy text and a SafeString for
    each of the some 120 values of a page."""
    auto_id, name = field.auto_id, html.escape(field.html_name)
    language = get_language()
    items = []
    for index, option in enumerate(options or ()):
        option_id = html.escape(f"{auto_id}_{index}")
        value, label = html.escape(str(option.value)), html.escape(str(option.label))
        items.append(
            f'<div class="choices__item{"" if option.count else " kaart-filter__empty"}">'
            f'<input type="checkbox" form="kaart-zoeken" name="{name}" value="{value}" '
            f'id="{option_id}"{" checked" if option.selected else ""}>'
            f'<label for="{option_id}">{label} <span class="kaart-count">'
            f"{_count_html(language, option.count)}</span></label></div>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 (every value in it is escaped above)


# Many options share a count (often 0), on page after page: each count is written and translated once per
# language and process, not once per option (a fifth of the translations on a page with results).
@functools.lru_cache(maxsize=4096)
def _count_html(language: str, count: int) -> str:
    word = ngettext("resultaat", "resultaten", count)  # in `language`, the active one
    # Read as "(3 resultaten)": a hidden word inside the brackets was read "(3 resultaten )".
    number = localize(count)
    hidden = f'<span class="visually-hidden">({number} {escape(word)})</span>'
    return f'<span aria-hidden="true">({number})</span>{hidden}'
