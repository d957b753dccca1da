from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("urgent/", views.urgent_queue, name="urgent"),
]
