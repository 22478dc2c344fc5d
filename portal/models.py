"""The portal's pages: the home page, an overview per theme, information pages and plain pages."""

from http import HTTPMethod

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import generations, nearest
from portal import feedback as feedback_module
from portal.begrippen import Begrip, begrippen_generation, check_with_the_begrippen  # noqa: F401 (Begrip's home)
from portal.blocks import GewoneBlocks, InformatieBlocks, stream_plain_text
from portal.feedback import Feedback, FeedbackForm  # noqa: F401

READ_ONLY_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]


def pages_generation() -> int:
    """A number that changes whenever the published page tree changes: part of every cache key that
    holds page titles or URLs (menu, breadcrumbs, home tiles, whole pages), so those never go stale."""
    return generations.current("pages")


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)  # a deleted page of any type is deleted as a Page row too
def _pages_changed(**kwargs):
    generations.bump("pages")


# Whole pages are cached for anonymous visitors (core/page_cache.py): a new view restriction or a changed
# site must end those copies at once too.
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _access_changed(sender, **kwargs):
    generations.bump("pages")


class TaalcheckPanel(Panel):
    """The B1 taalcheck of the page as it is saved (its latest revision), shown while editing; on a new page,
    how to get it (a walk: the tab was missing until the first save, and nothing said so)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/taalcheck_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance is not None and self.instance.pk
            context["report"] = check_with_the_begrippen(self.instance.taalcheck_text()) if saved else None
            return context


class FeedbackPanel(Panel):
    """What readers answered to "Was deze informatie nuttig?" on this page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/feedback_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["feedback"] = feedback_module.counts_for(self.instance)
            return context


