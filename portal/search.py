"""Site search at /zoeken/: Wagtail search over the live pages, with "Bedoelde u ...?" for typing errors.

The kaart and the site search share one vocabulary (core.vocabulary): the editors' synonyms and the kaart's
themes. Each typed word becomes a group of alternatives that Wagtail's backend (database or Elasticsearch)
looks for: the word, the page words with the same Dutch stem, its synonyms, close words when it is a typing
error, and, split on the vocabulary's word list, the parts of a compound and the compounds it is part of.
"""

import difflib
import functools
import logging
import re
from collections import Counter
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText
from wagtail.signals import page_published, page_unpublished

from core import search_text, vocabulary
from core.components import crisis_note
from portal.begrippen import Begrip, all_begrippen
from portal.blocks import kaart_count, kaart_url
from portal.taalcheck import blocks, split_block, words

logger = logging.getLogger(__name__)

# The information page that says what a resident pays for Wmo help (its slug, as the editors named it).
COSTS_PAGE = "eigen-bijdrage"
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
RESULTS_PER_PAGE = 10
VOCABULARY_KEY = "portal:search:vocabulary:v1"
_QUERY_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Words with which people ask how to get help from the gemeente: a melding ("hoe doe ik een melding", "hulp
# aanvragen", and the split verb of "hoe vraag ik hulp aan"). Pages explain it; the form, /melding/, is none.
MELDING_WORDS = ("melding", "melden", "aanvragen", "aanvraag")
# Words with which people ask about a melding they made ("waar staat mijn melding", "status melding", "melding
# volgen", "meldingsnummer", "waar is mijn melding", "hoe ver is mijn melding"): the answer is the form "Waar
# staat mijn melding?", which no page is. Not when they ask how to make one ("waar doe ik mijn melding").
STATUS_WORDS = frozenset({"status", "meldingsnummer"})
FOLLOW_WORDS = frozenset({"staat", "volgen", "stand", "nummer", "bekijken", "terugvinden"})
FOLLOW_PAIRS = (frozenset({"waar", "mijn"}), frozenset({"hoe", "ver"}))
MAKING_WORDS = frozenset({"doen", "doe", "maken", "indienen"})
# The words with which people ask what a word means: "wat is de Wmo", "betekenis van pgb", "wat houdt de Wmo
# in", "uitleg indicatie". Without one, "melding" or "dagbesteding" is a search for help, not for a meaning.
ASKING_WHAT_WORDS = frozenset({"wat", "betekent", "betekenen", "betekenis", "uitleg", "houdt"})


def clean_query(raw: str) -> str:
    """Only the words of what someone typed: no operators, quotes or control characters reach the backend."""
    found = _QUERY_WORD.findall((raw or "")[:MAX_QUERY_LENGTH])
    return " ".join(found[:MAX_QUERY_WORDS])


def page_vocabulary() -> list[str]:
    """Every word of the live pages and the begrippen (4 letters or more), for "Bedoelde u ...?"."""
    known = cache.get(VOCABULARY_KEY)
    if known is None:
        found = set()
        for page in Page.objects.live().specific():
            text = page.taalcheck_text() if hasattr(page, "taalcheck_text") else page.title
            found.update(word.lower() for word in words(text))
        for begrip in all_begrippen():
            found.update(word.lower() for variant in begrip["variants"] for word in words(variant))
        known = sorted(word for word in found if len(word) >= 4 and not word.isdigit())
        cache.set(VOCABULARY_KEY, known, settings.PORTAL_CACHE_SECONDS)
    return known


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_save, sender=Begrip)
@receiver(post_delete, sender=Begrip)
def _forget_vocabulary(**kwargs):
    cache.delete_many([VOCABULARY_KEY, VOCABULARY_KEY + ":titles"])


