"""The status workflow of a melding in the backoffice, as data: states and the transitions allowed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    CONTACT_OPGENOMEN = "contact_opgenomen", _("Contact opgenomen")
    GESPREK_GEPLAND = "gesprek_gepland", _("Gesprek gepland")
    ONDERZOEK_AFGEROND = "onderzoek_afgerond", _("Onderzoek afgerond")
    AANVRAAG_ONTVANGEN = "aanvraag_ontvangen", _("Aanvraag ontvangen")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    # The same question came in twice (a short and a long melding, or from the resident and a daughter):
    # this one stops, the work goes on with the other (Behandeling.dubbel_van). Not withdrawn, and not a
    # second request for help in the figures.
    DUBBEL = "dubbel", _("Dubbele melding")


OPEN_STATUSES = (
    Status.ONTVANGEN,
    Status.CONTACT_OPGENOMEN,
    Status.GESPREK_GEPLAND,
    Status.ONDERZOEK_AFGEROND,
    Status.AANVRAAG_ONTVANGEN,
)
CLOSED_STATUSES = (Status.AFGEHANDELD, Status.INGETROKKEN, Status.DUBBEL)

# The one step forward from each open state; every open state may also be withdrawn (ingetrokken).
_NEXT = {
    Status.ONTVANGEN: Status.CONTACT_OPGENOMEN,
    Status.CONTACT_OPGENOMEN: Status.GESPREK_GEPLAND,
    Status.GESPREK_GEPLAND: Status.ONDERZOEK_AFGEROND,
    Status.ONDERZOEK_AFGEROND: Status.AANVRAAG_ONTVANGEN,
    Status.AANVRAAG_ONTVANGEN: Status.AFGEHANDELD,
}

TRANSITIONS: dict[str, frozenset[str]] = {
    **{state: frozenset({_NEXT[state], Status.INGETROKKEN}) for state in OPEN_STATUSES},
    **{state: frozenset() for state in CLOSED_STATUSES},
}
# Without an aanvraag the melding closes after the onderzoek: the resident wants none, or help anyone may use
# (a voorliggende voorziening) solved it.
TRANSITIONS[Status.ONDERZOEK_AFGEROND] |= {Status.AFGEHANDELD}
# The resident may apply before the onderzoek is finished: the status page says so once its term is over (Wmo
# 2015 art. 2.3.2), and the consulent records that aanvraag.
TRANSITIONS[Status.CONTACT_OPGENOMEN] |= {Status.AANVRAAG_ONTVANGEN}
TRANSITIONS[Status.GESPREK_GEPLAND] |= {Status.AANVRAAG_ONTVANGEN}
# A double is seen early, before a gesprek is planned: later a planned gesprek or a running term of the
# beschikking would stop with it.
TRANSITIONS[Status.ONTVANGEN] |= {Status.DUBBEL}
TRANSITIONS[Status.CONTACT_OPGENOMEN] |= {Status.DUBBEL}
# A planned gesprek may also be planned again: moved to another moment.
TRANSITIONS[Status.GESPREK_GEPLAND] |= {Status.GESPREK_GEPLAND}
# A wrong uitkomst may be corrected: afgehandeld again, with another uitkomst (the melding stays closed).
TRANSITIONS[Status.AFGEHANDELD] |= {Status.AFGEHANDELD}


class TransitionNotAllowed(Exception):
    """Raised when a status change is not part of the workflow."""

    def __init__(self, current: str, target: str):
        super().__init__(f"status change {current} -> {target} is not allowed")
        self.current = current
        self.target = target


class OtherMeldingBusy(Exception):
    """A colleague is saving the melding a double would go on with, at this very moment."""


def allowed_targets(current: str) -> list[str]:
    """The statuses a melding in `current` may move to, in workflow order."""
    return [status for status in Status.values if status in TRANSITIONS.get(current, ())]


class GesprekPlaats(models.TextChoices):
    """Where a planned gesprek is: a choice, not free text, so no address is kept outside the encrypted
    answers (the resident's own wish is among them)."""

    THUIS = "thuis", _("Bij de inwoner thuis")
    GEMEENTEHUIS = "gemeentehuis", _("In het gemeentehuis")
    TELEFOON = "telefoon", _("Aan de telefoon")
    ELDERS = "elders", _("Ergens anders")


class Uitkomst(models.TextChoices):
    """What the melding led to, recorded when it is afgehandeld."""

    TOEGEKEND = "toegekend", _("Krijgt ondersteuning")
    NIET_TOEGEKEND = "niet_toegekend", _("Krijgt geen ondersteuning")
    VOORLIGGEND = "voorliggend", _("Opgelost met een voorliggende voorziening")
    GEEN_AANVRAAG = "geen_aanvraag", _("De inwoner doet geen aanvraag")


# A decision on support (the beschikking) answers an aanvraag; a melding without one ends otherwise.
DECISIONS = (Uitkomst.TOEGEKEND, Uitkomst.NIET_TOEGEKEND)
WITHOUT_AANVRAAG = (Uitkomst.VOORLIGGEND, Uitkomst.GEEN_AANVRAAG)
