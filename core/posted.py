"""Post/redirect/get for a form whose answer page shows what was posted (its errors, or what it found): the
POST keeps the form's fields, encrypted, in the session, and the page after the redirect takes them once. So
no page is the answer to a POST: the browser's back button and a reload never ask to send the form again."""

from functools import wraps

from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect

from .crypto import InvalidToken, decrypt_json, encrypt_json


def keep_posted(request, key: str, form) -> None:
    """The form's own fields as posted (what else came along is not kept)."""
    posted = QueryDict(mutable=True)
    for name in form.fields:
        posted.setlist(name, request.POST.getlist(name))
    request.session[key] = encrypt_json(posted.urlencode())


def take_posted(request, key: str) -> QueryDict | None:
    """What `keep_posted` kept, once; None when nothing was (or under a key since removed)."""
    token = request.session.pop(key, None)
    try:
        return QueryDict(decrypt_json(token)) if token else None
    except InvalidToken:
        return None


def post_only(page_of):
    """Like require_POST, but opening the form's own address (after an error the address bar shows it: a tab
    restored, a link copied) goes to the page the form is on, `page_of(**the view's arguments)`: a 405 was a
    blank page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                return redirect(page_of(**kwargs))
            return HttpResponseNotAllowed(["POST"])

        return wrapper

    return decorator