def title_words() -> list[str]:
    """The words of the live pages' titles and the begrippen: the names people search for, which "Bedoelde
    u ...?" may offer beside the shared vocabulary (never a word from the middle of a text)."""
    key = VOCABULARY_KEY + ":titles"
    known = cache.get(key)
    if known is None:
        found = {
            word.lower()
            for title in Page.objects.live().values_list("title", flat=True)
            for word in words(title)
        }
        found.update(
            word.lower()
            for begrip in all_begrippen()
            for variant in begrip["variants"]
            for word in words(variant)
        )
        known = sorted(word for word in found if len(word) >= 4 and word not in search_text.STOPWORDS)
        cache.set(key, known, settings.PORTAL_CACHE_SECONDS)
    return known


def _not_a_typo(word: str, page_words: set[str], shared) -> bool:
    """A word of the pages or the vocabulary, a form or a compound of one, or any Dutch word: it is searched
    as typed, not replaced by a close word ("bang" is not "lang")."""
    return (
        word in page_words
        or word in shared.suggestion_words
        or bool(_forms_by_stem(tuple(sorted(page_words))).get(search_text.form_stem(word)))
        or search_text.is_dutch_word(word)  # a cached look-up, before the compound's many
        or shared.decompounder.is_compound(word)
    )


def suggestion_for(query: str) -> str | None:
    """The query with each unknown word replaced by the closest word of the shared vocabulary (names,
    themes and synonyms) or of a page title, never a fragment of a page's text; None if nothing changed."""
    shared = vocabulary.current()
    page_words = set(page_vocabulary())
    changed, suggested = False, []
    for word in query.split():
        lowered = search_text.normalise(word)
        if len(lowered) >= 4 and not _not_a_typo(lowered, page_words, shared):
            close = difflib.get_close_matches(
                lowered, shared.suggestion_words + title_words(), n=1, cutoff=0.75
            )
            if close:
                suggested.append(close[0])
                changed = True
                continue
        suggested.append(word)
    return " ".join(suggested) if changed else None


_FORMS: dict = {}


def _forms_by_stem(page_words: tuple[str, ...]) -> dict[str, list[str]]:
    """The page words per Dutch stem ("rolstoelen" and "rolstoel" share one, as "vraagt" and "vragen"), kept
    per vocabulary."""
    key = hash(page_words)
    if key not in _FORMS:
        forms: dict[str, list[str]] = {}
        for word in page_words:
            forms.setdefault(search_text.form_stem(word), []).append(word)
        _FORMS.clear()
        _FORMS[key] = forms
    return _FORMS[key]


def expand(query: str, compounds: bool = True) -> list[list[str]]:
    """The groups of alternatives for a query: every group must match, one alternative of it is enough
    (an alternative of several words needs all of them). With `compounds`, a word also looks for the parts of
    a compound and the compounds it is part of."""
    shared = vocabulary.current()
    page_words = page_vocabulary()
    known = set(page_words)
    forms = _forms_by_stem(tuple(page_words))
    holding = shared.decompounder.compounds_by_part(word for word in page_words if len(word) >= 6)
    phrases = shared.phrases
    # "keuken tafel gesprek", "hulp middelen": a compound written apart, as the pages or the synonyms have it
    query = " ".join(search_text.join_written_apart(search_text.words(query), known.__contains__, phrases))
    matched, _vague = search_text.split_vague_words(query, phrases)  # "iemand die boodschappen doet"
    typed = search_text.words(matched)[:MAX_QUERY_WORDS]
    groups, i = [], 0
    while i < len(typed):
        for size in range(min(phrases.longest, len(typed) - i), 0, -1):
            phrase = tuple(typed[i : i + size])
            if size > 1 and phrase in phrases:
                alternatives = [list(other) for other in phrases[phrase]]
                i += size
                break
        else:
            word = typed[i]
            i += 1
            if word in search_text.STOPWORDS:
                continue
            alternatives = [[word]] + [list(other) for other in phrases.get((word,), [])]
            if not _not_a_typo(word, known, shared):
                close = difflib.get_close_matches(
                    word, page_words + shared.suggestion_words, n=2, cutoff=0.75
                )
                # A close word with its synonyms: "poetse" became "poetsen", which no page says; its synonym
                # "huishoudelijke hulp" they do (a walk's resident found no page, the kaart ten).
                alternatives += [
                    list(other)
                    for close_word in close
                    for other in phrases.get((close_word,), [(close_word,)])
                ]
            if compounds:
                alternatives += [[part] for part in shared.decompounder.parts(word)]
                alternatives += [[other] for other in holding.get(search_text.stem(word), [])[:20]]
        group = []
        for alternative in alternatives:
            meaningful = [w for w in alternative if w not in search_text.STOPWORDS]
            if len(alternative) > 1 and len(meaningful) < 2:
                # A phrase means something whole: "ben alleen", a synonym of "eenzaam", found every page
                # that says "alleen" ("alleen met uw toestemming") as the word alone.
                continue
            alternative = meaningful
            variants = [alternative]
            if len(alternative) == 1:  # the same word as the pages write it: "rolstoelen", "rolstoel"
                variants += [[form] for form in forms.get(search_text.form_stem(alternative[0]), [])]
            for variant in variants:
                text = " ".join(variant)
                if text and text not in group:
                    group.append(text)
        if group:
            groups.append(group)
    return groups


