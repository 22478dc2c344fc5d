"""A record the user cannot open (any more): a melding moved to another wijkteam, a complaint to another
contract team, while its page was open. A page that says why, with what the post held, instead of Wagtail's
"Error 404" that lost a note being typed."""

from django.template.response import TemplateResponse


def out_of_reach_page(request, typed_fields, *, title: str, message: str, back: tuple[str, str]):
    """`typed_fields`: the post's free texts, shown to copy; `back`: (url, label) of the way on."""
    context = {
        "typed": [request.POST[name] for name in typed_fields if request.POST.get(name, "").strip()],
        "message": message,
        "back_url": back[0],
        "back_label": back[1],
        "page_title": title,
    }
    return TemplateResponse(request, "backoffice/buiten_bereik.html", context, status=404)
