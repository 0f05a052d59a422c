"""CabinetSettings, its Redis copy and the staff site-settings page, through real requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from codex_django.cabinet.models import CabinetSettings
from codex_django.cabinet.models.current import current_settings
from codex_django.cabinet.navigation.settings_tabs import SettingsTab, settings_tabs
from codex_django.cabinet.redis import CabinetSettingsRedisManager, health
from tests.integration.conftest import RedisServer, command_delta
from tests.integration.dashboard_fixtures import make_user
from tests.waiting import wait_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.dashboard_urls")]

CHANGE = ("cabinet.change_cabinetsettings",)


@pytest.fixture
def admin(client: Client) -> Client:
    client.force_login(make_user("admin", staff=True, perms=CHANGE))
    return client


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    return tmp_path


class TestSingleton:
    def test_load_creates_pk_1_and_save_keeps_it(self) -> None:
        settings = CabinetSettings.load()
        assert settings.pk == 1 and settings.theme_overrides == {} and settings.cabinet_name == ""
        other = CabinetSettings(cabinet_name="Second")
        other.save()
        assert other.pk == 1
        assert CabinetSettings.objects.count() == 1
        assert CabinetSettings.load().cabinet_name == "Second"

    def test_delete_is_refused(self) -> None:
        settings = CabinetSettings.load()
        assert settings.delete() == (0, {})
        assert CabinetSettings.objects.filter(pk=1).exists()

    def test_str(self) -> None:
        assert str(CabinetSettings(cabinet_name="Salon")) == "Salon"
        assert str(CabinetSettings()) == "Cabinet settings"


@pytest.mark.redis
class TestRedisCopy:
    def test_saved_to_redis_after_commit_only(
        self, cabinet_redis: RedisServer, django_capture_on_commit_callbacks: Any
    ) -> None:
        manager = CabinetSettingsRedisManager()
        settings = CabinetSettings.load()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            settings.cabinet_name = "Salon Studio"
            settings.theme_overrides = {"light.brand": "#0f766e"}
            settings.save()
            assert manager.get() == {}  # not before the commit
        assert len(callbacks) == 1
        cached = manager.get()
        assert cached["cabinet_name"] == "Salon Studio"
        assert cached["theme_overrides"] == {"light.brand": "#0f766e"}
        assert isinstance(cached["updated_at"], dt.datetime)
        rebuilt = CabinetSettings.from_cabinet_dict(cached)
        assert (rebuilt.pk, rebuilt.cabinet_name, rebuilt.logo.name) == (1, "Salon Studio", "")

    def test_rolled_back_save_never_reaches_redis(
        self, cabinet_redis: RedisServer, django_capture_on_commit_callbacks: Any
    ) -> None:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            CabinetSettings(cabinet_name="never").save()
        assert len(callbacks) == 1  # scheduled for the commit, which a rollback never runs
        assert CabinetSettingsRedisManager().get() == {}

    def test_context_variable_read_once_per_request(self, admin: Client, cabinet_redis: RedisServer) -> None:
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "From DB"})
        response = admin.get("/settings-probe/")  # a miss: database, then the hash is written back
        assert response.content.decode().count("From DB") == 4
        before = cabinet_redis.command_calls()
        response = admin.get("/settings-probe/")  # two templates, four uses, one read
        assert response.content.decode().count("From DB") == 4
        assert command_delta(before, cabinet_redis.command_calls()) == {"hgetall": 1}

    def test_database_fallback_when_redis_is_down(self, admin: Client, cabinet_redis: RedisServer) -> None:
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "Still here"})
        cabinet_redis.stop()
        assert admin.get("/settings-probe/").content.decode().count("Still here") == 4


def redis_answers(server: RedisServer) -> bool:
    """Redis answers a PING at once (a ``CLIENT PAUSE`` is over) and the breaker lets calls through."""
    try:
        with redis.Redis(unix_socket_path=str(server.socket), socket_timeout=0.05) as probe:
            return bool(probe.ping()) and not health.skip()
    except redis.TimeoutError:
        return False


@pytest.mark.redis
class TestRedisCopyUnderConcurrency:
    """Several processes (gunicorn workers) share the hash; found by ``make load`` (load/)."""

    def test_a_save_redis_missed_is_not_undone_by_its_old_copy_when_redis_answers_again(
        self,
        cabinet_redis: RedisServer,
        settings: Any,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        # Redis hangs (a pause, a partition), then answers again with the data it held: the
        # hash from before the save must not be served as the settings ever after.
        settings.CODEX_CABINET = {**settings.CODEX_CABINET, "REDIS_SOCKET_TIMEOUT": 0.2}
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "Old"})
        assert current_settings().cabinet_name == "Old"  # a miss: read from the database, cached
        with cabinet_redis.client() as client:
            client.execute_command("CLIENT", "PAUSE", "800", "ALL")
        with django_capture_on_commit_callbacks(execute=True):
            changed = CabinetSettings.load()
            changed.cabinet_name = "New"
            changed.save()  # the copy into Redis times out
        assert current_settings().cabinet_name == "New"  # Redis skipped: the database
        wait_for(lambda: redis_answers(cabinet_redis), "the pause and the breaker's interval to end")
        assert current_settings().cabinet_name == "New"
        assert CabinetSettingsRedisManager().get()["cabinet_name"] == "New"

    def test_a_miss_written_back_never_replaces_a_newer_save(
        self, cabinet_redis: RedisServer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Worker A misses and reads the row; worker B saves and writes the hash; then A writes
        # back what it read. B's copy must stay.
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "Old"})
        manager = CabinetSettingsRedisManager()
        real_load = CabinetSettings.load

        def load_while_another_worker_saves() -> CabinetSettings:
            read = real_load()  # worker A's copy of the row
            newer = CabinetSettings.objects.get(pk=1)
            newer.cabinet_name = "New"
            newer.save()  # worker B (in autocommit: its copy is written at once)
            manager.save_instance(newer)
            return read

        monkeypatch.setattr(CabinetSettings, "load", load_while_another_worker_saves)
        assert current_settings().cabinet_name == "Old"  # what A read, for this one request
        monkeypatch.setattr(CabinetSettings, "load", real_load)
        assert manager.get()["cabinet_name"] == "New"
        assert current_settings().cabinet_name == "New"


def test_without_redis_the_database_is_read_once_per_request(admin: Client, settings: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CODEX_CABINET = {}  # no Redis configured
    CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "Only DB"})
    with CaptureQueriesContext(connection) as queries:
        html = admin.get("/settings-probe/").content.decode()
    assert html.count("Only DB") == 4
    assert len([q for q in queries.captured_queries if "cabinet_cabinetsettings" in q["sql"]]) == 1


class TestSettingsPage:
    def test_page_shows_every_tab_with_its_form(self, admin: Client) -> None:
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": "Salon <Studio>"})
        response = admin.get("/cabinet/settings/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'href="#tab-general"' in html and 'href="#tab-theme"' in html
        assert '<form method="post" action="/cabinet/settings/general/" enctype="multipart/form-data"' in html
        assert 'value="Salon &lt;Studio&gt;"' in html
        assert 'name="csrfmiddlewaretoken"' in html
        assert '<label class="form-label" for="id_general-cabinet_name">Cabinet name</label>' in html
        assert "HX-Request" in response["Vary"]

    def test_post_saves_only_that_tabs_fields(self, admin: Client, media: Any) -> None:
        CabinetSettings.objects.update_or_create(pk=1, defaults={"theme_overrides": {"primary": "#111111"}})
        response = admin.post(
            "/cabinet/settings/general/",
            {
                "general-cabinet_name": "Salon Studio",
                "general-theme_overrides": '{"primary": "#ff0000"}',  # not a field of this tab
                "theme-theme_overrides": '{"primary": "#ff0000"}',
                "general-id": "7",
            },
        )
        assert response.status_code == 303
        assert response["Location"] == "/cabinet/settings/#tab-general"
        saved = CabinetSettings.objects.get()
        assert (saved.pk, saved.cabinet_name, saved.theme_overrides) == (
            1,
            "Salon Studio",
            {"primary": "#111111"},
        )
        page = admin.get(response["Location"]).content.decode()
        assert "General settings saved." in page

    def test_logo_upload_and_validation(self, admin: Client, media: Any) -> None:
        png = SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        response = admin.post(
            "/cabinet/settings/general/", {"general-cabinet_name": "x", "general-logo": png}
        )
        assert response.status_code == 303
        assert CabinetSettings.objects.get().logo.name.startswith("cabinet/logo")

        svg = SimpleUploadedFile("logo.svg", b"<svg/>", content_type="image/svg+xml")
        response = admin.post(
            "/cabinet/settings/general/", {"general-cabinet_name": "x", "general-logo": svg}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert (
            "File extension “svg” is not allowed. Allowed extensions are: png, jpg, jpeg, gif, webp." in html
        )
        assert CabinetSettings.objects.get().logo.name.startswith("cabinet/logo")

    def test_errors_are_shown_in_place(self, admin: Client) -> None:
        response = admin.post("/cabinet/settings/theme/", {"theme-theme_overrides": "[1, 2]"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<html" in html  # the whole page, the theme tab showing its errors
        assert "Enter a JSON object such as {&quot;light.brand&quot;: &quot;#0f766e&quot;}." in html
        assert 'class="form-control is-invalid"' in html and 'aria-invalid="true"' in html
        assert "[1, 2]" in html  # what the user typed stays in the field
        assert CabinetSettings.load().theme_overrides == {}

    def test_theme_tab_saves_json(self, admin: Client) -> None:
        response = admin.post(
            "/cabinet/settings/theme/", {"theme-theme_overrides": '{"light.brand": "#0f766e"}'}
        )
        assert response.status_code == 303
        assert CabinetSettings.load().theme_overrides == {"light.brand": "#0f766e"}

    def test_htmx_post_answers_the_tab(self, admin: Client) -> None:
        response = admin.post(
            "/cabinet/settings/general/", {"general-cabinet_name": "HTMX"}, headers={"HX-Request": "true"}
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert body.lstrip().startswith('<section id="tab-general"')
        assert '<div class="alert alert-success" role="status">Saved.</div>' in body
        assert "HX-Request" in response["Vary"]
        invalid = admin.post(
            "/cabinet/settings/theme/", {"theme-theme_overrides": "{"}, headers={"HX-Request": "true"}
        )
        assert invalid.content.decode().lstrip().startswith('<section id="tab-theme"')
        assert "Enter a valid JSON." in invalid.content.decode()

    def test_root_post_with_tab_field(self, admin: Client) -> None:
        response = admin.post("/cabinet/settings/", {"tab": "general", "general-cabinet_name": "Root"})
        assert response.status_code == 303
        assert CabinetSettings.load().cabinet_name == "Root"
        assert admin.post("/cabinet/settings/", {"tab": "nope"}).status_code == 404

    def test_tab_get_redirects_to_its_anchor(self, admin: Client) -> None:
        response = admin.get("/cabinet/settings/theme/")
        assert (response.status_code, response["Location"]) == (302, "/cabinet/settings/#tab-theme")
        assert admin.get("/cabinet/settings/nope/").status_code == 404

    def test_csrf_is_required(self, django_user_model: Any) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user("csrf", staff=True, perms=CHANGE))
        response = client.post("/cabinet/settings/general/", {"general-cabinet_name": "forged"})
        assert response.status_code == 403
        assert CabinetSettings.load().cabinet_name == ""

    @pytest.mark.redis
    def test_saving_refreshes_the_cache(
        self, admin: Client, cabinet_redis: RedisServer, django_capture_on_commit_callbacks: Any
    ) -> None:
        assert admin.get("/settings-probe/").status_code == 200  # caches the empty settings
        with django_capture_on_commit_callbacks(execute=True):
            admin.post("/cabinet/settings/general/", {"general-cabinet_name": "Fresh"})
        assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Fresh"
        assert admin.get("/settings-probe/").content.decode().count("Fresh") == 4


class GroupForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Group
        fields = ("name",)


@pytest.fixture
def custom_tab() -> Iterator[SettingsTab]:
    state = settings_tabs.snapshot()
    tab = settings_tabs.register(
        SettingsTab(
            slug="team",
            label="Team",
            form_class=GroupForm,
            get_instance=lambda request: Group.objects.get_or_create(name="Staff")[0],
            permissions=("auth.change_group",),
            order=5,
        )
    )
    try:
        yield tab
    finally:
        settings_tabs.restore(state)


class TestRegisteredTabs:
    def test_custom_tab_with_its_own_permission(self, client: Client, custom_tab: SettingsTab) -> None:
        client.force_login(make_user("lead", staff=True, perms=("auth.change_group",)))
        html = client.get("/cabinet/settings/").content.decode()
        assert 'href="#tab-team"' in html and 'href="#tab-general"' not in html
        assert client.post("/cabinet/settings/team/", {"team-name": "Reception"}).status_code == 303
        assert Group.objects.get().name == "Reception"
        assert client.post("/cabinet/settings/general/", {"general-cabinet_name": "x"}).status_code == 403

    def test_tab_validation(self) -> None:
        with pytest.raises(ImproperlyConfigured, match="slug must be lowercase letters"):
            SettingsTab(slug="Bad Slug", label="x", form_class=GroupForm)
        with pytest.raises(ImproperlyConfigured, match="form_class must be a ModelForm subclass"):
            SettingsTab(slug="ok", label="x", form_class=forms.Form)  # type: ignore[arg-type]
