"""The building blocks of an information page, and the plain text a reader meets in each of them."""

from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from portal.taalcheck import html_to_text

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "ol", "ul", "link"]
SHORT_TEXT_FEATURES = ["bold", "ol", "ul", "link"]


# The sociale kaart's themes and target groups by code: its search page takes the codes as GET parameters.
def thema_choices() -> list[tuple[str, str]]:
    """The kaart's themes, read from the kaart (settings.KAART_TERMS): a list of its own here lacked one."""
    return import_string(settings.KAART_TERMS)("thema")


def doelgroep_choices() -> list[tuple[str, str]]:
    return import_string(settings.KAART_TERMS)("doelgroep")


def _lines(*parts) -> list[str]:
    return [part for part in parts if part]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def plain_text(self, value) -> list[str]:
        return _lines(html_to_text(value.source))

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "portal/blocks/text.html"


class GoedOmTeWetenBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), default="Goed om te weten", max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=SHORT_TEXT_FEATURES)

    def plain_text(self, value) -> list[str]:
        return _lines(value["title"], html_to_text(value["text"].source))

    class Meta:
        icon = "help"
        label = _("Goed om te weten")
        template = "portal/blocks/goed_om_te_weten.html"


class StapBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Stap"), max_length=160)
    text = blocks.RichTextBlock(label=_("Uitleg"), features=SHORT_TEXT_FEATURES, required=False)


class StappenBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=160)
    steps = blocks.ListBlock(StapBlock(), label=_("Stappen"), min_num=1)

    def plain_text(self, value) -> list[str]:
        lines = [value["title"]]
        for step in value["steps"]:
            lines += [step["title"], html_to_text(step["text"].source) if step["text"] else ""]
        return _lines(*lines)

    class Meta:
        icon = "list-ol"
        label = _("Stappen")
        template = "portal/blocks/stappen.html"


class VraagBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwoord"), features=SHORT_TEXT_FEATURES)


class VragenBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), default="Vragen", max_length=160)
    items = blocks.ListBlock(VraagBlock(), label=_("Vragen en antwoorden"), min_num=1)

    def plain_text(self, value) -> list[str]:
        lines = [value["title"]]
        for item in value["items"]:
            lines += [item["question"], html_to_text(item["answer"].source)]
        return _lines(*lines)

    class Meta:
        icon = "help"
        label = _("Veelgestelde vragen")
        template = "portal/blocks/vragen.html"


class ContactBlock(blocks.StructBlock):
    """Who to call; the phone number and e-mail address come from the municipality's settings."""

    title = blocks.CharBlock(label=_("Titel"), default="Contact", max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=SHORT_TEXT_FEATURES, required=False)

    def plain_text(self, value) -> list[str]:
        return _lines(value["title"], html_to_text(value["text"].source) if value["text"] else "")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["phone"] = settings.MUNICIPALITY_PHONE
        context["email"] = settings.MUNICIPALITY_EMAIL
        return context

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "portal/blocks/contact.html"


def kaart_url(thema=(), doelgroep=(), q="", vrij=False) -> str:
    """A link into the sociale kaart with preset filters; `vrij`: only help without referral or decision."""
    params = [("q", q)] if q else []
    params += [("thema", code) for code in thema] + [("doelgroep", code) for code in doelgroep]
    params += [("toegang", "vrij")] if vrij else []
    return "/sociale-kaart/" + (f"?{urlencode(params)}" if params else "")


def kaart_count(url: str, every_word: bool = True) -> int:
    """How many voorzieningen a link into the kaart lists, as a resident sees them (settings.KAART_LINK_COUNT:
    the pages may not import the kaart); with `every_word`, none when a word of it finds nothing."""
    return import_string(settings.KAART_LINK_COUNT)(urlsplit(url).query, every_word=every_word)


# The kaart link's optional fields as the editors' comparison of two versions shows them: "Zoekwoorden: None"
# beside "" and "NoneFalse" marked changes nobody made (a version saved before a field was filled has None),
# and "['huishouden']" showed codes instead of the names the editor chose.
class OptionalTextBlock(blocks.CharBlock):
    def to_python(self, value):
        return value or ""


class YesNoBlock(blocks.BooleanBlock):
    def to_python(self, value):
        return bool(value)

    def render_basic(self, value, context=None):
        return _("Ja") if value else _("Nee")


class NamedChoicesBlock(blocks.MultipleChoiceBlock):
    def __init__(self, *args, **kwargs):
        # Boxes to tick: a list to Ctrl-click dropped the other choices at a plain click, out of sight.
        super().__init__(*args, widget=forms.CheckboxSelectMultiple, **kwargs)

    def render_basic(self, value, context=None):
        names = dict(self.field.choices)
        return ", ".join(str(names.get(code, code)) for code in value or ())


class KaartLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst van de link"), max_length=160)
    zoekwoorden = OptionalTextBlock(
        required=False,
        max_length=100,
        label=_("Zoekwoorden"),
        help_text=_(
            "De link zoekt op deze woorden. Bijvoorbeeld: HHT. Wat de link vindt, past bij alle woorden. "
            "Laat leeg om alleen op de thema's en doelgroepen hieronder te zoeken."
        ),
    )
    thema = NamedChoicesBlock(choices=thema_choices, required=False, label=_("Thema's"))
    doelgroep = NamedChoicesBlock(choices=doelgroep_choices, required=False, label=_("Doelgroepen"))
    vrij = YesNoBlock(required=False, label=_("Alleen hulp waarvoor u geen verwijzing of besluit nodig hebt"))

    def plain_text(self, value) -> list[str]:
        return _lines(value["text"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["url"] = self.url(value)
        return context

    def url(self, value) -> str:
        return kaart_url(
            value["thema"] or (),
            value["doelgroep"] or (),
            q=value.get("zoekwoorden") or "",
            vrij=value.get("vrij", False),
        )

    def clean(self, value):
        # Search words can miss where filters cannot: a link "HHT & klussen" led residents to "0 resultaten".
        value = super().clean(value)
        words = value.get("zoekwoorden")
        if words and not kaart_count(self.url(value)):
            message = _(
                "Met deze zoekwoorden vindt de link nu niets op de sociale kaart. "
                "Kies andere woorden, of minder thema's en doelgroepen."
            )
            raise StructBlockValidationError(block_errors={"zoekwoorden": ValidationError(message)})
        return value

    class Meta:
        icon = "site"
        label = _("Link naar de sociale kaart")
        template = "portal/blocks/kaart_link.html"


class MeldingCtaBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst boven de knop"), max_length=240)

    def plain_text(self, value) -> list[str]:
        return _lines(value["text"])

    class Meta:
        icon = "arrow-right"
        label = _("Knop: melding doen")
        template = "portal/blocks/melding_cta.html"


class InformatieBlocks(blocks.StreamBlock):
    text = TextBlock()
    goed_om_te_weten = GoedOmTeWetenBlock()
    stappen = StappenBlock()
    vragen = VragenBlock()
    contact = ContactBlock()
    kaart_link = KaartLinkBlock()
    melding_cta = MeldingCtaBlock()


class GewoneBlocks(blocks.StreamBlock):
    text = TextBlock()
    goed_om_te_weten = GoedOmTeWetenBlock()
    contact = ContactBlock()


def stream_plain_text(stream) -> list[str]:
    """The plain text lines of every block in a StreamField value, in reading order."""
    lines = []
    for child in stream:
        lines += child.block.plain_text(child.value)
    return lines
