from django.urls import path
from django.views.decorators.cache import never_cache

from . import views
from .wizard import MeldingWizard

app_name = "meldingen"

wizard = MeldingWizard.as_view(url_name="meldingen:stap", done_step_name="klaar")

# Every page here may show personal data: no browser or proxy keeps a copy (Cache-Control: no-store).
urlpatterns = [
    path("", never_cache(views.start), name="start"),
    path("bevestiging/", never_cache(views.bevestiging), name="bevestiging"),
    path("bevestiging/melding.pdf", never_cache(views.bevestiging_pdf), name="bevestiging_pdf"),
    path("opslaan/", never_cache(views.opslaan), name="opslaan"),
    path("nieuwe-link/", views.nieuwe_link, name="nieuwe_link"),
    path("bewaard/", never_cache(views.bewaard), name="bewaard"),
    path("verder/<str:token>/", never_cache(views.verder), name="verder"),
    path("adres/", never_cache(views.adres), name="adres"),
    path("<slug:step>/", never_cache(wizard), name="stap"),
]
