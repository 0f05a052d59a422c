"""Client-space booking pages, mounted at /cabinet/my/booking/."""

from django.urls import path

from . import views

app_name = "my_booking"
urlpatterns = [
    path("", views.my_appointments, name="appointments"),
]
