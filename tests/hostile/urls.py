"""The test suite's URLs plus the hostile batch page (``@override_settings(ROOT_URLCONF=...)``)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("hostile/batch/style.css", views.batch_css, name="hostile_batch_css"),
    path("hostile/batch/ready.js", views.batch_ready_js, name="hostile_batch_ready_js"),
    path("hostile/batch/<str:key>/", views.batch, name="hostile_batch"),
    path("", include("tests.urls")),
]