def _expression(groups: list[list[str]], every_group: bool):
    ors = [Or([PlainText(text, operator="and") for text in group]) for group in groups]
    return And(ors) if every_group else Or(ors)


def excerpt(page, query: str, length: int = 30, groups=()) -> str:
    """The sentence that holds the most words of the query (in any form; the first of equals), else the
    intro: a short piece to recognise. "hulp in huis" showed "Dan kunt u hulp krijgen." on four pages, the
    first sentence with "hulp". Each of the search's `groups` (expand: a typing error's correction, a
    synonym) counts as a word too: "huishoudelyke hulp" showed that sentence again, as only "hulp" was
    spelled right. A list item comes with the line that leads into its list and the items beside it: "een
    rolstoel" alone did not say what the page says about it ("Hier betaalt u geen eigen bijdrage voor: een
    rolstoel, ...")."""
    searched = _excerpt_words(query, groups)
    text = page.taalcheck_text() if hasattr(page, "taalcheck_text") else ""
    lines = blocks(text)[1:]  # the title is the first line
    best, best_score = None, (0, 0, 0)
    for index, line in enumerate(lines):
        for position, sentence in enumerate(split_block(line)):
            stems = {search_text.stem(word) for word in search_text.words(sentence)}
            held = [kind for alternatives, kind in searched if any(words <= stems for words in alternatives)]
            score = (held.count(THING), held.count(COST), len(held))
            if score > best_score:
                best, best_score = (index, position), score
    if best:
        index, position = best
        found = _list_with_its_lead_in(lines, index)
        return Truncator(found or _in_context(lines, index, position, length)).words(length)
    first = next((sentence for line in lines for sentence in split_block(line)), "")
    return Truncator(getattr(page, "intro", "") or first).words(length)


# What a searched word is to an excerpt, from most to least telling: the thing asked about, its cost, and a
# word every page has ("kosten wmo" showed "Bel dan het Wmo-loket." above "Wat kost het?").
THING, COST, EVERY_PAGE = "thing", "cost", "every page"
ON_EVERY_PAGE = frozenset({"wmo"})


