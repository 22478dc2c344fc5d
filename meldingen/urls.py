from django.urls import path

from . import views
from .wizard import MeldingWizard

app_name = "meldingen"

wizard = MeldingWizard.as_view(url_name="meldingen:stap", done_step_name="klaar")

urlpatterns = [
    path("", views.start, name="start"),
    path("bevestiging/", views.bevestiging, name="bevestiging"),
    path("bevestiging/melding.pdf", views.bevestiging_pdf, name="bevestiging_pdf"),
    path("opslaan/", views.opslaan, name="opslaan"),
    path("verder/<str:token>/", views.verder, name="verder"),
    path("adres/", views.adres, name="adres"),
    path("<slug:step>/", wizard, name="stap"),
]
