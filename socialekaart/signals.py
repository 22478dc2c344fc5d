"""Keep the search index current: every change to a voorziening or anything it shows enqueues work. A change
to a row the voorziening's public record shows (its locations, organisation, terms, wijken) also moves its
`updated_at`: the HSDS API's `last_modified` and `modified_after` say "when the service, or any related
information about the service, has changed".

Changes are collected per thread and enqueued after the commit, so a rolled-back edit never reaches the
index and an admin save that touches many related rows makes one task. (Ids left over from a
rolled-back transaction are indexed with the next commit; indexing reads the current data, so that
is harmless.)
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from core import vocabulary

from . import models
from .search import versions

CHUNK = 500
_local = threading.local()


class _Batch:
    """The voorzieningen to (re)index or remove when the current transaction commits."""

    def __init__(self):
        self.index: set[str] = set()
        self.remove: set[str] = set()
        self.synonyms = False

    def enqueue(self):
        from . import tasks

        index = sorted(self.index - self.remove)
        for start in range(0, len(index), CHUNK):
            tasks.index_voorzieningen.enqueue(index[start : start + CHUNK])
        remove = sorted(self.remove)
        for start in range(0, len(remove), CHUNK):
            tasks.remove_voorzieningen.enqueue(remove[start : start + CHUNK])
        if self.synonyms:
            tasks.synonyms_changed.enqueue()


def _flush():
    batch, _local.batch = getattr(_local, "batch", None), None
    if batch is not None:
        batch.enqueue()


@contextmanager
def paused():
    """Record nothing inside the block: for bulk loaders that rebuild the index themselves afterwards."""
    _local.paused = True
    try:
        yield
    finally:
        _local.paused = False


def _later(update) -> None:
    """Record a change now; enqueue the work when the transaction commits (at once outside one)."""
    if getattr(_local, "paused", False):
        return
    if getattr(_local, "batch", None) is None:
        _local.batch = _Batch()
    update(_local.batch)
    transaction.on_commit(_flush)


def _shown_row_changed(ids) -> None:
    """A row these voorzieningen show changed: their `updated_at` moves now, in the same transaction, and they
    are reindexed when it commits."""
    ids = [str(pk) for pk in ids]
    if ids and not getattr(_local, "paused", False):
        models.Voorziening.objects.filter(pk__in=ids).update(updated_at=timezone.now())
        _later(lambda batch: batch.index.update(ids))


def reindex_later(ids) -> None:
    """For bulk writes, which send no signals: (re)index these voorzieningen when the transaction commits."""
    ids = {str(pk) for pk in ids}
    if ids:
        _later(lambda batch: batch.index.update(ids))


@receiver(post_save, sender=models.Voorziening)
def voorziening_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _later(lambda batch: batch.index.add(str(instance.pk)))


@receiver(post_delete, sender=models.Voorziening)
def voorziening_deleted(sender, instance, **kwargs):
    _later(lambda batch: batch.remove.add(str(instance.pk)))


@receiver(m2m_changed, sender=models.Voorziening.themas.through)
@receiver(m2m_changed, sender=models.Voorziening.doelgroepen.through)
@receiver(m2m_changed, sender=models.Voorziening.wijken.through)
def voorziening_terms_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    _shown_row_changed([instance.pk] if isinstance(instance, models.Voorziening) else pk_set or ())


@receiver(post_save, sender=models.VoorzieningOpLocatie)
@receiver(post_delete, sender=models.VoorzieningOpLocatie)
def location_row_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.voorziening_id:
        _shown_row_changed([instance.voorziening_id])


@receiver(post_save, sender=models.Openingstijd)
@receiver(post_delete, sender=models.Openingstijd)
def opening_hours_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        op_locatie = models.VoorzieningOpLocatie.objects.filter(pk=instance.op_locatie_id)
        _shown_row_changed(op_locatie.values_list("voorziening_id", flat=True))


@receiver(post_save, sender=models.Sluiting)
@receiver(post_delete, sender=models.Sluiting)
def closure_changed(sender, instance, raw=False, **kwargs):
    """The page shows the closure; a closure that starts today closes the voorziening at once. One that ended
    shows and changes nothing: `closures.apply` removes those, and each delete made it run again."""
    if not raw and instance.tot_en_met >= timezone.localdate():
        _shown_row_changed([instance.voorziening_id])
        transaction.on_commit(_apply_closures)


def _apply_closures():
    from . import tasks  # as in _Batch: the tasks module loads the search backends

    tasks.apply_closures_now()


@receiver(post_save, sender=models.Capaciteit)
@receiver(post_delete, sender=models.Capaciteit)
def capacity_changed(sender, instance, raw=False, **kwargs):
    """Only professionals see the capacity: the public record (and its last_modified) stays the same."""
    if not raw and instance.voorziening_id:
        _later(lambda batch: batch.index.add(str(instance.voorziening_id)))


@receiver(post_save, sender=models.Locatie)
def locatie_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _shown_row_changed(instance.voorzieningen_hier.values_list("voorziening_id", flat=True))


@receiver(post_save, sender=models.Organisatie)
def organisatie_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _shown_row_changed(instance.voorzieningen.values_list("pk", flat=True))


@receiver(post_save, sender=models.Term)
@receiver(pre_delete, sender=models.Term)
def term_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    versions.bump()  # labels and options are read from the terms themselves
    vocabulary.forget()  # theme names are words of the shared search vocabulary
    ids = [
        str(pk)
        for pk in models.Voorziening.objects.filter(Q(themas=instance) | Q(doelgroepen=instance))
        .distinct()
        .values_list("pk", flat=True)
    ]
    _shown_row_changed(ids)


@receiver(post_save, sender=models.Wijk)
@receiver(post_delete, sender=models.Wijk)
@receiver(post_save, sender=models.WijkPostcode)
@receiver(post_delete, sender=models.WijkPostcode)
def wijk_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    versions.bump()  # options, postcodes and centre points are read from the wijken themselves
    if sender is models.Wijk and kwargs.get("signal") is post_save:
        _shown_row_changed(instance.voorzieningen.values_list("pk", flat=True))  # their service areas name it
        ids = [
            str(pk)
            for pk in models.Voorziening.objects.filter(hele_gemeente=True).values_list("pk", flat=True)
        ]
        _later(lambda batch: batch.index.update(ids))


@receiver(post_save, sender=models.Synoniemgroep)
@receiver(post_delete, sender=models.Synoniemgroep)
def synoniemen_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    versions.bump()  # the next search reads the synonyms again, in every process
    vocabulary.forget()  # and so does the site search

    def flag(batch):
        batch.synonyms = True

    _later(flag)


@receiver(post_migrate)
def create_groups(sender, app_config=None, using="default", **kwargs):
    if getattr(sender, "name", "") != "socialekaart":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # Our handler may run before auth's own; the permissions must exist before the groups get them.
    for label in ("socialekaart", "wagtailadmin"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    from .permissions import ensure_groups

    ensure_groups()


@receiver(post_save, sender=models.Capaciteit, dispatch_uid="socialekaart.capacity_reminders")
def start_capacity_reminders(sender, instance, raw=False, **kwargs):
    """The first capacity starts the chain of reminder runs (each run queues the next)."""
    if not raw:
        from .tasks import schedule_capacity_reminders

        transaction.on_commit(schedule_capacity_reminders)
