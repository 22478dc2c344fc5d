"""The public pages: the complaint form, its confirmation, and what the traffic light means."""

import hashlib
import json
import secrets
import uuid
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.posted import keep_posted, take_posted
from core.ratelimit import within_limit
from core.templatetags.core_tags import datum

from . import notices, stoplicht, tasks
from .forms import KlachtForm
from .models import Klacht, KlachtGebeurtenis
from .workflow import Kanaal

SESSION_KEY = "klacht_verstuurd"
TYPED_KEY = "klacht_getypt"  # a form with errors, until the page after its redirect shows it
SUBMISSION_FIELD = "verzending"  # a token per form shown: its sends are one complaint


def create_klacht(
    form, *, kanaal=Kanaal.WEBSITE, ontvangen_op=None, user=None, submission_key=None
) -> Klacht:
    """A complaint from the form, sent by the resident or registered by `user` (a phone call, a letter).
    Raises IntegrityError when a complaint with this `submission_key` exists: then nothing is stored."""
    data = form.cleaned_data
    klacht = Klacht(organisatie=data["organisatie"], thema=data["thema"], kanaal=kanaal)
    if ontvangen_op is not None:
        klacht.ontvangen_op = ontvangen_op
    klacht.gegevens = form.gegevens()
    klacht.submission_key = submission_key
    with transaction.atomic():
        klacht.save()
        KlachtGebeurtenis.objects.create(
            klacht=klacht, user=user, soort=KlachtGebeurtenis.Soort.ONTVANGEN, tekst=_arrival(klacht)
        )
        tasks.recount()
        tasks.schedule_retention()
        transaction.on_commit(lambda: notices.queue_new_klacht_notice(klacht.pk))
        transaction.on_commit(lambda: notices.queue_ontvangst_notice(klacht.pk))
    return klacht


def _arrival(klacht) -> str:
    """How the complaint came in, and the day when it was not the day it was registered (a letter of
    weeks ago): the history's date is the registration's, and the term counts from the arrival."""
    how = str(Kanaal(klacht.kanaal).label)
    if klacht.ontvangen_op == timezone.localdate():
        return how
    return _("%(how)s, ontvangen op %(day)s") % {"how": how, "day": datum(klacht.ontvangen_op)}


@never_cache
def indienen(request):
    if request.method == "POST":
        form = KlachtForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            fingerprint = _fingerprint(
                data["organisatie"].pk, getattr(data["thema"], "pk", None), form.gegevens()
            )
            sent = request.session.get(SESSION_KEY) or {}
            if sent.get("fingerprint") == fingerprint:
                # Back from the confirmation the browser puts the sent complaint back in the form, and
                # "Verstuur" made a second one: the same complaint is sent once, and said to be sent.
                request.session[SESSION_KEY] = {**sent, "again": True}
                return redirect("klachten:verstuurd")
            # A second send of the same form that overtook the first one's answer (a double tap on a slow
            # connection) is the complaint the first one stored, also when it hits the rate limit. The form's
            # token with other words (a browser that put it back) is another complaint.
            key = _submission_key(request.POST.get(SUBMISSION_FIELD))
            if (stored := _stored_under(key)) is not None:
                if _fingerprint_of(stored) == fingerprint:
                    return _said_sent(request, stored, fingerprint, again=True)
                key = None
            if not within_limit(
                request, "klacht", settings.KLACHTEN_RATE_LIMIT, settings.KLACHTEN_RATE_LIMIT_WINDOW_SECONDS
            ):
                # The form as typed, with what happened above it: on a page of its own the words were lost.
                return _form_page(request, form, too_often=True, status=429)
            try:
                return _said_sent(request, create_klacht(form, submission_key=key), fingerprint)
            except IntegrityError:
                stored = _stored_under(key)  # stored meanwhile by the other send
                if stored is None or _fingerprint_of(stored) != fingerprint:
                    raise
                return _said_sent(request, stored, fingerprint, again=True)
        # A page with errors is reached by a redirect too: a reload sent the old, wrong form again, and a
        # complaint sent since seemed not sent.
        keep_posted(request, TYPED_KEY, form)
        return redirect("klachten:indienen")
    typed = take_posted(request, TYPED_KEY)
    if typed is not None:
        form = KlachtForm(typed)  # shows its errors
    else:
        # A link from the kaart names the organisation, and the kind of help when its help has one kind; an
        # unknown id just leaves the choice empty.
        form = KlachtForm()
        for name in ("organisatie", "thema"):
            form.initial[name] = _known(form.fields[name], request.GET.get(name))
    return _form_page(request, form)


def _form_page(request, form, too_often: bool = False, status: int = 200):
    context = {
        "form": form,
        # Back from the confirmation, the browser puts back most of the form: it says the complaint was sent.
        "sent": request.session.get(SESSION_KEY),
        "too_often": too_often,
        "submission_token": secrets.token_urlsafe(24),
        "weken": settings.KLACHTEN_TERMIJN_WEKEN,
    }
    return render(request, "klachten/indienen.html", context, status=status)


def _submission_key(token: str | None) -> str | None:
    return hashlib.sha256(f"klacht-submission:{token}".encode()).hexdigest() if token else None


def _said_sent(request, klacht, fingerprint: str, again: bool = False):
    """The confirmation, with what it shows in the session (the complaint's number, not its words)."""
    request.session[SESSION_KEY] = {
        "reference": klacht.reference,
        "organisatie": klacht.organisatie.name,
        "melding": klacht.gegevens.get("melding", ""),  # a number, not the resident's words
        "antwoord_uiterlijk": klacht.antwoord_uiterlijk.isoformat(),
        "contact": klacht.gegevens.get("contact") == "ja",
        "email": bool(klacht.gegevens.get("email")),
        "for_someone_else": bool(klacht.gegevens.get("client_naam")),
        "fingerprint": fingerprint,
        "about_the_gemeente": klacht.about_the_gemeente,
        **({"again": True} if again else {}),
    }
    return redirect("klachten:verstuurd")


def _fingerprint(organisatie_id, thema_id, gegevens: dict) -> str:
    """A hash of the complaint as sent (not its words: the session keeps no copy of them)."""
    canonical = json.dumps(
        {"organisatie": organisatie_id, "thema": thema_id, **gegevens}, sort_keys=True, default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _fingerprint_of(klacht) -> str:
    return _fingerprint(klacht.organisatie_id, klacht.thema_id, klacht.gegevens)


def _stored_under(key: str | None):
    return Klacht.objects.filter(submission_key=key).first() if key else None


def _known(field, value):
    """`value` when it is the id of one of the field's choices, else None."""
    try:
        pk = uuid.UUID(str(value))
    except ValueError:
        return None
    return str(pk) if field.queryset.filter(pk=pk).exists() else None


@never_cache
def verstuurd(request):
    sent = request.session.get(SESSION_KEY)
    if not sent:
        return redirect("klachten:indienen")
    context = {**sent, "antwoord_uiterlijk": date.fromisoformat(sent["antwoord_uiterlijk"])}
    if sent.get("again"):  # said once: a reload after it is the plain confirmation again
        request.session[SESSION_KEY] = {key: value for key, value in sent.items() if key != "again"}
    return render(request, "klachten/verstuurd.html", context)


def uitleg_stoplicht(request):
    return render(request, "klachten/stoplicht.html", {"regels": stoplicht.instellingen()})
