app_name = "socialekaart"

urlpatterns = []
