"""E-mails about complaints, sent through the task queue after the change committed. They carry the
complaint's number, a date and a link, never the resident's words, name or contact details: an e-mail
travels outside our systems.

- A new complaint: to the mailbox of the contract team it was routed to, or to KLACHTEN_MAILBOX when no team
  handles it (a complaint about the gemeente, or about a provider no team contracts): it never reaches nobody;
  and to the resident, when they gave an e-mail address: the number and the day of the answer (Awb 9:6: the
  receipt is confirmed in writing).
- A postponement (Awb 9:11 lid 2): to the resident, when they gave an e-mail address: the number and the new
  date, not the reason (it may name people); the resident can call to hear it."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Klacht

logger = logging.getLogger(__name__)


def _enqueue(notice_task, klacht_pk: int) -> None:
    try:
        notice_task.enqueue(klacht_pk)
    except Exception as exc:  # noqa: BLE001 - the complaint stands; the e-mail is a notice
        logger.error("Queueing a complaint notice failed: %s", type(exc).__name__)


def _municipality() -> dict:
    return {"name": settings.MUNICIPALITY_NAME, "phone": settings.MUNICIPALITY_PHONE}


def queue_new_klacht_notice(klacht_pk: int) -> None:
    _enqueue(send_new_klacht_notice, klacht_pk)


def new_klacht_notice(klacht) -> tuple[str, str]:
    subject = _("Nieuwe klacht %(reference)s") % {"reference": klacht.reference}
    body = render_to_string(
        "klachten/email/nieuwe_klacht.txt",
        {
            "klacht": klacht,
            "url": settings.SITE_URL.rstrip("/") + reverse("klachten_admin:detail", args=[klacht.pk]),
            "municipality": _municipality(),
        },
    )
    return subject, body


@task()
def send_new_klacht_notice(klacht_pk: int) -> bool:
    klacht = Klacht.objects.select_related("team", "organisatie").filter(pk=klacht_pk).first()
    if klacht is None:
        return False
    mailbox = klacht.team.mailbox if klacht.team else settings.KLACHTEN_MAILBOX
    if not mailbox:  # a team without a mailbox of its own: its members see the complaint in the backoffice
        return False
    subject, body = new_klacht_notice(klacht)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [mailbox])
    return True


def queue_ontvangst_notice(klacht_pk: int) -> None:
    _enqueue(send_ontvangst_notice, klacht_pk)


def ontvangst_notice(klacht) -> tuple[str, str]:
    subject = _("Wij hebben uw klacht %(reference)s ontvangen") % {"reference": klacht.reference}
    body = render_to_string(
        "klachten/email/ontvangen.txt", {"klacht": klacht, "municipality": _municipality()}
    )
    return subject, body


@task()
def send_ontvangst_notice(klacht_pk: int) -> bool:
    return _to_the_resident(klacht_pk, ontvangst_notice)


def queue_verdaging_notice(klacht_pk: int) -> None:
    _enqueue(send_verdaging_notice, klacht_pk)


def verdaging_notice(klacht) -> tuple[str, str]:
    subject = _("Uw klacht %(reference)s: wij hebben meer tijd nodig") % {"reference": klacht.reference}
    body = render_to_string(
        "klachten/email/verdaagd.txt", {"klacht": klacht, "municipality": _municipality()}
    )
    return subject, body


@task()
def send_verdaging_notice(klacht_pk: int) -> bool:
    return _to_the_resident(klacht_pk, verdaging_notice)


def _to_the_resident(klacht_pk: int, notice) -> bool:
    """Send `notice(klacht)` (subject, body) to the address the resident gave, if they gave one."""
    klacht = Klacht.objects.filter(pk=klacht_pk, personal_data_removed_at__isnull=True).first()
    email = klacht.gegevens.get("email") if klacht is not None else ""
    if not email:
        return False
    subject, body = notice(klacht)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    return True
