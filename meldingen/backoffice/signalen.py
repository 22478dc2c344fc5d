"""Signals from providers and professionals ("er speelt meer"): sent with the client's consent, routed by
postcode to the wijkteam like a melding, with their own short term in working days. The sender sees only
the status of their own signals, never what the wijkteam did."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.reference import new_reference
from meldingen.backoffice.models import AuditEntry, Signaal, Wijkteam
from meldingen.backoffice.roles import can_send_signaal, display_name, may_take
from meldingen.backoffice.search_index import name_index
from meldingen.backoffice.tasks import schedule_retention
from meldingen.crypto import encrypt_json
from socialekaart import public as kaart

ONDERWERPEN = [
    ("eenzaamheid", _("Eenzaamheid")),
    ("schulden", _("Geldzorgen of schulden")),
    ("mantelzorger", _("De mantelzorger is overbelast")),
    ("wonen", _("Zorgen over het huis of de woonplek")),
    ("zelfredzaamheid", _("Redt het dagelijks leven niet meer alleen")),
    ("anders", _("Iets anders")),
]


def onderwerp_labels(signaal) -> list[str]:
    labels = dict(ONDERWERPEN)
    return [str(labels.get(code, code)) for code in signaal.onderwerpen]


TAKEN = _("In behandeling genomen")


def _what_happened(entry) -> str:
    if entry.action == AuditEntry.Action.SIGNAAL_SENT:
        return _("Gestuurd")
    if entry.action == AuditEntry.Action.ASSIGNED:
        return TAKEN
    return _("Status: %(status)s") % {"status": entry.detail}


def history(signaal) -> list[tuple]:
    """(moment, what, who, note) from sending to now, oldest first: the statuses and who took it from the
    audit log (after "Contact opgenomen" and "Afgerond" the page said nothing of when or by whom) and the
    team's notes."""
    Action = AuditEntry.Action
    entries = AuditEntry.objects.filter(
        reference=signaal.reference, action__in=[Action.SIGNAAL_SENT, Action.SIGNAAL_STATUS, Action.ASSIGNED]
    ).select_related("user")
    moments = [
        (entry.at, _what_happened(entry), display_name(entry.user) if entry.user else entry.username, "")
        for entry in entries.order_by("at", "pk")
    ]
    notes = signaal.notities.select_related("author")
    moments += [
        (note.created_at, _("Notitie"), display_name(note.author) if note.author else "", note.text)
        for note in notes
    ]
    return sorted(moments, key=lambda moment: moment[0])


def sender_organisation(user) -> str:
    """The organisation of a provider's login on the kaart; "" for a professional (the form asks them)."""
    return kaart.organisatie_name_of_provider(user)


def organisation_given_before(user) -> str:
    """What a professional last wrote as their organisation or practice: a walk found it asked anew on every
    signal."""
    earlier = Signaal.objects.filter(sender=user).exclude(sender_organisation="").order_by("-created_at")
    return earlier.values_list("sender_organisation", flat=True).first() or ""


def phone_given_before(user) -> str:
    """The number a professional last gave to be called back on (a walk's assistant typed hers on every
    signal); none once that signal's data is gone."""
    last = Signaal.objects.filter(sender=user).exclude(encrypted_data="").order_by("-created_at").first()
    return last.data.get("afzender_telefoon", "") if last else ""


def sender_details(user) -> dict:
    """What a signed-in provider or professional gave of themselves, for the melder step of a melding for a
    client: a walk's professional typed her name, practice and number again, which her signals knew."""
    if not can_send_signaal(user):
        return {}
    organisation = sender_organisation(user) or organisation_given_before(user)
    # A person's name only: not the login, nor an account named after its organisation (a walk read
    # "Welzijn Lindewaard" as the melder's name).
    name = user.get_full_name()
    details = {
        "naam": "" if name == organisation else name,
        "organisatie": organisation,
        "telefoon": phone_given_before(user),
        "email": user.email,
    }
    return {field: value for field, value in details.items() if value}


def send(user, data: dict) -> Signaal:
    """Store a signal from a valid SignaalForm's cleaned_data: the client's data encrypted, routed to the
    team of the postcode's wijk, the contact term counted in working days; audited."""
    wijk = kaart.wijk_for_postcode(data["postcode"])
    today = timezone.localdate()
    with transaction.atomic():
        signaal = Signaal.objects.create(
            reference=new_reference("S"),
            sender=user,
            sender_name=display_name(user)[:200],
            sender_organisation=(sender_organisation(user) or data.get("organisatie", "")).strip()[:200],
            onderwerpen=list(data["onderwerpen"]),
            encrypted_data=encrypt_json(
                {
                    "naam": data["naam"],
                    "telefoon": data["telefoon"],
                    "postcode": data["postcode"],
                    "toelichting": data["toelichting"],
                    "afzender_telefoon": data.get("afzender_telefoon", ""),
                }
            ),
            name_index=name_index(data["naam"]),
            toestemming_door=data["toestemming_door"],
            toestemming_op=today,
            wijk=wijk,
            team=Wijkteam.for_wijk(wijk),
            contact_deadline=Signaal.contact_deadline_for(today),
        )
        AuditEntry.record(user, None, AuditEntry.Action.SIGNAAL_SENT, reference=signaal.reference)
    schedule_retention()  # the signal's data goes by the backoffice's recurring retention task
    return signaal


def can_take(user, signaal) -> bool:
    """As a melding: a consulent of the signal's team (or of any, without a team) calls the client."""
    return signaal.status != Signaal.Status.AFGEROND and may_take(user, signaal)


def take(signaal, user) -> bool:
    """The user calls the client: the signal is theirs (taken over from a colleague too). False when it
    changed hands meanwhile (two clicks at once: the first wins, the second is told who has it)."""
    with transaction.atomic():
        taken = Signaal.objects.filter(pk=signaal.pk, consulent=signaal.consulent_id).update(
            consulent=user, updated_at=timezone.now()
        )
        if taken:
            AuditEntry.record(user, None, AuditEntry.Action.ASSIGNED, str(TAKEN), reference=signaal.reference)
    signaal.refresh_from_db(fields=["consulent", "updated_at"])
    return bool(taken)


def change_status(signaal, user, status: str) -> bool:
    """The signal's new status, written in its history; False, with nothing written, when it already had
    it (saved again unchanged, the history said "Nieuw" once more). A consulent who takes a step with a
    signal nobody has, has it (as with a melding)."""
    if status == signaal.status:
        return False
    with transaction.atomic():
        if signaal.consulent_id is None and can_take(user, signaal):
            take(signaal, user)
        signaal.closed_at = timezone.now() if status == Signaal.Status.AFGEROND else None
        if status == Signaal.Status.CONTACT_OPGENOMEN:
            signaal.contacted_at = signaal.contacted_at or timezone.now()  # the first contact
        elif status == Signaal.Status.NIEUW:
            signaal.contacted_at = None  # a contact recorded by mistake
        signaal.status = status
        signaal.save(update_fields=["status", "closed_at", "contacted_at", "updated_at"])
        AuditEntry.record(
            user,
            None,
            AuditEntry.Action.SIGNAAL_STATUS,
            signaal.get_status_display(),
            reference=signaal.reference,
        )
    return True
