"""Staff-space booking pages, mounted at /cabinet/booking/."""

from django.urls import path

from . import views

app_name = "booking"
urlpatterns = [
    path("", views.schedule, name="schedule"),
    path("appointments/", views.appointments, name="appointments"),
]
