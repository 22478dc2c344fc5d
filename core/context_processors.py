from django.conf import settings
from django.templatetags.static import static


def municipality(request):
    """The municipality's name, contact details, logo and theme, for the header and footer of every page."""
    return {
        "municipality": {
            **municipality_contact(),
            "logo": _static_or_url(settings.MUNICIPALITY_LOGO),
            "theme_css": _static_or_url(settings.MUNICIPALITY_THEME_CSS),
        }
    }


def municipality_contact() -> dict[str, str]:
    """Name, phone and e-mail: for what is rendered without a request (e-mails, PDFs)."""
    return {
        "name": settings.MUNICIPALITY_NAME,
        "phone": settings.MUNICIPALITY_PHONE,
        "email": settings.MUNICIPALITY_EMAIL,
    }


def _static_or_url(value: str) -> str:
    if not value or value.startswith(("https://", "http://", "/")):
        return value
    return static(value)
