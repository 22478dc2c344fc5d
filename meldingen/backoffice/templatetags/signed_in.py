"""`{% signed_in_bar %}` on the public site's pages: who is logged in, the way to their own work, and out. A
walk's huisarts, logged in on the practice's computer, saw the residents' site unchanged: no way to the signal
form, and none to log out."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from meldingen.backoffice.roles import can_send_signaal, display_name

register = template.Library()


@register.simple_tag(takes_context=True)
def signed_in_bar(context) -> str:
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""  # anonymous: the session is left unread, and the page is the same for every such visitor
    if getattr(request, "is_preview", False):
        return ""  # an editor's preview shows the page as visitors see it (a walk)
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        return ""  # its logout is the admin's, which lets in no one else (nor an anonymous visitor)
    sends_signals = can_send_signaal(user)  # their own work: the signals (a link more took a line on a phone)
    values = {"name": display_name(user), "sends_signals": sends_signals}
    return render_to_string("components/signed_in_bar.html", values, request=request)
