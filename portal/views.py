from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request: whatever broke must not break the error page too.
    context = {
        "municipality": {
            "name": settings.MUNICIPALITY_NAME,
            "phone": settings.MUNICIPALITY_PHONE,
            "email": settings.MUNICIPALITY_EMAIL,
        }
    }
    return HttpResponseServerError(loader.get_template("500.html").render(context))
