"""How a question page lays out its form: every field in the form's order, through the shared form-field
component, except fields that a form declares as a group (a fieldset drawn by its own template).

A new field on a form therefore appears on its page without touching a template.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)
class Group:
    """Fields shown together, at the place of the first of them.

    `parts` names sub-lists of the fields for templates that draw them apart (e.g. the address: the fields
    to look it up with, then the ones filled in); `fields` defaults to all parts in order.
    """

    template: str
    fields: tuple[str, ...] = ()
    legend: str = ""
    hint: str = ""
    id: str = ""
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def field_names(self) -> tuple[str, ...]:
        return self.fields or tuple(name for names in self.parts.values() for name in names)


class BoundGroup:
    """A group with the form's bound fields, for its template (as `group`)."""

    def __init__(self, group: Group, form):
        self.group = group
        self.template = group.template
        self.legend, self.hint, self.id = group.legend, group.hint, group.id
        self.fields = [form[name] for name in group.field_names() if name in form.fields]
        self.first = self.fields[0] if self.fields else None
        self.parts = {
            part: [form[name] for name in names if name in form.fields] for part, names in group.parts.items()
        }
        self.required = any(bound.field.required for bound in self.fields)
        self.has_errors = any(bound.errors for bound in self.fields)


@dataclass(frozen=True)
class FieldItem:
    """One field on its own, drawn by the shared form-field component (`{% form_field item.field %}`)."""

    field: object
    template = None  # a group's template draws a group; the shared component draws a lone field


def layout(form) -> list:
    """The page's items in the form's field order: a FieldItem per lone field, a BoundGroup per group."""
    group_of = {name: group for group in form.groups for name in group.field_names()}
    items, drawn = [], set()
    for bound in form:
        group = group_of.get(bound.name)
        if group is None:
            items.append(FieldItem(bound))
        elif id(group) not in drawn:
            drawn.add(id(group))
            items.append(BoundGroup(group, form))
    return items
