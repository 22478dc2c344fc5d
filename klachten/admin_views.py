"""The complaints in the backoffice (Wagtail admin, /admin/klachten/): the list, one complaint, registering
one that came in by phone or letter, and the provider's numbers of clients."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Value, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.out_of_reach import out_of_reach_page
from core.reference import as_typed
from socialekaart import public

from . import notices, tasks
from .access import (
    can_see_klachten,
    is_staff_handler,
    provider_organisatie_id,
    routes_klachten,
    visible_klachten,
)
from .forms import (
    ClientaantallenForm,
    OordeelForm,
    ReactieForm,
    SamenvattingForm,
    StaffKlachtForm,
    StatusForm,
    TeamForm,
    ThemaForm,
    VerdagingForm,
)
from .models import Clientaantal, KlachtGebeurtenis
from .views import create_klacht
from .workflow import PostponementNotAllowed, Status, TransitionNotAllowed, allowed_targets


def _require(check, user):
    if not check(user):
        raise PermissionDenied


# The free texts of the complaint page's forms: kept on the page that says the complaint is out of reach.
TYPED_FIELDS = ("antwoord", "reden", "samenvatting_aanbieder", "reactie_aanbieder")
NO_SUMMARY_YET = gettext_lazy("De gemeente schrijft hier nog kort wat er misging. Daarna kunt u reageren.")

# The list's filters beside the statuses: the open complaints past their answer's date, and those without a
# contract team.
OPEN = "open"
LATE = "te-laat"
WITHOUT_TEAM = "zonder-team"
# A provider's: the complaints waiting for its reply ("1 klacht wacht op uw reactie" opened all four).
WAITING = "wacht-op-reactie"


@never_cache
def lijst(request):
    _require(can_see_klachten, request.user)
    # The open complaints first, the answer due soonest on top: by deadline alone, the afgehandelde of
    # months ago stood above the ones still to answer.
    closed_last = Case(When(status=Status.AFGEHANDELD, then=Value(1)), default=Value(0))
    klachten = visible_klachten(request.user).order_by(closed_last, "antwoord_uiterlijk", "pk")
    status = request.GET.get("status")
    today = timezone.localdate()
    staff = is_staff_handler(request.user)
    if status == OPEN:
        klachten = klachten.open()
    elif status == LATE:
        klachten = klachten.overdue(today)
    elif status == WITHOUT_TEAM:
        klachten = klachten.open().filter(team=None)
    elif status == WAITING:
        klachten = klachten.waiting_for_reply()
    elif status in Status.values:
        klachten = klachten.filter(status=status)
    nummer = request.GET.get("nummer", "").strip()[:40]
    if nummer:  # a resident calls with the number: open or closed, the one complaint
        klachten = klachten.filter(reference=as_typed(nummer, "K", read_off=True) or nummer.upper())
    title = _("Klachten") if staff else _("Klachten over uw organisatie")  # staff: the gemeente's too
    return render(
        request,
        "klachten/admin/lijst.html",
        {
            "page_title": title,
            "header_title": title,
            "klachten": klachten[:500],
            "statuses": [
                (OPEN, _("Open")),
                *Status.choices,
                (LATE, _("Te laat")),
                *([(WITHOUT_TEAM, _("Zonder contractteam"))] if routes_klachten(request.user) else []),
                *([] if staff else [(WAITING, _("Wacht op uw reactie"))]),
            ],
            "current_status": status,
            "nummer": nummer,
            "today": today,
            "staff": staff,
        },
    )


@never_cache
def detail(request, pk):
    _require(can_see_klachten, request.user)
    klacht = visible_klachten(request.user).filter(pk=pk).first()
    if klacht is None:  # not there, or routed to another team while its page was open
        return out_of_reach_page(
            request,
            TYPED_FIELDS,
            title=_("Klacht niet gevonden"),
            message=_(
                "Deze klacht kunt u niet openen. Misschien hoort hij nu bij een ander team. "
                "Vraag het dan een teamleider."
            ),
            back=(reverse("klachten_admin:lijst"), _("Terug naar de klachten")),
        )
    staff = is_staff_handler(request.user)
    answer_wanted = staff and klacht.answer_wanted
    status_form = StatusForm(targets=_targets(klacht), answer_wanted=answer_wanted)
    samenvatting_form = SamenvattingForm(initial={"samenvatting_aanbieder": klacht.samenvatting_aanbieder})
    reactie_form = ReactieForm(initial={"reactie_aanbieder": klacht.reactie_aanbieder})
    verdaging_form = VerdagingForm()
    thema_form = ThemaForm(initial={"thema": klacht.thema_id})
    # A closed complaint goes to no other team (its team would get "Nieuwe klacht"), and the kind of help is
    # chosen only where the resident did not know it, until retention.
    routes = routes_klachten(request.user) and klacht.status != Status.AFGEHANDELD
    chooses_thema = staff and klacht.thema_id is None and klacht.personal_data_removed_at is None
    team_form = TeamForm(initial={"team": klacht.team_id})
    # the answer anew: the old one stands above it
    oordeel_form = OordeelForm(current=klacht.oordeel, answer_wanted=answer_wanted, horen=klacht.horen)
    if request.method == "POST":
        action = request.POST.get("action")
        if routes and action == "team":
            team_form = TeamForm(request.POST)
            if team_form.is_valid():
                _route(request, klacht, team_form.cleaned_data["team"])
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif staff and action == "status":
            status_form = StatusForm(request.POST, targets=_targets(klacht), answer_wanted=answer_wanted)
            if status_form.is_valid():
                try:
                    klacht.change_status(
                        status_form.cleaned_data["status"],
                        request.user,
                        status_form.cleaned_data.get("oordeel", ""),
                        status_form.cleaned_data.get("antwoord", ""),
                        status_form.cleaned_data.get("horen", ""),
                    )
                except TransitionNotAllowed:
                    messages.error(request, _("Deze stap is niet toegestaan."))
                else:
                    tasks.recount()
                    label = Status(status_form.cleaned_data["status"]).label
                    messages.success(request, _("De status is nu: %(status)s.") % {"status": label})
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif staff and action == "oordeel" and klacht.can_correct_oordeel():
            oordeel_form = OordeelForm(
                request.POST,
                current=klacht.oordeel,
                answered=klacht.antwoord_inwoner,
                answer_wanted=answer_wanted,
                horen=klacht.horen,
            )
            if oordeel_form.is_valid():
                data = oordeel_form.cleaned_data
                klacht.correct_oordeel(data["oordeel"], data["antwoord"], request.user, data.get("horen", ""))
                tasks.recount()
                messages.success(request, _("Het oordeel is gecorrigeerd."))
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif chooses_thema and action == "thema":
            thema_form = ThemaForm(request.POST)
            if thema_form.is_valid():
                _choose_thema(request, klacht, thema_form.cleaned_data["thema"])
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif staff and action == "verdagen":
            verdaging_form = VerdagingForm(request.POST)
            if verdaging_form.is_valid():
                _postpone(request, klacht, verdaging_form.cleaned_data)
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif staff and action == "samenvatting":
            samenvatting_form = SamenvattingForm(request.POST)
            if samenvatting_form.is_valid():
                klacht.samenvatting_aanbieder = samenvatting_form.cleaned_data["samenvatting_aanbieder"]
                klacht.save(update_fields=["samenvatting_aanbieder"])
                KlachtGebeurtenis.objects.create(
                    klacht=klacht, user=request.user, soort=KlachtGebeurtenis.Soort.SAMENVATTING
                )
                messages.success(request, _("De samenvatting is bewaard."))
                return redirect("klachten_admin:detail", pk=klacht.pk)
        elif not staff and action == "reactie" and klacht.status == Status.AFGEHANDELD:
            # The gemeente has judged it: a reply now would change what it judged.
            messages.error(request, _("Deze klacht is al afgehandeld. U kunt niet meer reageren."))
            return redirect("klachten_admin:detail", pk=klacht.pk)
        elif not staff and action == "reactie" and not klacht.can_be_replied_to:
            messages.error(request, NO_SUMMARY_YET)
            return redirect("klachten_admin:detail", pk=klacht.pk)
        elif not staff and action == "reactie":
            reactie_form = ReactieForm(request.POST)
            if reactie_form.is_valid():
                klacht.reactie_aanbieder = reactie_form.cleaned_data["reactie_aanbieder"]
                klacht.reactie_op = timezone.now()
                klacht.save(update_fields=["reactie_aanbieder", "reactie_op"])
                KlachtGebeurtenis.objects.create(
                    klacht=klacht, user=request.user, soort=KlachtGebeurtenis.Soort.REACTIE
                )
                messages.success(request, _("Uw reactie is bewaard."))
                return redirect("klachten_admin:detail", pk=klacht.pk)
        else:
            raise PermissionDenied
    gegevens = {}
    if staff:
        # Every page that shows the resident's data is written in the history, a form's errors too.
        gegevens = klacht.gegevens
        KlachtGebeurtenis.objects.create(
            klacht=klacht, user=request.user, soort=KlachtGebeurtenis.Soort.BEKEKEN
        )
    return render(
        request,
        "klachten/admin/detail.html",
        {
            "page_title": klacht.reference,
            "header_title": _("Klacht %(reference)s") % {"reference": klacht.reference},
            "klacht": klacht,
            "staff": staff,
            "gegevens": gegevens,
            "status_form": status_form,
            "samenvatting_form": samenvatting_form,
            "reactie_form": reactie_form,
            "verdaging_form": verdaging_form,
            "thema_form": thema_form if chooses_thema else None,
            "team_form": team_form if routes else None,
            "oordeel_form": oordeel_form if staff and klacht.can_correct_oordeel() else None,
            "verdaging_refused": klacht.postponement_refused() if staff else "",
            "answer_wanted": answer_wanted,
            "no_summary_yet": NO_SUMMARY_YET,
            "has_errors": any(
                form.errors
                for form in (
                    status_form,
                    samenvatting_form,
                    reactie_form,
                    verdaging_form,
                    team_form,
                    oordeel_form,
                    thema_form,
                )
            ),
            "today": timezone.localdate(),
            "weken": settings.KLACHTEN_TERMIJN_WEKEN,
            "gebeurtenissen": _history(klacht) if staff else [],
        },
    )


def _route(request, klacht, team) -> None:
    klacht.team = team
    klacht.save(update_fields=["team"])
    KlachtGebeurtenis.objects.create(
        klacht=klacht, user=request.user, soort=KlachtGebeurtenis.Soort.TEAM, tekst=team.name[:200]
    )
    # The team hears of it as of a complaint routed to it on arrival.
    transaction.on_commit(lambda: notices.queue_new_klacht_notice(klacht.pk))
    messages.success(request, _("De klacht is nu bij %(team)s.") % {"team": team.name})


def _choose_thema(request, klacht, thema) -> None:
    klacht.thema = thema
    klacht.save(update_fields=["thema"])
    KlachtGebeurtenis.objects.create(
        klacht=klacht,
        user=request.user,
        soort=KlachtGebeurtenis.Soort.THEMA,
        tekst=thema.name[:200],
    )
    tasks.recount()  # the stoplicht counts it for this kind of help now
    messages.success(request, _("De soort hulp is bewaard."))


def _history(klacht) -> list[tuple[KlachtGebeurtenis, int]]:
    """The complaint's history as (event, times): a run of page views by one person is one line. Each view is
    logged (who read the resident's data), and a dozen of them buried the status changes."""
    lines: list[list] = []
    for event in klacht.gebeurtenissen.select_related("user"):
        previous = lines[-1][0] if lines else None
        viewed = KlachtGebeurtenis.Soort.BEKEKEN
        if previous and event.soort == previous.soort == viewed and event.user_id == previous.user_id:
            lines[-1][1] += 1
        else:
            lines.append([event, 1])
    return [(event, times) for event, times in lines]


def _postpone(request, klacht, data) -> None:
    """Postpone once (Awb 9:11 lid 2) and tell the resident; when refused, the message says why."""
    try:
        klacht.postpone(request.user, data["weken"], data["reden"])
    except PostponementNotAllowed as refused:
        messages.error(request, refused.reason)
        return
    transaction.on_commit(lambda: notices.queue_verdaging_notice(klacht.pk))
    datum = formats.date_format(klacht.antwoord_uiterlijk, "j F Y")
    # The complaint has no postal address: "stuur een brief" asked for what staff do not have.
    if klacht.gegevens.get("email"):
        text = _("De termijn is uitgesteld tot %(datum)s. De inwoner krijgt een e-mail.")
    elif klacht.gegevens.get("telefoon"):
        text = _(
            "De termijn is uitgesteld tot %(datum)s. Er is geen e-mailadres. Bel de inwoner over de datum, "
            "vraag het adres en stuur een brief: de wet vraagt een bericht op papier."
        )
    else:
        text = _("De termijn is uitgesteld tot %(datum)s. De inwoner wilde geen contact over de klacht.")
    messages.success(request, text % {"datum": datum})


def _targets(klacht):
    return [(value, Status(value).label) for value in allowed_targets(klacht.status)]


@never_cache
def nieuw(request):
    """A complaint that came in by phone, letter or at the desk, registered by a klachtbehandelaar."""
    _require(lambda user: user.is_active and user.has_perm("klachten.add_klacht"), request.user)
    form = StaffKlachtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        klacht = create_klacht(
            form,
            kanaal=form.cleaned_data["kanaal"],
            ontvangen_op=form.cleaned_data["ontvangen_op"],
            user=request.user,
        )
        registered = _("Klacht %(reference)s is geregistreerd.") % {"reference": klacht.reference}
        if visible_klachten(request.user).filter(pk=klacht.pk).exists():
            messages.success(request, registered)
            return redirect("klachten_admin:detail", pk=klacht.pk)
        # A provider none of the registrant's teams contracts: the page would be a 404. Say where it went.
        messages.success(request, f"{registered} {_not_yours(klacht)}")
        return redirect("klachten_admin:lijst")
    return render(
        request,
        "klachten/admin/nieuw.html",
        {"page_title": _("Klacht registreren"), "header_title": _("Klacht registreren"), "form": form},
    )


def _not_yours(klacht) -> str:
    if klacht.team_id:
        return _("%(team)s behandelt de klacht. Daarom staat hij niet in uw lijst.") % {
            "team": klacht.team.name
        }
    return _(
        "Geen contractteam koopt hulp bij %(organisatie)s. Een teamleider kiest het team. "
        "Daarom staat de klacht niet in uw lijst."
    ) % {"organisatie": klacht.organisatie.name}


@never_cache
def clienten(request):
    """The provider reports how many clients it has per thema: the basis of the traffic light."""
    organisatie_id = provider_organisatie_id(request.user)
    if organisatie_id is None:
        raise PermissionDenied
    themas = list(public.themas())
    rows = {row.thema_id: row for row in Clientaantal.objects.filter(organisatie_id=organisatie_id)}
    form = ClientaantallenForm(
        request.POST or None, themas=themas, initial_counts={pk: row.aantal for pk, row in rows.items()}
    )
    if request.method == "POST" and form.is_valid():
        today = timezone.localdate()
        with transaction.atomic():
            for thema_id, aantal in form.counts().items():
                row = rows.get(thema_id)
                if aantal is None:
                    if row is not None:
                        row.delete()
                elif row is None:
                    Clientaantal.objects.create(
                        organisatie_id=organisatie_id, thema_id=thema_id, aantal=aantal
                    )
                elif row.aantal != aantal:
                    row.aantal, row.bijgewerkt_op = aantal, today
                    row.save(update_fields=["aantal", "bijgewerkt_op"])
        tasks.recount()
        messages.success(request, _("De aantallen zijn bewaard."))
        return redirect("klachten_admin:clienten")
    return render(
        request,
        "klachten/admin/clienten.html",
        {
            "page_title": _("Aantal cliënten"),
            "header_title": _("Aantal cliënten per soort hulp"),
            "form": form,
        },
    )
