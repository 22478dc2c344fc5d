"""Capacity stays fresh: a provider whose capacity is older than 7 days gets an e-mail "Werk uw
beschikbaarheid bij", at most once per `SOCIALEKAART_CAPACITY_REMINDER_DAYS` (default 7) per organisation.

The task `remind_capacity` (tasks.py) runs this on the task queue and queues its next run, like the
delivery sweep; the chain starts when capacity is saved, or with `manage.py remind_capacity`.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import CAPACITEIT_VEROUDERD_NA, AanbiederAccount, Capaciteit, Organisatie


def reminder_interval() -> timedelta:
    return timedelta(days=getattr(settings, "SOCIALEKAART_CAPACITY_REMINDER_DAYS", 7))


def oldest_update(organisatie_id):
    """The date of the organisation's least recently updated capacity, or None when it reports none."""
    return Capaciteit.objects.filter(voorziening__organisatie_id=organisatie_id).aggregate(
        oldest=Min("bijgewerkt_op")
    )["oldest"]


def organisations_to_remind(now=None):
    """Organisations with capacity older than 7 days that were not reminded within the interval."""
    now = now or timezone.now()
    stale = Capaciteit.objects.filter(bijgewerkt_op__lt=now - CAPACITEIT_VEROUDERD_NA).values(
        "voorziening__organisatie_id"
    )
    return (
        Organisatie.objects.filter(pk__in=stale)
        .exclude(capaciteit_herinnerd_op__gt=now - reminder_interval())
        .order_by("name")
    )


def send_reminders(now=None) -> int:
    """E-mail each provider whose capacity is stale; returns how many organisations were reminded."""
    now = now or timezone.now()
    sent = 0
    for organisatie in organisations_to_remind(now):
        users = get_user_model().objects.filter(
            pk__in=AanbiederAccount.objects.filter(organisatie=organisatie).values("user_id"), is_active=True
        )
        addresses = sorted({user.email for user in users if user.email})
        if not addresses:
            continue
        oldest = oldest_update(organisatie.pk)
        send_mail(
            _("Werk uw beschikbaarheid bij"),
            _(
                "Beste {name},\n\n"
                "Op de sociale kaart staat de beschikbaarheid van {organisatie}. "
                "Het oudste deel is bijgewerkt op {date}. Dat is meer dan 7 dagen geleden.\n\n"
                "Wijkteams en consulenten kijken naar deze gegevens als zij iemand naar u verwijzen. "
                "Wilt u ze bijwerken? Log in en kies 'Werk uw beschikbaarheid bij':\n{url}\n\n"
                "Met vriendelijke groet,\n{gemeente}"
            ).format(
                name=organisatie.name,
                organisatie=organisatie.name,
                date=date_format(timezone.localtime(oldest), "j F Y") if oldest else "-",
                url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
                gemeente=settings.MUNICIPALITY_NAME,
            ),
            settings.DEFAULT_FROM_EMAIL,
            addresses,
        )
        # update(), not save(): the reminder changes nothing a search or the HSDS export shows.
        Organisatie.objects.filter(pk=organisatie.pk).update(capaciteit_herinnerd_op=now)
        sent += 1
    return sent
