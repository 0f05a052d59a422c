"""The test app's URLs: namespaced like a feature app's, under the cabinet prefixes.

``reports`` is included with an instance namespace that differs from its app
name, so the context processor's lookup by app name is exercised.
"""

from django.urls import include, path

from . import views

booking = (
    [
        path("", views.shell, name="schedule"),
        path("new/", views.shell, name="new"),
        path("pending/", views.shell, name="pending"),
        path("groups/", views.shell, name="groups"),
        path("settings/", views.shell, name="settings"),
        path("<int:pk>/", views.shell, name="detail"),
    ],
    "booking",
)

reports = ([path("", views.shell, name="index")], "reports")

account = (
    [
        path("", views.shell, name="my_bookings"),
        path("profile/", views.shell, name="profile"),
    ],
    "account",
)

urlpatterns = [
    path("cabinet/booking/", include(booking)),
    path("cabinet/reports/", include(reports, namespace="staff_reports")),
    path("cabinet/plain/", views.shell, name="staff_plain"),
    path("cabinet/module/<str:module>/", views.with_module, name="staff_module"),
    path("cabinet/mixin/", views.StaffReportsView.as_view(), name="staff_mixin"),
    path("cabinet/my/account/", include(account)),
    path("cabinet/my/plain/", views.shell, name="client_plain"),
    path("elsewhere/", views.shell, name="elsewhere"),
    path("elsewhere/staff/", views.staff_by_attribute, name="elsewhere_staff"),
]
