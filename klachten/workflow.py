"""The workflow of a complaint, as data: ontvangen → in behandeling → afgehandeld, nothing else."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Oordeel(models.TextChoices):
    """The judgement at the end; an unfounded complaint does not count for the traffic light."""

    GEGROND = "gegrond", _("Gegrond")
    DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
    ONGEGROND = "ongegrond", _("Ongegrond")


class Horen(models.TextChoices):
    """Awb 9:10: the resident is heard before the complaint is judged, unless one of the law's exceptions
    applies (lid 2), or the resident wanted no contact at all."""

    GEHOORD = "gehoord", _("Ja, de inwoner is gehoord")
    WIL_NIET = "wil_niet", _("Nee, de inwoner wilde niet gehoord worden")
    GEEN_REACTIE = "geen_reactie", _("Nee, de inwoner reageerde niet op de uitnodiging")
    KENNELIJK_ONGEGROND = "kennelijk_ongegrond", _("Nee, de klacht is duidelijk ongegrond")
    GEEN_CONTACT = "geen_contact", _("Nee, de inwoner wilde geen contact")


class Kanaal(models.TextChoices):
    WEBSITE = "website", _("Website")
    TELEFOON = "telefoon", _("Telefoon")
    BRIEF = "brief", _("Brief")
    BALIE = "balie", _("Balie")


TRANSITIONS: dict[str, frozenset[str]] = {
    Status.ONTVANGEN: frozenset({Status.IN_BEHANDELING}),
    Status.IN_BEHANDELING: frozenset({Status.AFGEHANDELD}),
    Status.AFGEHANDELD: frozenset(),
}


class TransitionNotAllowed(Exception):
    def __init__(self, current: str, target: str):
        super().__init__(f"status change {current} -> {target} is not allowed")


def allowed_targets(current: str) -> list[str]:
    return [status for status in Status.values if status in TRANSITIONS.get(current, ())]


class PostponementNotAllowed(Exception):
    """Awb 9:11 lid 2 allows one postponement, before the complaint is answered and before its term ends."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
