app_name = "meldingen"

urlpatterns = []
