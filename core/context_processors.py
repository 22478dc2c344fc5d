from django.conf import settings


def municipality(request):
    """The municipality's name and contact details, for the header and footer of every page."""
    return {
        "municipality": {
            "name": settings.MUNICIPALITY_NAME,
            "phone": settings.MUNICIPALITY_PHONE,
            "email": settings.MUNICIPALITY_EMAIL,
        }
    }
