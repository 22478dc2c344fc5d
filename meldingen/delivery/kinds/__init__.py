"""The registry of delivery kinds: one class per kind, one module per class in this package.

A module registers its class with `@register("webhook")`; every module here is loaded the first time the
registry is asked, so a new kind is one new module and nothing else (no list to keep in step).
"""

import importlib
import pkgutil

from meldingen.delivery.kinds.base import DeliveryKind

_kinds: dict[str, DeliveryKind] = {}
_loaded = False


def register(kind: str):
    """Class decorator: make the class the delivery kind called `kind`."""

    def decorator(cls):
        if kind in _kinds and type(_kinds[kind]) is not cls:
            raise ValueError(f"delivery kind {kind!r} is registered twice")
        cls.kind = kind
        _kinds[kind] = cls()
        return cls

    return decorator


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    _loaded = True


def get(kind: str) -> DeliveryKind:
    _load()
    return _kinds[kind]


def all_kinds() -> list[DeliveryKind]:
    _load()
    return sorted(_kinds.values(), key=lambda item: item.order)


def choices() -> list[tuple[str, str]]:
    """For the model field's `choices` (a callable, so migrations never list the kinds)."""
    return [(item.kind, item.label) for item in all_kinds()]
