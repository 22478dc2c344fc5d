"""Demo content of the portal: the pages (`content.py`) and the begrippenlijst (`begrippen.py`)."""

from portal.taalcheck import html_to_text


def block_text(block_type: str, value) -> str:
    """The plain text a reader meets in one block of a demo page."""
    if block_type == "text":
        return html_to_text(value)
    if block_type in ("goed_om_te_weten", "contact"):
        return "\n".join([value["title"], html_to_text(value["text"])])
    if block_type == "stappen":
        steps = [f"{step['title']}\n{html_to_text(step['text'])}" for step in value["steps"]]
        return "\n".join([value["title"], *steps])
    if block_type == "vragen":
        items = [f"{item['question']}\n{html_to_text(item['answer'])}" for item in value["items"]]
        return "\n".join([value["title"], *items])
    if block_type in ("kaart_link", "melding_cta"):
        return value["text"]
    raise ValueError(f"Unknown block type {block_type!r}")


def page_text(page: dict) -> str:
    """Title, intro and every block of a demo page, one block of text per line."""
    parts = [page["title"], page.get("intro", "")]
    parts += [block_text(block_type, value) for block_type, value in page["body"]]
    return "\n".join(part for part in parts if part)


def all_pages() -> list[dict]:
    """Every demo page that carries text: the home page, the theme pages, their pages and the plain pages."""
    from .content import HOME, PLAIN_PAGES, THEMES

    pages = [{**HOME, "slug": "home", "body": []}]
    for theme in THEMES:
        pages.append({"slug": theme["slug"], "title": theme["title"], "intro": theme["intro"], "body": []})
        pages += theme["pages"]
    return pages + PLAIN_PAGES
