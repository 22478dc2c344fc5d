"""The begrippenlijst: difficult words with a B1 explanation, and their explanation in place on a page.

The first time a page uses a term (or one of its variants), the word becomes a link to its own
explanation right behind it. Without JavaScript the link targets the explanation (CSS `:target` shows
it); screen readers hear it through `aria-describedby`; on paper every explanation is printed.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core import generations
from portal.taalcheck import check_text
from portal.taalcheck.report import default_known_terms

CACHE_KEY = "portal:begrippen:v1"
# Words inside these elements stay as they are: links and buttons cannot hold another link, and
# headings and summaries read better without one.
SKIP_ELEMENTS = {
    "a",
    "button",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dfn",
    "label",
    "script",
    "style",
}


class Begrip(index.Indexed, models.Model):
    term = models.CharField(_lazy("begrip"), max_length=80, unique=True)
    slug = models.SlugField(
        _lazy("ankernaam"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_lazy("Het stukje achter # in de link naar de uitleg. Leeg: gemaakt van het begrip."),
    )
    variants = models.TextField(
        _lazy("andere vormen"),
        blank=True,
        help_text=_lazy("Eén vorm per regel, bijvoorbeeld het meervoud of een afkorting."),
    )
    uitleg = models.TextField(_lazy("uitleg in eenvoudige taal"), max_length=600)

    panels = [FieldPanel("term"), FieldPanel("variants"), FieldPanel("uitleg"), FieldPanel("slug")]
    search_fields = [index.SearchField("term"), index.SearchField("uitleg"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = _lazy("begrip")
        verbose_name_plural = _lazy("begrippen")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:80]
        super().save(*args, **kwargs)

    def variant_list(self) -> list[str]:
        forms = [self.term, *(line.strip() for line in self.variants.splitlines())]
        return list(dict.fromkeys(form for form in forms if form))


def all_begrippen() -> list[dict]:
    """Every term as plain data, alphabetical; cached until a term changes."""
    begrippen = cache.get(CACHE_KEY)
    if begrippen is None:
        begrippen = [
            {"term": b.term, "slug": b.slug, "uitleg": b.uitleg, "variants": b.variant_list()}
            for b in Begrip.objects.all()
        ]
        begrippen.sort(key=lambda b: b["term"].casefold())
        cache.set(CACHE_KEY, begrippen, settings.PORTAL_CACHE_SECONDS)
    return begrippen


def check_with_the_begrippen(text: str):
    """The B1 taalcheck of a page's text, with the words the site explains not counted as rare: the begrippen
    in the database (an editor's new one counts at once; the panel said "leg het uit in de begrippenlijst"
    and went on counting it) and the demo's."""
    in_the_database = [variant for begrip in all_begrippen() for variant in begrip["variants"]]
    return check_text(text, known_terms=[*default_known_terms(), *in_the_database])


@receiver(post_save, sender=Begrip)
@receiver(post_delete, sender=Begrip)
def _forget_begrippen(**kwargs):
    cache.delete(CACHE_KEY)
    generations.bump("begrippen")


def begrippen_generation() -> int:
    """Changes whenever a term changes: part of the key of every cached text with explained terms."""
    return generations.current("begrippen")


@lru_cache(maxsize=8)
def _matcher(variants: tuple[tuple[str, str], ...]):
    """One pattern for every variant (longest first, so "Wmo 2015" wins over "Wmo"), and variant -> slug."""
    by_variant = {variant.casefold(): slug for variant, slug in variants}
    ordered = sorted(by_variant, key=len, reverse=True)
    if not ordered:
        return None, by_variant
    alternatives = "|".join(re.escape(escape(variant)) for variant in ordered)
    return re.compile(rf"(?<![\w&-])({alternatives})(?![\w-])", re.IGNORECASE), by_variant


_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
# The end of a sentence: its punctuation (and a closing quote or bracket) before a space or the text's end.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\u201d\u2019]*(?=\s|$)")
# An explanation never crosses these: it is placed before one at the latest.
BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "li", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip


