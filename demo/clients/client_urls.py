"""Client-space profile page, mounted at /cabinet/my/clients/."""

from django.urls import path

from . import views

app_name = "my_clients"
urlpatterns = [
    path("", views.my_profile, name="profile"),
]
