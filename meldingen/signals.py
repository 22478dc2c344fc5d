"""Signals of the melding. Receivers run inside the transaction that stores the melding."""

from django.dispatch import Signal

# Sent as melding_stored.send(sender=Melding, melding=melding) inside store_melding's transaction.atomic().
# A receiver that raises rolls the melding back; the user then sees the error page with all answers kept.
melding_stored = Signal()
