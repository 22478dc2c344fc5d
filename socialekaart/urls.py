from django.urls import path

from . import views

app_name = "socialekaart"

urlpatterns = [
    path("", views.search, name="search"),
    path("suggesties/", views.suggestions, name="suggestions"),
    path("lijst.csv", views.export_csv, name="export_csv"),
    path("lijst.pdf", views.export_pdf, name="export_pdf"),
    path("<slug:slug>/", views.detail, name="detail"),
]
