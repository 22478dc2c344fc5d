from django.urls import path

from . import views

app_name = "klachten"

urlpatterns = [
    path("", views.indienen, name="indienen"),
    path("verstuurd/", views.verstuurd, name="verstuurd"),
    path("stoplicht/", views.uitleg_stoplicht, name="stoplicht"),
]