class PortalPage(Page):
    """What every portal page shares: an intro, breadcrumbs, the taalcheck and its preview mode."""

    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Eén of twee korte zinnen."))

    search_fields = [*Page.search_fields, index.SearchField("intro", boost=1.5)]
    allowed_http_methods = READ_ONLY_METHODS
    extra_panels = []
    # The same HTML for every anonymous visitor, so core/page_cache.py may keep the whole page.
    cache_whole_page = True

    class Meta:
        abstract = True

    @classmethod
    def build_edit_handler(cls):
        return TabbedInterface(
            [
                ObjectList([*cls.content_panels, *cls.extra_panels], heading=_("Inhoud")),
                ObjectList(Page.promote_panels, heading=_("Promoten")),
                ObjectList(Page.settings_panels, heading=_("Instellingen")),
                ObjectList([TaalcheckPanel(heading=_("B1-taalcheck"))], heading=_("Taalcheck")),
            ]
        )

    def body_lines(self) -> list[str]:
        return []

    def taalcheck_text(self) -> str:
        """Plain text of the title, intro and all blocks, as a reader meets it (one block per line)."""
        return "\n".join(line for line in [self.title, self.intro, *self.body_lines()] if line)

    def breadcrumbs(self, request) -> list[dict]:
        """From the site's home page down to this page; empty on the home page itself."""
        site = Site.find_for_request(request) if request else self.get_site()
        if site is None or self.pk == site.root_page_id:
            return []
        key = f"portal:breadcrumbs:{site.pk}:{self.pk}:{pages_generation()}"
        crumbs = cache.get(key)
        if crumbs is None:
            ancestors = list(self.get_ancestors().only("title", "url_path", "path", "depth"))
            starts = [position for position, page in enumerate(ancestors) if page.pk == site.root_page_id]
            # A page outside the site's tree gets no breadcrumbs.
            trail = [*ancestors[starts[0] :], self] if starts else []
            crumbs = [{"url": page.get_url(request=request), "title": page.title} for page in trail]
            cache.set(key, crumbs, settings.PORTAL_CACHE_SECONDS)
        if crumbs:
            crumbs = [{**crumbs[0], "title": _("Home")}, *crumbs[1:]]
        return crumbs

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.breadcrumbs(request)
        context["body_cache_key"] = self.body_cache_key(request)
        return context

    def body_cache_key(self, request) -> str | None:
        """The rendered content of the published revision is cached; a preview shows unsaved content."""
        if getattr(request, "is_preview", False) or not self.live_revision_id:
            return None
        return f"portal:body:{self.pk}:{self.live_revision_id}:{begrippen_generation()}"

    @property
    def preview_modes(self):
        return [("", _("Pagina")), ("taalcheck", _("Taalcheck"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "taalcheck":
            return self.taalcheck_preview(request)
        return super().serve_preview(request, mode_name)

    def taalcheck_preview(self, request):
        """The B1 report of the page as it is in the editor now, saved or not."""
        report = check_with_the_begrippen(self.taalcheck_text())
        return TemplateResponse(request, "portal/taalcheck_preview.html", {"page": self, "report": report})


HOME_PAGES_PER_THEME = 4  # the information pages the home page shows of each theme; its link leads to all


class HomePage(PortalPage):
    """The start: the questions people come with, the melding, the sociale kaart and a search box."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.ThemaPagina", "portal.InformatiePagina", "portal.GewonePagina"]
    max_count = 1
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = f"portal:home:{self.pk}:{pages_generation()}"
        themes = cache.get(key)
        if themes is None:
            themes = self.theme_tiles(request)
            cache.set(key, themes, settings.PORTAL_CACHE_SECONDS)
        context["themes"] = themes
        return context

    def theme_tiles(self, request) -> list[dict]:
        """The themes in the menu, each with its first information pages (two queries in all)."""
        themes = (
            ThemaPagina.objects.child_of(self).live().in_menu().only("title", "intro", "url_path", "path")
        )
        pages = InformatiePagina.objects.descendant_of(self).live().filter(depth=self.depth + 2)
        by_parent = {}
        for page in pages.only("title", "url_path", "path").order_by("path"):
            by_parent.setdefault(page.path[: -Page.steplen], []).append(page)
        return [
            {
                "title": theme.title,
                "intro": theme.intro,
                "url": theme.get_url(request=request),
                "pages": [
                    {"title": page.title, "url": page.get_url(request=request)}
                    for page in by_parent.get(theme.path, [])[:HOME_PAGES_PER_THEME]
                ],
                # A walk: 4 of 7 pages showed, and nothing said there were more (hulpmiddelen among them).
                "more": max(len(by_parent.get(theme.path, [])) - HOME_PAGES_PER_THEME, 0),
            }
            for theme in themes
        ]


class ThemaPagina(PortalPage):
    """An overview of one theme: its information pages, each with its intro."""

    page_description = _(
        "Een overzicht van één onderwerp, zoals 'Ik zorg voor iemand'. Daaronder maakt u informatiepagina's."
    )
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.InformatiePagina"]
    template = "portal/thema_pagina.html"

    class Meta:
        verbose_name = _("themapagina")
        verbose_name_plural = _("themapagina's")

    @classmethod
    def nearest_to(cls, query: str) -> tuple[list, bool]:
        """The theme pages whose title, intro or information pages are closest to the query, and whether
        any is near (if not: every theme page), so a search that found nothing still shows where to go."""
        themes = list(cls.objects.live().public().order_by("path"))
        children: dict[str, list[str]] = {}
        for page in InformatiePagina.objects.live().public().only("title", "intro", "path", "depth"):
            children.setdefault(page.path[: -Page.steplen], []).append(f"{page.title} {page.intro}")
        candidates = [
            (theme, " ".join([theme.title, theme.intro, *children.get(theme.path, [])])) for theme in themes
        ]
        return nearest.nearest(query, candidates)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = (
            InformatiePagina.objects.child_of(self).live().only("title", "intro", "url_path")
        )
        return context


class InformatiePagina(RoutablePageMixin, PortalPage):
    """Information about one subject, at B1 level, with a form "Was deze informatie nuttig?"."""

    page_description = _(
        "Uitleg over één soort hulp, met stappen, 'Goed om te weten' en een link naar de sociale kaart."
    )
    body = StreamField(InformatieBlocks(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    extra_panels = [FeedbackPanel(heading=_("Was deze informatie nuttig?"))]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.ThemaPagina", "portal.HomePage"]
    subpage_types = []
    allowed_http_methods = [*READ_ONLY_METHODS, HTTPMethod.POST]
    template = "portal/informatie_pagina.html"

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")

    def body_lines(self) -> list[str]:
        return stream_plain_text(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("feedback_form", FeedbackForm())
        context["feedback_sent"] = request.GET.get("feedback") == "bedankt"
        context["pdf_url"] = self.url + "pdf/" if self.url else ""
        return context

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin comes first in the MRO and knows only the page itself.
        if mode_name == "taalcheck":
            return self.taalcheck_preview(request)
        return super().serve_preview(request, mode_name)

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.receive_feedback(request)
        return super().index_route(request, *args, **kwargs)

    def receive_feedback(self, request):
        form = FeedbackForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(self.url + "?feedback=bedankt")  # no #feedback: see feedback.html
        if not form.is_valid():  # a send with errors is no answer: it does not count against the limit
            return self.render(request, context_overrides={"feedback_form": form})
        if feedback_module.rate_limited(request):  # what was typed stays in the form
            return self.render(request, context_overrides={"feedback_form": form, "feedback_limited": True})
        feedback_module.store_feedback(self, form)
        return HttpResponseRedirect(self.url + "?feedback=bedankt")  # no #feedback: see feedback.html

    @path("pdf/")
    def pdf(self, request):
        from portal.pdf import page_pdf

        response = HttpResponse(page_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return response


class GewonePagina(PortalPage):
    """A plain page such as the privacy statement or the toegankelijkheidsverklaring."""

    page_description = _("Een pagina over de website zelf, zoals Privacy of Toegankelijkheid.")
    body = StreamField(GewoneBlocks(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "portal/gewone_pagina.html"

    class Meta:
        verbose_name = _("gewone pagina")
        verbose_name_plural = _("gewone pagina's")

    def body_lines(self) -> list[str]:
        return stream_plain_text(self.body)


# The edit view of every page type: content (with the panels of the type), promote, settings, taalcheck.
for _page_type in (HomePage, ThemaPagina, InformatiePagina, GewonePagina):
    _page_type.edit_handler = _page_type.build_edit_handler()

# Connects the signals that keep the search vocabulary fresh.
from portal import search as _search  # noqa: E402, F401
