"""The test suite's root URLconf."""

from django.contrib.auth.views import LoginView, LogoutView
from django.urls import include, path

urlpatterns = [
    # django-components serves cached component JS/CSS here (see cabinet.E002).
    path("", include("django_components.urls")),
    path("login/", LoginView.as_view(template_name="testapp/login.html"), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    # The test app: namespaced feature URLs under /cabinet/... and /cabinet/my/...
    path("", include("tests.testapp.urls")),
    path("", include("tests.shell_urls")),
    path("cabinet/", include("codex_django.cabinet.urls")),
    path("storybook/", include("codex_django.storybook.urls")),
]
