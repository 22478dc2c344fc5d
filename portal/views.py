from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from core.context_processors import municipality


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # Rendered without the request: whatever broke must not break the error page too.
    context = municipality(None)
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def begrippenlijst(request):
    """Every term of the begrippenlijst with its explanation, A to Z, each with its own anchor."""
    from portal.begrippen import all_begrippen

    begrippen = all_begrippen()
    letters = {}
    for begrip in begrippen:
        letters.setdefault(begrip["term"][:1].upper(), []).append(begrip)
    crumbs = [{"url": "/", "title": _("Home")}, {"url": "/begrippen/", "title": _("Begrippenlijst")}]
    return render(request, "portal/begrippen.html", {"letters": letters.items(), "breadcrumbs": crumbs})
