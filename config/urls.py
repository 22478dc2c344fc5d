from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from meldingen.backoffice.status_lookup import melding_status

urlpatterns = [
    path("health/", health.health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("portal.urls")),
    path("sociale-kaart/", include("socialekaart.urls")),
    path("api/hsds/", include("socialekaart.api.urls")),
    # Before the melding's own URLs, whose question pages take any slug.
    path("melding/status/", melding_status, name="melding_status"),
    path("melding/", include("meldingen.urls")),
    path("klacht/", include("klachten.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path as a page; it must come last.
urlpatterns.append(path("", include(wagtail_urls)))

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
