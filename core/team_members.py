"""The members of a team (a wijkteam, a contract team) are chosen from the roles that do that team's work: the
list named providers and page editors, and a provider was saved as a member of a contract team."""

from django import forms
from django.db.models import Q


class TeamMembersForm(forms.ModelForm):
    """`member_roles`: the groups whose users may be members. Who is in the team now stays in the list,
    whatever their role, so saving the team does not drop them unseen."""

    member_roles: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("members")
        if field is not None:
            allowed = Q(groups__name__in=self.member_roles)
            if self.instance.pk:
                allowed |= Q(pk__in=self.instance.members.values("pk"))
            field.queryset = field.queryset.filter(allowed).distinct()


class TeamMembersViewSetMixin:
    """For a Wagtail ModelViewSet of a team: its form offers members from the viewset's `member_roles`."""

    member_roles: tuple[str, ...] = ()

    def get_form_class(self, for_update=False):
        form = type(f"{self.model.__name__}Form", (TeamMembersForm,), {"member_roles": self.member_roles})
        return forms.modelform_factory(
            self.model, form=form, formfield_callback=self.formfield_for_dbfield, fields=self.form_fields
        )
