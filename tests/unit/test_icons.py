"""Bootstrap Icons names and the icons-in-use set (codex_django.cabinet.assets.icons).

Needs the built ``cabinet/dist/icons.json`` / ``icons-used.json`` (``npm run build``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from codex_django.cabinet.assets import icons
from codex_django.cabinet.conf.checks import check_settings
from codex_django.cabinet.registry import CabinetRegistry, SidebarItem, TopbarEntry, configure_space, declare
from codex_django.cabinet.types.nav import Shortcut
from codex_django.cabinet.types.registry import CabinetSection
from tests.testapp.fixtures import registry_state  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not icons.icon_codepoints(), reason="icons.json not built: run `npm run build`"
)


def test_codepoints_are_bootstrap_icons_own() -> None:
    vendor = json.loads((ROOT / "node_modules/bootstrap-icons/font/bootstrap-icons.json").read_text())
    assert icons.icon_codepoints() == vendor
    assert icons.icon_codepoints()["calendar"] == 0xF1F6


def test_library_icons_are_what_the_templates_name() -> None:
    used = icons.library_icons()
    assert {"x-lg", "list", "inbox", "grid-1x2", "person-circle"} <= used  # shell, empty state, branding
    assert used <= set(icons.icon_codepoints())


def test_check_icon_name_accepts_real_icons_and_suggests_for_typos() -> None:
    assert icons.check_icon_name("bi-calendar-check") == "bi-calendar-check"
    with pytest.raises(ValueError) as raised:
        icons.check_icon_name("bi-calender")
    assert str(raised.value) == (
        "'bi-calender' is not a Bootstrap Icons name. Did you mean 'bi-calendar'? See https://icons.getbootstrap.com/"
    )
    with pytest.raises(ValueError) as raised:
        icons.check_icon_name("bi-zzzzzzzzzzzz")
    assert (
        str(raised.value)
        == "'bi-zzzzzzzzzzzz' is not a Bootstrap Icons name. See https://icons.getbootstrap.com/"
    )


def test_icon_name_field_rejects_unknown_icons() -> None:
    SidebarItem(label="Inbox", url="/inbox/", icon="bi-inbox")
    SidebarItem(label="Text only", url="/inbox/")
    with pytest.raises(ImproperlyConfigured) as raised:
        SidebarItem(label="Inbox", url="/inbox/", icon="bi-inbx")
    assert "'bi-inbx' is not a Bootstrap Icons name. Did you mean 'bi-inbox'?" in str(raised.value)
    with pytest.raises(ImproperlyConfigured) as raised:
        SidebarItem(label="Inbox", url="/inbox/", icon="fa-inbox")
    assert "an icon is a Bootstrap Icons class such as 'bi-calendar'" in str(raised.value)


def test_registry_icons_come_from_every_declaration(registry_state: CabinetRegistry) -> None:  # noqa: F811
    registry_state.clear()
    configure_space("staff", label="Acme", icon="bi-lightning-charge")
    declare(
        module="booking",
        space="staff",
        topbar=TopbarEntry(group="services", label="Booking", icon="bi-calendar3", url="/b/"),
        sidebar=[
            SidebarItem(label="Rooms", url="/b/rooms/", icon="bi-door-open"),
            SidebarItem(label="X", url="/x/"),
        ],
        shortcuts=[Shortcut(label="New", url="/b/new/", icon="bi-plus-circle")],
    )
    with pytest.warns(DeprecationWarning):
        declare(module="legacy", section=CabinetSection(label="Old", icon="bi-archive"))
    assert {"lightning-charge", "calendar3", "door-open", "plus-circle", "archive"} <= icons.registry_icons()
    assert "" not in icons.registry_icons()


def test_extra_icons_are_registry_and_setting_minus_the_bundle(registry_state: CabinetRegistry) -> None:  # noqa: F811
    registry_state.clear()
    declare(module="m", space="staff", sidebar=[SidebarItem(label="Rooms", url="/r/", icon="bi-door-open")])
    with override_settings(
        CODEX_CABINET={"ICONS": ["bi-archive", "piggy-bank", "bi-x-lg", "bi-not-an-icon-at-all"]}
    ):
        names = icons.extra_icons()
    assert names == {"door-open", "archive", "piggy-bank"} - icons.library_icons()
    assert "x-lg" in icons.library_icons()  # already in the bundle, so not served again
    with override_settings(CODEX_CABINET={"ICONS": "all"}):
        assert icons.extra_icons() is None
        css, _digest = icons.icons_stylesheet()
    assert css.count("::before") == len(icons.icon_codepoints())
    registry_state.clear()
    assert icons.extra_icons() == frozenset()
    assert icons.icons_stylesheet_href() == ""  # nothing beyond the bundle: no second stylesheet


def test_registry_icons_follow_each_change_and_are_walked_once_per_change(
    registry_state: CabinetRegistry,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry_state.clear()
    walks: list[int] = []
    snapshot = registry_state.snapshot
    monkeypatch.setattr(registry_state, "snapshot", lambda: walks.append(1) or snapshot())
    declare(module="m", space="staff", sidebar=[SidebarItem(label="Rooms", url="/r/", icon="bi-door-open")])
    assert "door-open" in icons.registry_icons()
    assert "door-open" in icons.registry_icons()
    assert len(walks) == 1  # the second page's {% cabinet_css %} reuses the first walk
    declare(module="n", space="staff", sidebar=[SidebarItem(label="Vault", url="/v/", icon="bi-safe")])
    assert {"door-open", "safe"} <= icons.registry_icons()
    registry_state.unregister("staff", "m")
    assert "door-open" not in icons.registry_icons()
    configure_space("client", label="Acme", icon="bi-lightning-charge")
    assert "lightning-charge" in icons.registry_icons()


def test_stylesheet_has_one_rule_per_icon_and_a_digest_of_its_css(registry_state: CabinetRegistry) -> None:  # noqa: F811
    registry_state.clear()
    with override_settings(CODEX_CABINET={"ICONS": ["bi-piggy-bank", "bi-alarm", "bi-door-open"]}):
        css, digest = icons.icons_stylesheet()
    assert css == (
        '.bi-alarm::before{content:"\\f102"}\n'
        '.bi-door-open::before{content:"\\f308"}\n'
        '.bi-piggy-bank::before{content:"\\f64a"}\n'
    )
    assert icons.known_icons_stylesheet(digest) == css
    with override_settings(CODEX_CABINET={"ICONS": ["bi-alarm"]}):
        _css, other = icons.icons_stylesheet()
    assert other != digest


@pytest.mark.parametrize(
    ("value", "ok"),
    [([], True), (["bi-archive"], True), (("archive",), True), ("all", True), ("some", False), ([1], False)],
)
def test_icons_setting_is_checked(value: object, ok: bool) -> None:
    with override_settings(CODEX_CABINET={"ICONS": value}):
        errors = [error for error in check_settings() if "ICONS" in error.msg]
    if ok:
        assert errors == []
    else:
        assert [error.id for error in errors] == ["cabinet.E007"]
        assert errors[0].hint == 'Set it to a list of Bootstrap Icons names such as ["bi-archive"], or "all".'


def render_kpi(icon: str) -> str:
    from django.template import engines

    from codex_django.cabinet.types.widgets import MetricWidgetData

    metric = MetricWidgetData(label="Revenue", value="1,200", icon=icon)
    return engines["django"].from_string('{% component "kpi" metric=metric / %}').render({"metric": metric})


def test_an_icon_no_stylesheet_has_is_logged_once_naming_it_and_the_setting(
    registry_state: CabinetRegistry,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(icons, "_WARNED", set())
    assert "alarm" not in icons.library_icons()
    with (
        override_settings(DEBUG=True, CODEX_CABINET={"ICONS": []}),
        caplog.at_level("WARNING", logger="codex_django.cabinet"),
    ):
        html = render_kpi("bi-alarm")
        render_kpi("bi-alarm")
        render_kpi("bi-people")  # the library's own stories name it: in the bundle
    assert 'class="bi bi-alarm' in html
    warnings = [record.getMessage() for record in caplog.records if "bi-" in record.getMessage()]
    assert warnings == [
        "Icon 'bi-alarm' (rendered by kpi) has no CSS rule on cabinet pages, so it shows nothing. "
        'Add it to the settings: CODEX_CABINET["ICONS"] = [..., "bi-alarm"] '
        '(or "all" for every icon, 13.5 KB gzipped more per page).'
    ]


def test_without_debug_rendering_does_not_look_for_icons(
    registry_state: CabinetRegistry,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk of a payload for icons is a development hint: with DEBUG off it costs renders nothing."""
    monkeypatch.setattr(icons, "_WARNED", set())
    walked: list[object] = []
    monkeypatch.setattr(
        icons, "_icon_values", lambda value, *args, **kwargs: walked.append(value) or iter(())
    )
    with (
        override_settings(DEBUG=False, CODEX_CABINET={"ICONS": []}),
        caplog.at_level("WARNING", logger="codex_django.cabinet"),
    ):
        html = render_kpi("bi-alarm")
    assert 'class="bi bi-alarm' in html
    assert walked == []
    assert [record for record in caplog.records if "bi-alarm" in record.getMessage()] == []


@pytest.mark.parametrize("setting", [["bi-alarm"], "all"])
def test_an_icon_the_setting_lists_is_not_logged(
    setting: object,
    registry_state: CabinetRegistry,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(icons, "_WARNED", set())
    with (
        override_settings(DEBUG=True, CODEX_CABINET={"ICONS": setting}),
        caplog.at_level("WARNING", logger="codex_django.cabinet"),
    ):
        render_kpi("bi-alarm")
    assert [record for record in caplog.records if "bi-alarm" in record.getMessage()] == []


def test_the_registry_is_walked_whole_for_the_stylesheet(registry_state: CabinetRegistry) -> None:  # noqa: F811
    """The render-time warning looks at 50 items of a list; the icon stylesheet needs every declared icon."""
    names = sorted(icons.icon_codepoints())[:60]
    declare(
        module="many",
        space="staff",
        sidebar=[
            SidebarItem(label=f"Item {index}", url=f"/many/{index}/", icon=f"bi-{name}")
            for index, name in enumerate(names)
        ],
    )
    assert set(names) <= icons.registry_icons()