def _excerpt_words(query: str, groups) -> list[tuple[list[set[str]], str]]:
    """What an excerpt looks for: each group of the search (its alternatives, each the stems that must all
    stand in a sentence) and each word typed that no group holds; each with what kind of word it is. A
    question of cost is about its thing first: "is de traplift gratis" showed "Dan leent u die gratis bij een
    uitleenpunt", of crutches; the sentence with "traplift" goes before it (the cost tip does the rest)."""
    costs = {search_text.stem(word) for word in search_text.COST_WORDS}
    everywhere = {search_text.stem(word) for word in ON_EVERY_PAGE}

    def stems(text: str) -> set[str]:
        return {search_text.stem(word) for word in search_text.words(text)}

    def kind(words: set[str]) -> str:
        return COST if words <= costs else EVERY_PAGE if words <= everywhere else THING

    searched = [([stems(text) for text in group], kind(stems(group[0]))) for group in groups if group]
    held = set().union(*(words for alternatives, _kind in searched for words in alternatives))
    typed = search_text.content_words(query) or search_text.words(query)
    searched += [([{stem}], kind({stem})) for stem in map(search_text.stem, typed) if stem not in held]
    return searched


# Words that make a sentence lean on the one before it: "Dat heet de eigen bijdrage." alone named nothing,
# "Bijvoorbeeld stofzuigen, dweilen en de badkamer doen." not what it was an example of.
LEANING_WORDS = frozenset(
    {"dat", "dit", "die", "dan", "daar", "daarom", "daarna", "daarvoor", "hij", "zij", "ze", "bijvoorbeeld"}
)


def _in_context(lines: list[str], index: int, position: int, length: int) -> str:
    """The sentence, with the one before it in its paragraph when it leans on that one, and a question with
    its answer: the next sentence, or under a heading that asks it the next line's first; and an answer with
    the heading that asks its question ("Voor het schoonmaken en de was helpt de gemeente wel." stood without
    "Hebt u ook hulp in huis nodig?"). Not another question ("Hebt u nog vragen?" took the heading below it).
    Two sentences longer than `length` words give the one that holds the words searched for."""
    sentences = split_block(lines[index])
    sentence = together = sentences[position]
    if position > 0 and sentence.split(maxsplit=1)[0].lower().strip(",") in LEANING_WORDS:
        together = f"{sentences[position - 1]} {sentence}"
    elif position == 0 and _asked_above(lines, index) and not sentence.endswith("?"):
        together = f"{lines[index - 1]} {sentence}"
    elif sentence.endswith("?"):
        answer = sentences[position + 1 :]
        heading = len(sentences) == 1 and index + 1 < len(lines) and not _is_list_item(lines[index + 1])
        if not answer and heading:
            answer = split_block(lines[index + 1])
        if answer and not answer[0].endswith("?"):
            together = f"{sentence} {answer[0]}"
    return together if len(together.split()) <= length else sentence


def _is_list_item(line: str) -> bool:
    """A line that starts in lower case and ends without a full stop, question or exclamation mark: in the
    pages' plain B1 text an item of a list ("een rolstoel"); sentences and headings start in capitals."""
    return line[:1].islower() and _without_full_stop(line)


def _asked_above(lines: list[str], index: int) -> bool:
    """The line above is a heading that asks a question."""
    return index > 0 and lines[index - 1].endswith("?") and len(split_block(lines[index - 1])) == 1


def _without_full_stop(line: str) -> bool:
    return not line.endswith((".", "?", "!", ":"))


