"""Connects the backoffice to `melding_stored`: the case row and the delivery jobs are written in the
transaction that stores the melding, and the jobs reach the queue only once that transaction commits.
Also makes every consulent and teamleider a professional on the sociale kaart."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone

from core.recurring import keep_all_scheduled
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.roles import KAART_PROFESSIONAL_ROLES
from meldingen.backoffice.routing import team_for
from meldingen.backoffice.search_index import address_index, name_index
from meldingen.delivery.models import DeliveryJob, DeliveryTarget
from meldingen.signals import melding_stored
from socialekaart import public as kaart


@receiver(melding_stored, dispatch_uid="backoffice.create_behandeling")
def create_behandeling(sender, melding, **kwargs):
    create_behandeling_for(melding)


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="backoffice.kaart_professionals")
def consulenten_are_kaart_professionals(sender, instance, action, reverse, pk_set, **kwargs):
    """A consulent or teamleider is a professional on the sociale kaart: giving the role adds the login to
    the kaart's Professionals group."""
    if action != "post_add" or reverse or not pk_set:
        return
    if Group.objects.filter(pk__in=pk_set, name__in=KAART_PROFESSIONAL_ROLES).exists():
        kaart.make_professional(instance)


def create_behandeling_for(melding) -> Behandeling:
    created = timezone.localdate(melding.created_at)
    contact, onderzoek = Behandeling.deadlines_for(created, melding.spoed)
    behandeling = Behandeling.objects.create(
        melding=melding,
        team=team_for(melding),
        contact_deadline=contact,
        onderzoek_deadline=onderzoek,
        next_deadline=contact,
        name_index=name_index(melding.typed_answers.names_to_find_by),
        address_index=address_index(melding.typed_answers),
    )
    # Only targets a second person approved; each job keeps the options approved at this moment.
    jobs = DeliveryJob.create_all_for(melding, DeliveryTarget.objects.in_service().order_by("pk"))
    transaction.on_commit(lambda: _enqueue_all(jobs))
    return behandeling


def _enqueue_all(jobs) -> None:
    from meldingen.backoffice.tasks import retention_schedule
    from meldingen.delivery.tasks import enqueue, sweep_schedule

    for job in jobs:
        enqueue(job)
    # The sweep and the backoffice's retention clean-up each keep one run waiting; one query checks both.
    keep_all_scheduled([sweep_schedule(), retention_schedule()])