def explain_terms(
    html: str, begrippen: list[dict] | None = None, prefix: str = "uitleg", about: str = ""
) -> str:
    """Mark the first use of each term in `html` and put its explanation behind the sentence it is in.

    The explanation opens as a block of its own, so it waits for the end of the sentence (or of the
    paragraph, list item or cell): a sentence is never split in two by it. A term named in `about` (the page's
    title) is left as it is: the page explains it, and its begrip would say again what the page says."""
    begrippen = all_begrippen() if begrippen is None else begrippen
    if about:
        begrippen = [begrip for begrip in begrippen if not _named_in(about, begrip)]
    key = tuple((variant, b["slug"]) for b in begrippen for variant in b["variants"])
    pattern, slug_for = _matcher(key)
    if pattern is None or not html:
        return html
    by_slug = {b["slug"]: b for b in begrippen}
    seen: set[str] = set()
    waiting: list[str] = []  # explanations of terms whose sentence has not ended yet
    skip_depth = 0
    parts = _TAG.split(html)
    for position, part in enumerate(parts):
        if position % 2:  # a tag
            match = _TAG_NAME.match(part)
            name = match.group(2).lower() if match else ""
            if waiting and name in BLOCK_ELEMENTS:
                parts[position] = "".join(waiting) + part
                waiting.clear()
            if name in SKIP_ELEMENTS and not part.endswith("/>"):
                skip_depth += -1 if match.group(1) else 1
                skip_depth = max(skip_depth, 0)
            continue
        if skip_depth or not part.strip():
            continue
        parts[position] = _explain_in_text(part, pattern, slug_for, by_slug, seen, prefix, waiting)
    return "".join(parts) + "".join(waiting)


def _named_in(title: str, begrip: dict) -> bool:
    variants = begrip["variants"]
    return any(re.search(rf"\b{re.escape(variant)}\b", title, re.IGNORECASE) for variant in variants)


def _explain_in_text(text, pattern, slug_for, by_slug, seen, prefix, waiting) -> str:
    """The text with its new terms marked; each explanation goes in after the next end of a sentence."""
    out = []
    position = 0
    terms = [
        (match.start(), match.end(), slug_for.get(match.group(1).casefold()), match.group(1))
        for match in pattern.finditer(text)
    ]
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    events = sorted(
        [(start, 0, (end, slug, word)) for start, end, slug, word in terms] + [(e, 1, None) for e in ends]
    )
    for at, kind, term in events:
        if at < position:
            continue  # a sentence end inside a term already written ("Wmo 2015.")
        if kind == 1:
            out.append(text[position:at])
            position = at
            out.extend(waiting)
            waiting.clear()
            continue
        end, slug, word = term
        if slug is None or slug in seen:
            continue
        seen.add(slug)
        out.append(text[position:at])
        out.append(_term_link(word, by_slug[slug], prefix))
        waiting.append(_explanation(by_slug[slug], prefix))
        position = end
    out.append(text[position:])
    return "".join(out)


def _term_link(word: str, begrip: dict, prefix: str) -> str:
    explanation_id = f"{prefix}-{begrip['slug']}"
    return (
        f'<span class="begrip"><a class="begrip__term" id="{explanation_id}-woord" href="#{explanation_id}" '
        f'aria-describedby="{explanation_id}-tekst"><dfn>{word}</dfn></a></span>'
    )


def _explanation(begrip: dict, prefix: str) -> str:
    explanation_id = f"{prefix}-{begrip['slug']}"
    return (
        f'<span class="begrip__uitleg" id="{explanation_id}">'
        f'<span id="{explanation_id}-tekst">{escape(begrip["uitleg"])}</span> '
        f'<a href="/begrippen/#{begrip["slug"]}">{escape(_("Alle begrippen"))}</a> '
        f'<a class="begrip__sluit" href="#{explanation_id}-woord">{escape(_("Sluit uitleg"))}</a></span>'
    )
