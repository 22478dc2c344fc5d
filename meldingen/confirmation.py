"""The confirmation belongs to the browser that sent the melding, for MELDINGEN_CONFIRMATION_MINUTES.

Only that session knows which melding it sent; "Nieuwe melding" (`?reset`) forgets it, and so does time.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .dates import next_steps
from .forms import SELF, person_words
from .models import Melding

CONFIRMED_KEY = "melding_confirmed"
# The kaart's help for mantelzorgers, as the confirmation page and the e-mail link to it.
MANTELZORG_HELP_QUERY = "q=mantelzorg&thema=mantelzorg&doelgroep=mantelzorgers"


def remember(request, melding: Melding) -> None:
    request.session[CONFIRMED_KEY] = {
        "pk": melding.pk,
        "reference": melding.reference,
        "at": timezone.now().timestamp(),
    }


def forget(request) -> None:
    request.session.pop(CONFIRMED_KEY, None)


def confirmed_melding(request) -> Melding | None:
    """The melding this browser sent, while the confirmation may still be shown; else None."""
    confirmed = request.session.get(CONFIRMED_KEY)
    if not isinstance(confirmed, dict):
        return None
    at = confirmed.get("at")
    limit = timedelta(minutes=settings.MELDINGEN_CONFIRMATION_MINUTES).total_seconds()
    if not isinstance(at, (int, float)) or timezone.now().timestamp() - at > limit:
        forget(request)
        return None
    return Melding.objects.filter(pk=confirmed.get("pk"), reference=confirmed.get("reference")).first()


def what_happens_next(melding: Melding) -> dict:
    """What the confirmation page and its PDF say comes next, from the same answers: the dates, for someone
    else the words for the person ("de persoon", "uw cliënt"), whether another decides for the person and
    who gets no confirmation and should be told, the tolk, cliëntondersteuner and writer who come to the
    gesprek, a time to call the loket does not call at, and the kaart's help for a mantelzorger. The e-mail
    uses the dates, the words for the person, who should be told, the help for a mantelzorger and whether
    the time to call is outside the hours (it gives no answers)."""
    answers = melding.typed_answers
    decided_for = answers.step("melder").text("bewoner_toestemming") == "kan_niet_beslissen"
    return {
        "next": next_steps(melding),
        "persoon": person_words(answers.voor_wie)["persoon"] if answers.for_someone_else else "",
        "tolk": answers.tolk,
        "clientondersteuner": answers.clientondersteuner,
        "writer_comes": answers.writer_comes,
        # A son read "Daarna kan de persoon de hulp aanvragen" of his mother, who cannot decide.
        "decided_for": decided_for,
        # Who hears nothing from the gemeente until the writer tells them: the person, or who decides for
        # them when that is not the writer (a walk's nurse read nothing of it).
        "tell_the_decider": decided_for and answers.step("melder").text("wie_beslist") != SELF,
        # A walk: a husband who could no longer cope read only the gemeente's steps, weeks away; a son found
        # the help for mantelzorgers on the page only, gone once he closed it (the e-mail says it too).
        "mantelzorg_help_url": _mantelzorg_help_url() if answers.voor_wie == "mantelzorger" else "",
        # A walk's resident kept "na 18.00 uur" after the question and read nothing more about it.
        "call_time_outside_hours": answers.call_time_outside_hours,
    }


def _mantelzorg_help_url() -> str:
    return f"{reverse('socialekaart:search')}?{MANTELZORG_HELP_QUERY}"
