"""The portal's own URLs beside the Wagtail pages: site search and the begrippenlijst."""

from django.urls import path

from portal import views
from portal.search import search_view

urlpatterns = [
    path("zoeken/", search_view, name="portal_search"),
    path("begrippen/", views.begrippenlijst, name="portal_begrippen"),
]
