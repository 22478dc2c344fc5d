"""Loads the demo pages and the begrippenlijst from `portal/demo/` (idempotent: a second run changes nothing).

The home page becomes the root of the default Site (Wagtail's welcome page is removed), the theme
overviews go in the menu in the order of `THEMES`, and every page is published and put in the search index.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import BaseCommand
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.search.index import insert_or_update_object

from portal.begrippen import Begrip
from portal.models import GewonePagina, HomePage, InformatiePagina, ThemaPagina


class Command(BaseCommand):
    help = "Loads the demo pages and begrippen of the portal (idempotent)."

    def handle(self, *args, **options):
        from portal.demo import begrippen, content

        loader = DemoLoader()
        with transaction.atomic():
            loader.load(content, begrippen.BEGRIPPEN)
        self.stdout.write(
            f"Pages: {loader.created} created, {loader.updated} updated, {loader.unchanged} unchanged."
        )
        self.stdout.write(f"Begrippen: {loader.begrippen_changed} created or updated.")


class DemoLoader:
    def __init__(self):
        self.created = self.updated = self.unchanged = self.begrippen_changed = 0

    def load(self, content, begrippen: list[dict]):
        self.load_begrippen(begrippen)
        home = self.load_home(content.HOME)
        for theme in content.THEMES:
            overview = self.put(
                home, ThemaPagina, theme["slug"], theme["title"], theme.get("intro", ""), menu=True
            )
            for page in theme["pages"]:
                self.put(
                    overview,
                    InformatiePagina,
                    page["slug"],
                    page["title"],
                    page.get("intro", ""),
                    page["body"],
                )
        for page in content.PLAIN_PAGES:
            self.put(
                home, GewonePagina, page["slug"], page["title"], page.get("intro", ""), page.get("body", [])
            )

    def load_begrippen(self, begrippen: list[dict]):
        for item in begrippen:
            variants = "\n".join(v for v in item.get("variants", []) if v != item["term"])
            begrip = Begrip.objects.filter(term=item["term"]).first() or Begrip(term=item["term"])
            if begrip.pk and (begrip.variants, begrip.uitleg) == (variants, item["uitleg"]):
                continue
            begrip.variants, begrip.uitleg = variants, item["uitleg"]
            begrip.save()
            self.begrippen_changed += 1

    def load_home(self, data: dict) -> HomePage:
        # An empty database (e.g. after a flush) has no tree yet; Wagtail's migration normally makes the root.
        if not Locale.objects.exists():
            Locale.objects.create(
                language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
            )
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = HomePage.objects.first()
        if home is None:
            for clash in root.get_children().filter(slug="home"):  # Wagtail's welcome page, removed below
                # An update, not save(): saving queues search-index tasks for a page that is about to go.
                Page.objects.filter(pk=clash.pk).update(slug=f"home-{clash.pk}")
            home = root.add_child(
                instance=HomePage(title=data["title"], slug="home", intro=data.get("intro", ""))
            )
            home.save_revision().publish()
            self.created += 1
        else:
            self.update(home, data["title"], data.get("intro", ""), None)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name=data["title"])
        changed = site.root_page_id != home.pk
        if (site.hostname, site.port) == ("localhost", 80):
            # Wagtail's own default: the links in its e-mails ("U kunt de pagina hier bekijken") went to
            # http://localhost/. The demo runs at SITE_URL; a site set up by hand keeps its address.
            address = urlsplit(settings.SITE_URL)
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
            changed = changed or (site.hostname, site.port) != ("localhost", 80)
        if changed:
            site.root_page = home
            site.save()
        self.remove_welcome_page(root, home)
        return home

    def remove_welcome_page(self, root, home):
        """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page with nothing under it."""
        for page in root.get_children().exclude(pk=home.pk).filter(content_type__model="page", numchild=0):
            if not Site.objects.filter(root_page=page).exists():
                page.delete()

    def put(self, parent, model, slug, title, intro, body=None, menu=False):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(title=title, slug=slug, intro=intro, show_in_menus=menu)
            if body is not None:
                page.body = stream_value(model, body)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        else:
            self.update(page, title, intro, body)
        insert_or_update_object(page)
        return page

    def update(self, page, title, intro, body):
        new_body = stream_value(type(page), body) if body is not None else None
        same = page.title == title and page.intro == intro and page.live and not page.has_unpublished_changes
        if same and new_body is not None:
            same = _without_ids(page.body.get_prep_value()) == _without_ids(new_body.get_prep_value())
        if same:
            self.unchanged += 1
            return
        page.title, page.intro = title, intro
        if new_body is not None:
            page.body = new_body
        page.save_revision().publish()
        self.updated += 1


def stream_value(model, body: list):
    """The demo's [(block_type, value), ...] as the StreamField value of `model`."""
    field = model._meta.get_field("body")
    return field.to_python([{"type": block_type, "value": value} for block_type, value in body])


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value
