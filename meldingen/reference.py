"""A melding's reference (core.reference); named here, where the melding's migrations find its default."""

from core import reference


def new_reference(prefix: str = "M") -> str:
    return reference.new_reference(prefix)