def _list_with_its_lead_in(lines: list[str], index: int) -> str:
    """The list the line stands in, with the line that leads into it; "" for a line in no list. Items start in
    lower case, or they are titles of pages under a line that ends with a colon: "Hulp bij het huishouden"
    stood alone, without "Zoekt u hulp voor degene voor wie u zorgt? Lees dan:"."""
    if not _without_full_stop(lines[index]):
        return ""  # a sentence
    item = _is_list_item if _is_list_item(lines[index]) else _without_full_stop
    start = end = index
    while start > 0 and item(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and item(lines[end + 1]):
        end += 1
    if item is _without_full_stop and not (start > 0 and lines[start - 1].endswith(":")):
        return ""  # a heading
    items = ", ".join(lines[start : end + 1])
    lead_in = lines[start - 1] if start > 0 else ""
    if not lead_in or lead_in.endswith(":"):
        return f"{lead_in} {items}".strip()
    if lead_in.endswith((".", "?", "!")):
        return f"{lead_in} {items[:1].upper()}{items[1:]}"
    return f"{lead_in}: {items}"  # a heading above the list


class SiteSearch(NamedTuple):
    page_obj: object
    hits: list[dict]
    left_out: list[str]  # words as typed that no page holds: the pages found are those without them


def _holding_the_most_groups(pages, groups) -> tuple[list, list[list[str]]]:
    """No page holds every group: the pages that hold the most of them, in the order of a search for any,
    and the groups no page holds. Every page holding any one word put Privacy first for "ik zit de hele dag
    alleen thuis" ("alleen")."""
    held, on_no_page = Counter(), []
    for group in groups:
        holding = [page.pk for page in pages.search(_expression([group], every_group=True))]
        held.update(holding)
        if not holding:
            on_no_page.append(group)
    most = max(held.values(), default=0)
    found = [page for page in pages.search(_expression(groups, every_group=False)) if held[page.pk] == most]
    return found, on_no_page


def _by_its_words(pages, query: str) -> tuple[list, list[list[str]]]:
    """A synonym of several words is one group ("boodschappen laten bezorgen"): when no page holds it, its
    words weigh apart, as before it was a synonym (a walk: adding it made its search find nothing)."""
    apart = [group for word in search_text.content_words(query) for group in expand(word)]
    return _holding_the_most_groups(pages, apart) if len(apart) > 1 else ([], [])


def _words_as_typed(groups: list[list[str]], query: str) -> list[str]:
    """The typed words of these groups, as the kaart names them (a group's first alternative is the word as
    typed, a phrase's is a synonym of it: those are left unnamed)."""
    typed = search_text.words(query)
    return list(search_text.worth_naming(group[0] for group in groups if group[0] in typed))


def _found_through_compounds_last(pages, found: list, query: str, groups) -> list:
    """The pages that hold the words as typed (or a synonym) before those found only through a compound, as
    the kaart weighs a compound less: "cliëntondersteuner" put the pages for professionals first, through
    "cliënt"."""
    if len(found) < 2:
        return found
    direct = expand(query, compounds=False)
    if not direct or direct == groups:
        return found
    held = {page.pk for page in pages.search(_expression(direct, every_group=True))}
    return sorted(found, key=lambda page: page.pk not in held)


def _about_the_site_last(found: list, query: str) -> list:
    """The pages about the site itself (privacy, toegankelijkheid: gewone pagina's) after the pages about
    help, each in the search's order, unless their title or intro holds a word of the search: people search
    for help, and Privacy says "hulp" too."""
    about_the_site = apps.get_model("portal", "GewonePagina")
    searched = {search_text.stem(word) for word in search_text.content_words(query)}

    def later(page) -> bool:
        if page.specific_class is not about_the_site:
            return False
        heading = f"{page.title} {getattr(page.specific, 'intro', '')}"
        return not searched & {search_text.stem(word) for word in search_text.content_words(heading)}

    return sorted(found, key=later)


def run_search(query: str, page_number) -> SiteSearch:
    groups = expand(query) or [[word] for word in search_text.words(query)]
    pages = Page.objects.live().public()
    found, on_no_page = list(pages.search(_expression(groups, every_group=True))), []
    if not found:
        found, on_no_page = (
            _holding_the_most_groups(pages, groups) if len(groups) > 1 else _by_its_words(pages, query)
        )
    found = _found_through_compounds_last(pages, found, query, groups)
    paginator = Paginator(_about_the_site_last(found, query), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page_number)
    ids = [page.pk for page in page_obj.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    hits = [
        {"page": specific[pk], "excerpt": excerpt(specific[pk], query, groups=groups)}
        for pk in ids
        if pk in specific
    ]
    # A walk: "hulp in het Turks" listed 20 pages about "hulp" without a word that none says "Turks".
    return SiteSearch(page_obj, hits, _words_as_typed(on_no_page, query) if found else [])


def asks_how_to_apply(query: str) -> bool:
    typed = search_text.words(query)
    stems = {search_text.form_stem(word) for word in typed}
    # "hulp aanvragen", "hoe vraag ik hulp aan", "hulp vragen"; not "vragen over de eigen bijdrage"
    asks_for_help = search_text.form_stem("vragen") in stems and bool({"aan", "hulp"}.intersection(typed))
    return bool(stems & _melding_stems()) or asks_for_help or search_text.asks_where_to_start(query)


def asks_about_a_melding_made(query: str) -> bool:
    typed = set(search_text.words(query))
    if typed & STATUS_WORDS:
        return True
    if not {search_text.form_stem(word) for word in typed} & _melding_stems() or typed & MAKING_WORDS:
        return False
    return bool(typed & FOLLOW_WORDS) or any(pair <= typed for pair in FOLLOW_PAIRS)


@functools.cache
def _melding_stems() -> frozenset[str]:
    return frozenset(search_text.form_stem(word) for word in MELDING_WORDS)


def begrip_asked(query: str) -> dict | None:
    """The begrip a query asks the meaning of ("wat is de Wmo", "wat betekent mantelzorger"): its explanation
    stands above the results. A walk with a screen reader heard the Wmo's meaning at the eighth result."""
    if not ASKING_WHAT_WORDS.intersection(search_text.words(query)):
        return None
    asked = [word for word in search_text.content_words(query) if word not in ASKING_WHAT_WORDS]
    for begrip in all_begrippen():
        if asked and any(search_text.content_words(variant) == asked for variant in begrip["variants"]):
            return begrip
    return None


def kaart_help(url: str) -> int | None:
    """How much help the kaart lists for the same words: someone who searches "boodschappen" on the site is
    looking for help, which is on the kaart. None when the kaart's search is down: the site search still
    answers, and offers the kaart's link without a count."""
    try:
        return kaart_count(url, every_word=False)  # the kaart's page says which words it left out
    except Exception as error:
        logger.warning("Kaart count for the site search failed: %s", type(error).__name__)
        return None


def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {"search_query": raw[:MAX_QUERY_LENGTH], "query": query, "hits": [], "page_obj": None}
    if query:
        context["crisis_note"] = crisis_note(query)
        try:
            context["page_obj"], context["hits"], context["left_out"] = run_search(
                query, request.GET.get("page")
            )
        except Exception as error:  # the search backend is down or refuses the query: say so, in B1
            logger.warning("Site search failed: %s", type(error).__name__)
            context["search_failed"] = True
        context["suggestion"] = suggestion_for(query)
        context["begrip"] = begrip_asked(query)
        context["kaart_url"] = kaart_url(q=query)
        # Who asks how to apply gets the melding as the next step, not the kaart's help that says "melding";
        # who asks where their melding is gets the status lookup instead of both.
        context["melding_status"] = asks_about_a_melding_made(query)
        context["melding"] = not context["melding_status"] and asks_how_to_apply(query)
        # Who wants to complain gets the way to do that; "klacht" counted the kaart's help for "psychische
        # klachten".
        context["klacht"] = search_text.wants_to_complain(query)
        # Who asks what help costs gets the page on the eigen bijdrage, unless it is among the results shown.
        shown = any(hit["page"].slug == COSTS_PAGE for hit in context["hits"])
        context["costs_page"] = COSTS_PAGE if search_text.asks_about_costs(query) and not shown else ""
        not_help = context["melding"] or context["melding_status"] or context["klacht"]
        not_help = not_help or search_text.wants_to_object(query)  # the pages say how, the kaart has no help
        context["kaart_count"] = 0 if not_help else kaart_help(context["kaart_url"])
        if not context["hits"] and not context.get("search_failed"):
            # The page models import this module (for its signals), so they are looked up, not imported.
            thema_pagina = apps.get_model("portal", "ThemaPagina")
            context["themes"], context["themes_near"] = thema_pagina.nearest_to(query)
    return render(request, "portal/search.html", context)
