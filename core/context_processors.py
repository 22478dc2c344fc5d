from django.conf import settings
from django.templatetags.static import static


def municipality(request):
    """The municipality's name, contact details, logo and theme, for the header and footer of every page, and
    whom to call when it cannot wait (meldingen/spoed_bellen.html)."""
    return {
        "municipality": {
            **municipality_contact(),
            "spoed_phone": settings.MELDINGEN_SPOED_PHONE,
            "huisartsenpost_phone": settings.MELDINGEN_HUISARTSENPOST_PHONE,
            "logo": _static_or_url(settings.MUNICIPALITY_LOGO),
            "theme_css": _static_or_url(settings.MUNICIPALITY_THEME_CSS),
        }
    }


def municipality_contact() -> dict[str, str]:
    """Name, phone, its hours and e-mail: for what is rendered without a request (e-mails, PDFs) too."""
    return {
        "name": settings.MUNICIPALITY_NAME,
        "phone": settings.MUNICIPALITY_PHONE,
        "hours": settings.MUNICIPALITY_PHONE_HOURS,
        "email": settings.MUNICIPALITY_EMAIL,
    }


def _static_or_url(value: str) -> str:
    if not value or value.startswith(("https://", "http://", "/")):
        return value
    return static(value)
