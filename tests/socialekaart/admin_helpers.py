"""Helpers to drive the real Wagtail admin forms with the test client."""

from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html


def url(model_name: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_socialekaart_{model_name}:{view}", args=args)


def form_data(client, page_url: str, **changes):
    """The data of the admin form on a page as the browser would post it, with some fields changed."""
    response = client.get(page_url)
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    form_id = _form_id(html)
    data = querydict_from_html(html, form_id=form_id)
    _fix_boolean_checkboxes(html, form_id, data)
    for name, value in changes.items():
        if isinstance(value, list | tuple):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = str(value)
    return data


def _form_id(html: str) -> str:
    return "w-editor-form"  # Wagtail's create and edit views


def _fix_boolean_checkboxes(html: str, form_id: str | None, data) -> None:
    """A ticked checkbox without a value attribute posts "on" in a browser, not an empty string."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", attrs={"id": form_id})
    for checkbox in form.find_all("input", type="checkbox", checked=True):
        if "value" not in checkbox.attrs and checkbox.get("name"):
            data[checkbox["name"]] = "on"
