"""Print HTML to an accessible PDF: tagged as PDF/UA-1, so a screen reader follows its headings, lists and
tables, in the language of `<html lang>`, with the `<title>` shown as the document's title.

Every PDF of the site (the melding, an information page, the kaart's list) is made here. Nothing is fetched
while printing: the documents need no outside files, and a link in one must never make the server call out.
"""

import logging

# WeasyPrint reports every rendering step at INFO level; only its warnings matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, stylesheets=(), base_url: str | None = None) -> bytes:
    from weasyprint import CSS, HTML  # imported on use: loading its fonts is slow

    document = HTML(string=html, base_url=base_url, url_fetcher=_no_fetching)
    sheets = [sheet if isinstance(sheet, CSS) else CSS(string=sheet) for sheet in stylesheets]
    return document.write_pdf(stylesheets=sheets, pdf_variant=PDF_VARIANT)


def _no_fetching(url, *args, **kwargs):
    raise ValueError(f"not fetched: {url}")
