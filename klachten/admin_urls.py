from django.urls import path

from . import admin_views

app_name = "klachten_admin"

urlpatterns = [
    path("", admin_views.lijst, name="lijst"),
    path("nieuw/", admin_views.nieuw, name="nieuw"),
    path("clienten/", admin_views.clienten, name="clienten"),
    path("<int:pk>/", admin_views.detail, name="detail"),
]
