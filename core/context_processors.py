from django.conf import settings
from django.templatetags.static import static


def municipality(request):
    """The municipality's name, contact details, logo and theme, for the header and footer of every page."""
    return {
        "municipality": {
            "name": settings.MUNICIPALITY_NAME,
            "phone": settings.MUNICIPALITY_PHONE,
            "email": settings.MUNICIPALITY_EMAIL,
            "logo": _static_or_url(settings.MUNICIPALITY_LOGO),
            "theme_css": _static_or_url(settings.MUNICIPALITY_THEME_CSS),
        }
    }


def _static_or_url(value: str) -> str:
    if not value or value.startswith(("https://", "http://", "/")):
        return value
    return static(value)
