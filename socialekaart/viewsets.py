"""The sociale kaart in the Wagtail admin: one menu, a snippet view set per model.

Providers' logins are scoped to their own organisation (see permissions.py): listings are filtered,
every URL that names an object is checked, and the form choices only offer their own records.
Every save of a model with revisions stores a revision and a log entry, so the history shows who
changed what and when, and two versions can be compared.
"""

from __future__ import annotations

import functools
from datetime import time
from typing import NamedTuple

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, Panel
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.postcode import normalise_postcode
from core.templatetags.core_tags import tel

from . import closures, languages, models, permissions

TOO_LONG = _(
    "Deze tekst heeft %(show_value)d tekens. Dat mag hoogstens %(limit_value)d zijn. Maak hem wat korter."
)
NOT_A_WHOLE_NUMBER = _("Vul alleen een getal in, zoals 3. Zonder woorden erbij.")
NOT_AN_AMOUNT = _("Vul alleen het bedrag in, zoals 7,50. Zonder € erbij.")


class ScopedForm(WagtailAdminModelForm):
    """Offers a provider only its own organisation's records in every choice field, and reads amounts and
    coordinates as they are written in Dutch."""

    scoped_choices = {
        "organisatie": ("pk", models.Organisatie),
        "voorziening": ("organisatie", models.Voorziening),
        "locatie": ("organisatie", models.Locatie),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisatie_id = permissions.organisatie_id_of(self.for_user)
        for name, (lookup, _model) in self.scoped_choices.items():
            field = self.fields.get(name)
            if field is None:
                continue
            if organisatie_id is not None:
                field.queryset = field.queryset.filter(**{lookup: organisatie_id})
                if name == "organisatie":
                    field.initial = organisatie_id
                    field.empty_label = None
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and "maxlength" in field.widget.attrs:
                # A browser's maxlength cut a pasted summary of 439 characters off at 300 without a word: the
                # server says how long it is, and the page keeps every word (as core/limited_text.py does).
                field.widget.attrs["data-max-length"] = field.widget.attrs.pop("maxlength")
                field.error_messages["max_length"] = TOO_LONG
            if isinstance(field, forms.DecimalField | forms.FloatField):
                # A browser's number field not set to Dutch turned "2,50" into 250: a text field, read with
                # the Dutch comma (a point works too), gives each browser the amount that was typed.
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
                field.widget.is_localized = True
                if isinstance(field, forms.DecimalField):  # an amount: "€ 7,50" was "Voer een getal in."
                    field.error_messages["invalid"] = NOT_AN_AMOUNT
            elif isinstance(field, forms.IntegerField):
                # A browser's number field sent "3 weken" as nothing, and the page said the waiting time was
                # saved (a walk): a text field keeps what was typed and the server says what is wrong.
                field.widget = forms.TextInput(attrs={"inputmode": "numeric"})
                field.error_messages["invalid"] = NOT_A_WHOLE_NUMBER


class LocatieForm(ScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("latitude", "longitude"):
            self.fields[name].help_text = _("Niet verplicht. Leeg: het midden van de postcode.")
        self.fields["wijk"].help_text = _("Niet verplicht. Leeg: de wijk van de postcode.")

    def clean_postcode(self):
        typed = self.cleaned_data["postcode"]
        if not typed.strip():
            return ""
        postcode = normalise_postcode(typed)
        if postcode is None:  # "39144 AB" was kept as "39144 A", on the kaart and on the client's list
            raise ValidationError(_("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3911 AB."))
        return postcode

    def clean(self):
        cleaned = super().clean()
        if "postcode" in self.changed_data:
            # A new postcode brings its own wijk and centre (Locatie.fill_in_from_postcode), unless those were
            # changed too: a moved location kept the old wijk and stood on the map at the old address.
            if "wijk" not in self.changed_data:
                cleaned["wijk"] = None
            if not {"latitude", "longitude"} & set(self.changed_data):
                cleaned["latitude"] = cleaned["longitude"] = None
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            both = _("Vul de breedtegraad en de lengtegraad allebei in, of laat ze allebei leeg.")
            raise ValidationError(both, code="half_point")
        if "postcode" in self.changed_data and self._outside_the_gemeente(cleaned):
            # "1011 AB" for "3911 AB" was saved without a word: no wijk, off the map, "geen vast adres".
            self.add_error(
                "postcode",
                _(
                    "Deze postcode ligt niet in onze gemeente. Kijk de postcode na. Ligt de locatie echt "
                    "buiten de gemeente? Vul dan ook de breedtegraad en de lengtegraad in. Dan staat hij op "
                    "de kaart."
                ),
            )
        return cleaned

    @staticmethod
    def _outside_the_gemeente(cleaned) -> bool:
        """A postcode none of the wijken has, for a location without its own coordinates."""
        postcode = cleaned.get("postcode")
        if not postcode or cleaned.get("latitude") is not None:
            return False
        return not models.WijkPostcode.objects.filter(pc4=postcode.replace(" ", "")[:4]).exists()


class TaalcodesField(forms.CharField):
    """The languages as a provider types them ("Nederlands, Engels", or codes: "nl, en"), kept as the list of
    codes the kaart stores (socialekaart/languages.py)."""

    def prepare_value(self, value):
        return languages.as_typed(value) if isinstance(value, list) else value

    def to_python(self, value):
        codes, wrong = languages.parse(super().to_python(value))
        if wrong:
            raise ValidationError(
                _(
                    "Deze taal kennen wij niet: %(wrong)s. Schrijf de naam van de taal, zoals Engels, "
                    "of een code van 2 of 3 letters, zoals en."
                ),
                params={"wrong": ", ".join(wrong)},
            )
        return codes


def _free_slug(name: str) -> str:
    """The name as the last part of a link ("Koffie & meer": "koffie-meer"), with a number when taken."""
    base = slugify(name)[:190] or "voorziening"
    slug, number = base, 1
    while models.Voorziening.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class VoorzieningForm(ScopedForm):
    talen = TaalcodesField(
        label=_("Talen"),
        required=False,
        help_text=_(
            "In welke talen helpt u de mensen? Zet een komma ertussen, bijvoorbeeld: Nederlands, Engels."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        provider = permissions.organisatie_id_of(self.for_user) is not None
        if slug is not None and provider and not self.instance._state.adding:
            # The kaart's links are stable (DESIGN.md): a provider who renamed it broke every link to it.
            slug.disabled = True
            slug.help_text = _("Deze link blijft hetzelfde, zodat oude links blijven werken.")
        elif slug is not None and not self.instance._state.adding:
            slug.help_text = _("Verandert u dit? Dan gaan oude links vanzelf naar de nieuwe link.")
        elif slug is not None and self.instance._state.adding:
            # A provider had to make up a "korte naam in de link" before it could add its help.
            slug.required = False
            slug.help_text = _(
                "Het laatste deel van de link naar deze pagina. Laat het leeg: dan maken wij het van de naam."
            )
        status = self.fields.get("status")
        if status is not None:  # a provider cannot delete help (permissions.AANBIEDER_ACTIONS)
            status.help_text = _(
                "Stopt deze hulp? Kies dan Gestopt. Dan staat deze hulp niet meer op de kaart. "
                "U kunt dit later terugzetten."
            )
        checked = self.fields.get("laatst_gecontroleerd")
        if checked is not None:
            checked.help_text = _(
                "Als u opslaat, zetten wij hier de datum van vandaag. "
                "Vult u zelf een andere datum in? Dan blijft die staan."
            )
            # Its model default is a function, so Django compares with a hidden copy of the first value,
            # which Wagtail's panels do not render: without this the date would always count as changed.
            checked.show_hidden_initial = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug or not self.instance._state.adding or not self.cleaned_data.get("name"):
            return slug
        return _free_slug(self.cleaned_data["name"])

    def clean_laatst_gecontroleerd(self):
        checked = self.cleaned_data["laatst_gecontroleerd"]
        if checked and checked > timezone.localdate():
            raise ValidationError(
                _("Deze datum ligt in de toekomst. Vul de datum in waarop u de gegevens hebt nagekeken.")
            )
        return checked

    def save(self, commit=True):
        # Whoever saves the page has just read it through: the kaart shows the data as checked today,
        # unless the date was changed by hand (an earlier check entered afterwards).
        if "laatst_gecontroleerd" in self.fields and "laatst_gecontroleerd" not in self.changed_data:
            self.instance.laatst_gecontroleerd = timezone.localdate()
        return super().save(commit=commit)


class OrganisatieForm(ScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if permissions.organisatie_id_of(self.for_user) is None:
            return
        self.fields["slug"].disabled = True  # an HSDS import finds the organisation by it
        for name in ("phone", "email", "website"):
            self.fields[name].help_text = _("Dit staat bij 'Contact' op de pagina van al uw hulp.")


class PlekForm(ScopedForm):
    def is_valid(self):
        valid = super().is_valid()  # the hours' own forms are checked in it, each on its own
        return self._hours_apart() and valid

    def _hours_apart(self) -> bool:
        """Two hours of one day that overlap are refused at the later one: a walk's provider saved "09:00 tot
        12:00" and "10:00 tot 14:00" on a Monday, and the kaart showed both."""
        formset = self.formsets["openingstijden"]
        # Read before an error takes "open_van" out of a form's cleaned_data. A row left empty has no
        # "weekdag"; one marked to be removed counts no more.
        kept = [
            _Hours(
                form.cleaned_data["weekdag"],
                form.cleaned_data["open_van"],
                form.cleaned_data["open_tot"],
                form,
            )
            for form in formset.forms
            if form.is_valid() and "weekdag" in form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        kept.sort(key=lambda hours: (hours.weekdag, hours.open_van))
        apart, furthest = True, None  # of the day's hours so far, the one that closes last
        for hours in kept:
            same_day = furthest is not None and furthest.weekdag == hours.weekdag
            if same_day and furthest.closing > hours.open_van:
                hours.form.add_error("open_van", furthest.overlap_message())
                apart = False
            if not same_day or hours.closing > furthest.closing:
                furthest = hours
        return apart

    def save(self, commit=True):
        plek = super().save(commit=commit)
        # The place and its hours are the voorziening's data too: who saved them has just checked them (a
        # provider's new hours left "Wij keken deze gegevens na op" months back).
        models.Voorziening.objects.filter(pk=plek.voorziening_id).update(
            laatst_gecontroleerd=timezone.localdate()
        )
        return plek


class _Hours(NamedTuple):
    """One row of a place's opening hours in the form."""

    weekdag: int
    open_van: time
    open_tot: time
    form: forms.Form

    @property
    def closing(self) -> time:
        return time.max if self.open_tot == time(0, 0) else self.open_tot  # 00:00 is midnight

    def overlap_message(self) -> str:
        return _(
            "Deze tijd valt in een andere openingstijd op %(dag)s: van %(van)s tot %(tot)s. Maak er één "
            "openingstijd van, of verander de tijden."
        ) % {
            "dag": models.Openingstijd.Weekdag(self.weekdag).label,
            "van": f"{self.open_van:%H:%M}",
            "tot": f"{self.open_tot:%H:%M}",
        }


class CapaciteitForm(ScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:  # a provider asked who would read it
            self.fields["status"].help_text = _(
                "Alleen professionals zien dit, zoals huisartsen en de wijkteams. Inwoners zien het niet."
            )
        if "wachttijd_weken" in self.fields:  # Django's own: "Zorg ervoor dat deze waarde minstens 0 is."
            self.fields["wachttijd_weken"].error_messages["min_value"] = _("Vul 0 of meer weken in.")
        if "voorziening" in self.fields:
            self.fields["voorziening"].queryset = self.fields["voorziening"].queryset.filter(
                beperkte_plaatsen=True
            )
            self.fields["voorziening"].help_text = _(
                "Staat uw voorziening er niet bij? Zet dan eerst bij de voorziening "
                "'Beperkt aantal plaatsen' aan."
            )
            voorzieningen = self.fields["voorziening"].queryset
            wijk = self.fields.get("wijk")
            if wijk is not None and not voorzieningen.filter(hele_gemeente=True).exists():
                # Only the wijken the voorzieningen work in: a provider was offered all seven, and each
                # other one was refused ("werkt niet in Centrum").
                wijk.queryset = wijk.queryset.filter(voorzieningen__in=voorzieningen).distinct()

    def clean(self):
        cleaned = super().clean()
        voorziening, wijk = cleaned.get("voorziening"), cleaned.get("wijk")
        if voorziening and wijk and not voorziening.hele_gemeente:
            served = list(voorziening.wijken.order_by("name"))
            if wijk not in served:
                self.add_error(
                    "wijk",
                    _(
                        "%(voorziening)s werkt niet in %(wijk)s. "
                        "Kies een wijk waar de voorziening werkt: %(served)s."
                    )
                    % {
                        "voorziening": voorziening.name,
                        "wijk": wijk.name,
                        "served": ", ".join(each.name for each in served) or _("geen"),
                    },
                )
        if cleaned.get("status") == models.Capaciteit.Status.JA and cleaned.get("wachttijd_weken"):
            self.add_error(
                "wachttijd_weken",
                _(
                    "Er is plaats, dan is er geen wachttijd. Laat de wachttijd leeg. "
                    "Of kies dat er weinig of geen plaats is."
                ),
            )
        return cleaned

    def save(self, commit=True):
        # Each save is a new weekly report: stamp when and by whom.
        self.instance.bijgewerkt_op = timezone.now()
        if self.for_user and self.for_user.is_authenticated:
            self.instance.bijgewerkt_door = self.for_user
        return super().save(commit=commit)


class ScopedChooseView(chooser.ChooseView):
    def get_object_list(self):
        return permissions.chooser_scope(super().get_object_list(), self.request.user)


class ScopedChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return permissions.chooser_scope(super().get_object_list(), self.request.user)


class ScopedChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        try:
            found = self.model_class.objects.filter(pk=pk)
            return permissions.chooser_scope(found, self.request.user).get()
        except (ValueError, ValidationError):  # not an id at all: as unknown as a missing one
            raise self.model_class.DoesNotExist from None


class ScopedChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return permissions.chooser_scope(super().get_objects(pks), self.request.user)


class NoCreateView(chooser.SnippetCreateView):
    """The choosers have no form to create a record with: records are made on their own edit pages."""

    def can_create(self):
        return False


class ScopedChooserViewSet(chooser.SnippetChooserViewSet):
    """The chooser of a sociale kaart model offers only what the user may edit (and the public wijken)."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = NoCreateView


class SavedWithOpslaan:
    """Only "Opslaan" saves. Wagtail saves an edit form on its own every half second (autosave) when the
    model keeps revisions; the kaart's records have no drafts, so a half-typed change was on the kaart at
    once, "laatst gecontroleerd" became today and a new voorziening existed before "Opslaan"."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class KaartCreateView(SavedWithOpslaan, CreateView):
    pass


class KaartEditView(SavedWithOpslaan, EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The record as stored: a form with errors changes the object, and the title then read "Ja, er is
        # plaats" while "Nee, geen plaats" was kept.
        self.stored_title = str(self.object)

    def get_page_subtitle(self):
        return self.stored_title

    def save_instance(self):
        if self.revision_enabled and self.object.latest_revision_id is None:
            # The record as it was before its first change here (an import or the demo loader keep no
            # revisions): the kaart's editor could not see what a provider changed first.
            type(self.object)._default_manager.get(pk=self.object.pk).save_revision(clean=False)
        return super().save_instance()


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet view set whose listing and object URLs respect a provider's organisation."""

    add_view_class = KaartCreateView
    edit_view_class = KaartEditView
    base_form_class = ScopedForm
    chooser_viewset_class = ScopedChooserViewSet
    search_backend_name = None  # plain database search in the listing
    inspect_view_enabled = False

    def get_edit_handler(self):
        if hasattr(self, "panels") and not hasattr(self, "edit_handler"):
            return ObjectList(self.panels, base_form_class=self.base_form_class).bind_to_model(self.model)
        return super().get_edit_handler()

    def get_queryset(self, request):
        return permissions.scope(self.model._default_manager.all(), request.user)

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model = self.model

        @functools.wraps(view)
        def scoped_view(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None and not permissions.in_scope(request.user, model, unquote(str(pk))):
                # A record deleted since is gone, not forbidden: a walk's provider read "geen toegang" for the
                # plek she had deleted.
                raise PermissionDenied if _exists(model, unquote(str(pk))) else Http404
            return view(request, *args, **view_kwargs)

        return scoped_view


def _exists(model, pk) -> bool:
    try:
        return model._default_manager.filter(pk=pk).exists()
    except (ValueError, ValidationError):
        return False


def snippet_url(model_name: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_socialekaart_{model_name}:{view}", args=args)


def select(name, **kwargs):
    return FieldPanel(name, widget=forms.Select, **kwargs)


def checkboxes(name, **kwargs):
    return FieldPanel(name, widget=forms.CheckboxSelectMultiple, **kwargs)


class ShownOnTheKaart:
    """After saving, that residents see it now, and a link to their page: the message said only "Voorziening
    ... bijgewerkt"; a provider did not know how it looked on the kaart, and another expected the gemeente to
    check a change before it was public."""

    def shown_voorziening(self):
        return self.object

    def on_the_kaart(self) -> bool:
        return self.shown_voorziening().status != models.Voorziening.Status.GESTOPT

    def get_success_message(self, *args):
        message = super().get_success_message(*args)
        return (
            f"{message} {_('Inwoners zien dit nu op de sociale kaart.')}" if self.on_the_kaart() else message
        )

    def get_success_buttons(self):
        buttons = super().get_success_buttons()
        if self.on_the_kaart():
            url = self.shown_voorziening().get_absolute_url()
            buttons.append(messages.button(url, _("Bekijk op de sociale kaart")))
        return buttons


class VoorzieningCreateView(ShownOnTheKaart, KaartCreateView):
    def get_success_message(self, instance):
        # A walk: nothing said that where and when the help is, is a second step in another menu.
        return _("%(saved)s Zet nu ook waar en wanneer de hulp is, bij Plekken en openingstijden.") % {
            "saved": super().get_success_message(instance)
        }

    def get_success_buttons(self):
        plek = snippet_url("voorzieningoplocatie", "add") + f"?voorziening={self.object.pk}"
        return [*super().get_success_buttons(), messages.button(plek, _("Plek en openingstijden toevoegen"))]


class VoorzieningEditView(ShownOnTheKaart, KaartEditView):
    def get_success_message(self):
        """A closure that starts today closed the voorziening as it was saved: a walk's provider read only
        "bijgewerkt", and then "Tijdelijk gesloten" in the form without a word why."""
        message = super().get_success_message()
        self.object.refresh_from_db(fields=["status"])
        current, _coming = closures.announced(self.object)
        if current is None:
            return message
        closed = _("De hulp staat nu op 'Tijdelijk gesloten', tot en met %(day)s.")
        return f"{message} {closed % {'day': date_format(current.tot_en_met, 'j F Y')}}"


class OrganisatieEditView(KaartEditView):
    def form_valid(self, form):
        """A walk: a provider gave her organisation a new number, and her help still said "Bel: " the old one
        above it, on the same page: a warning names the old number and links the help that still has it."""
        old = form.initial.get("phone", "")
        response = super().form_valid(form)
        if tel(old) and tel(old) != tel(self.object.phone):
            voorzieningen = self.object.voorzieningen.prefetch_related("contacten").order_by("name")
            still = [voorziening for voorziening in voorzieningen if tel(old) in _own_numbers(voorziening)]
            if still:
                messages.warning(
                    self.request,
                    _("Het oude nummer %(old)s staat nog bij uw hulp. Pas het daar ook aan.") % {"old": old},
                    buttons=[
                        messages.button(snippet_url("voorziening", "edit", voorziening.pk), voorziening.name)
                        for voorziening in still
                    ],
                )
        return response


def _own_numbers(voorziening) -> set[str]:
    """The phone numbers a voorziening's page shows of its own (to sign up, its contacts), as digits."""
    return {
        tel(voorziening.aanmelden_telefoon),
        *(tel(c.telefoon) for c in voorziening.contacten.all()),
    }


class PlekkenPanel(Panel):
    """On a voorziening's form, where and when it is offered, each linked to its form, and a link to add one:
    a walk's provider found no opening hours on her voorziening's page, and did not know "Plekken en
    openingstijden" in the menu was where they were."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "socialekaart/admin/plekken_panel.html"

        def is_shown(self):
            return self.instance.pk is not None  # a new one is saved first; its message then leads on

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            voorziening = self.instance
            context["plekken"] = [
                (plek.locatie, snippet_url("voorzieningoplocatie", "edit", plek.pk))
                for plek in voorziening.op_locaties.select_related("locatie")
            ]
            context["add_url"] = snippet_url("voorzieningoplocatie", "add") + f"?voorziening={voorziening.pk}"
            return context


class PlekSaved(ShownOnTheKaart):
    """A plek's voorziening after saving: a walk's provider landed on the list of every plek of her
    organisation, with no way back to the voorziening she was working on."""

    def shown_voorziening(self):
        return self.object.voorziening

    def get_success_buttons(self):
        back = snippet_url("voorziening", "edit", self.object.voorziening_id)
        return [messages.button(back, _("Terug naar de voorziening")), *super().get_success_buttons()]


class PlekEditView(PlekSaved, KaartEditView):
    pass


class PlekCreateView(PlekSaved, KaartCreateView):
    def get_initial_form_instance(self):
        """A new place for the voorziening whose form linked here (?voorziening=), if the user may edit it."""
        instance = self.model()
        pk = self.request.GET.get("voorziening", "")
        if pk and permissions.in_scope(self.request.user, models.Voorziening, pk):
            instance.voorziening_id = pk
        return instance


class VoorzieningViewSet(ScopedSnippetViewSet):
    model = models.Voorziening
    add_view_class = VoorzieningCreateView
    edit_view_class = VoorzieningEditView
    base_form_class = VoorzieningForm
    # Says what goes with it: Wagtail's count of references knows nothing of its plekken (the review).
    delete_template_name = "socialekaart/admin/voorziening_confirm_delete.html"
    icon = "list-ul"
    menu_order = 100
    list_display = ["name", "organisatie", "status", "laatst_gecontroleerd", "updated_at"]
    list_filter = ["status", "toegang", "kosten", "hele_gemeente", "aan_huis", "beperkte_plaatsen"]
    search_fields = ["name", "summary"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [
                select("organisatie"),
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),  # two sentences, read whole
                # A walk: a provider wrote "U hoeft zich niet aan te melden." here, while Aanmelden below
                # still said "Bel of mail ons uiterlijk een dag van tevoren."; the public page showed both.
                FieldPanel(
                    "description",
                    help_text=_(
                        "Wat doet u, en voor wie? Hoe mensen zich aanmelden en wat het kost, vult u "
                        "hieronder in bij 'Aanmelden' en 'Toegang en kosten'. Dan staat het op één plek, en "
                        "klopt het ook als u het later verandert."
                    ),
                ),
                FieldRowPanel([FieldPanel("status"), FieldPanel("laatst_gecontroleerd")]),
            ],
            heading=_("Wat is het"),
        ),
        InlinePanel(
            "sluitingen",
            heading=_("Gesloten op vaste dagen"),
            label=_("sluiting"),
            help_text=_(
                "Bijvoorbeeld in de kerstvakantie. Inwoners zien dit van tevoren. Op de eerste dag staat de "
                "hulp op 'Tijdelijk gesloten', na de laatste dag weer op 'Actief'."
            ),
        ),
        MultiFieldPanel(
            [
                checkboxes("themas"),
                checkboxes("doelgroepen"),
                FieldRowPanel([FieldPanel("leeftijd_min"), FieldPanel("leeftijd_max")]),
                FieldPanel("talen"),
            ],
            heading=_("Voor wie"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("toegang"),
                FieldPanel("kosten"),
                FieldPanel("kosten_bedrag"),
                FieldPanel("kosten_toelichting"),
            ],
            heading=_("Toegang en kosten"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("aanmelden_telefoon"),
                FieldPanel("aanmelden_email"),
                FieldPanel("aanmelden_url"),
                FieldPanel("aanmelden_inloop"),
                FieldPanel("aanmelden_toelichting"),
            ],
            heading=_("Aanmelden"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("aan_huis"),
                FieldPanel("hele_gemeente"),
                checkboxes("wijken"),
                FieldPanel("beperkte_plaatsen"),
            ],
            heading=_("Waar"),
        ),
        PlekkenPanel(heading=_("Plekken en openingstijden")),
        InlinePanel("contacten", heading=_("Contact"), label=_("contact")),
    ]


class LocatieViewSet(ScopedSnippetViewSet):
    model = models.Locatie
    icon = "site"
    base_form_class = LocatieForm
    menu_order = 200
    list_display = ["name", "organisatie", "straat", "plaats", "wijk"]
    list_filter = ["wijk", "rolstoeltoegankelijk"]
    search_fields = ["name", "straat", "postcode"]
    panels = [
        select("organisatie"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("straat"), FieldPanel("huisnummer")]),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("plaats")]),
        select("wijk"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("rolstoeltoegankelijk"),
        FieldPanel("toegankelijkheid"),
    ]


class VoorzieningOpLocatieViewSet(ScopedSnippetViewSet):
    model = models.VoorzieningOpLocatie
    icon = "time"
    menu_order = 300
    # One name for the menu, the list, its button and its messages: the menu said "Openingstijden" and the
    # list "Voorzieningen op locaties". A row puts a voorziening at a place (and on the map), with its hours.
    menu_label = _("Plekken en openingstijden")
    add_view_class = PlekCreateView
    edit_view_class = PlekEditView
    base_form_class = PlekForm
    list_display = ["voorziening", "locatie"]
    search_fields = ["voorziening__name", "locatie__name"]
    panels = [
        select("voorziening"),
        select("locatie"),
        InlinePanel("openingstijden", label=_("openingstijd")),
    ]


class RowsPaginator(WagtailPaginator):
    """Counts the list's rows as rows: Wagtail puts the number before the model's plural name, which read "2
    beschikbaarheid per wijk"."""

    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s rij", "%(count)s rijen", self.count) % {"count": self.count}


class CapaciteitIndexView(IndexView):
    paginator_class = RowsPaginator


class CapaciteitViewSet(ScopedSnippetViewSet):
    model = models.Capaciteit
    index_view_class = CapaciteitIndexView
    icon = "group"
    menu_order = 400
    base_form_class = CapaciteitForm
    # Whether it is up to date right after what it is about: on a phone the columns to the right scroll.
    list_display = ["voorziening", "wijk", "versheid", "status", "wachttijd_weken", "bijgewerkt_op"]
    list_filter = ["status", "wijk"]
    search_fields = ["voorziening__name"]
    panels = [select("voorziening"), select("wijk"), FieldPanel("status"), FieldPanel("wachttijd_weken")]


class OrganisatieViewSet(ScopedSnippetViewSet):
    model = models.Organisatie
    edit_view_class = OrganisatieEditView
    base_form_class = OrganisatieForm
    panels = [FieldPanel(name) for name in ("name", "slug", "description", "phone", "email", "website")]
    icon = "home"
    menu_order = 500
    list_display = ["name", "website", "updated_at"]
    search_fields = ["name"]


class WijkViewSet(ScopedSnippetViewSet):
    model = models.Wijk
    icon = "globe"
    menu_order = 600
    list_display = ["name", "cbs_code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("cbs_code"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        InlinePanel("postcodes", label=_("postcode")),
    ]


class TermViewSet(ScopedSnippetViewSet):
    model = models.Term
    icon = "tag"
    menu_order = 700
    list_display = ["name", "vocabulary", "code", "sort_order"]
    list_filter = ["vocabulary"]
    search_fields = ["name", "code"]


class SynoniemgroepViewSet(ScopedSnippetViewSet):
    model = models.Synoniemgroep
    icon = "search"
    menu_order = 800
    list_display = ["termen"]
    search_fields = ["termen"]


class AanbiederAccountViewSet(ScopedSnippetViewSet):
    model = models.AanbiederAccount
    icon = "user"
    menu_order = 900
    list_display = ["user", "organisatie"]
    panels = [FieldPanel("user"), select("organisatie")]


class SocialeKaartViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Sociale kaart")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        VoorzieningViewSet,
        LocatieViewSet,
        VoorzieningOpLocatieViewSet,
        CapaciteitViewSet,
        OrganisatieViewSet,
        WijkViewSet,
        TermViewSet,
        SynoniemgroepViewSet,
        AanbiederAccountViewSet,
    )
