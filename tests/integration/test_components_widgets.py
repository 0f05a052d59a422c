"""The widget components (kpi, table_widget, list_widget) and the shared small ones
(avatar, status_badge, empty_state, page_header): payload in, exactly this markup out.

Each test renders ``{% component %}`` through the real template engine and asserts
what a user (or a screen reader) gets: texts, classes, attributes, escaping, and
the errors a wrong call raises.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.template import engines
from django.utils.translation import gettext_lazy

from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(source: str, **context: Any) -> str:
    """Render ``source`` and return its HTML without django-components' ids and layout whitespace."""
    html = DJC_ID.sub("", engines["django"].from_string(source).render(context))
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"\s+", " ", html).strip()


def kpi(metric: Any) -> str:
    return render('{% component "kpi" metric=metric / %}', metric=metric)


# --- kpi -----------------------------------------------------------------------------------------


def test_kpi_renders_label_value_unit_icon_and_upward_trend() -> None:
    html = kpi(
        MetricWidgetData(
            label="New clients",
            value="1 420",
            unit="₽",
            trend_value="+12%",
            trend_label="this week",
            trend_direction="up",
            icon="bi-people",
        )
    )
    assert html == (
        '<figure class="cab-kpi">'
        '<figcaption class="cab-kpi__label">New clients</figcaption>'
        '<span class="cab-kpi__icon" aria-hidden="true"><i class="bi bi-people"></i></span>'
        '<p class="cab-kpi__value">1 420<span class="cab-kpi__unit">₽</span></p>'
        '<p class="cab-kpi__trend cab-kpi__trend--up">'
        '<span class="cab-kpi__delta"><i class="bi bi-arrow-up-right" aria-hidden="true"></i>'
        '<span class="visually-hidden">up</span>+12%</span>'
        '<span class="cab-kpi__trend-label">this week</span></p>'
        "</figure>"
    )


@pytest.mark.parametrize(
    ("direction", "icon", "word"),
    [
        ("up", "bi-arrow-up-right", "up"),
        ("down", "bi-arrow-down-right", "down"),
        ("neutral", "bi-dash", "no change"),
    ],
)
def test_kpi_trend_direction_is_told_in_words_not_only_colour(direction: str, icon: str, word: str) -> None:
    html = kpi(MetricWidgetData(label="Visits", value="7", trend_value="3", trend_direction=direction))
    assert f'<p class="cab-kpi__trend cab-kpi__trend--{direction}">' in html
    assert f'<i class="bi {icon}" aria-hidden="true"></i><span class="visually-hidden">{word}</span>3' in html


def test_kpi_without_trend_icon_or_unit_shows_label_and_value_only() -> None:
    assert kpi(MetricWidgetData(label="Open tickets", value="0")) == (
        '<figure class="cab-kpi"><figcaption class="cab-kpi__label">Open tickets</figcaption>'
        '<p class="cab-kpi__value">0</p></figure>'
    )


def test_kpi_trend_label_alone_still_shows_the_trend_line() -> None:
    html = kpi(MetricWidgetData(label="Visits", value="7", trend_label="since Monday"))
    assert '<span class="visually-hidden">no change</span></span>' in html
    assert '<span class="cab-kpi__trend-label">since Monday</span>' in html


def test_kpi_with_url_is_a_link_and_route_names_are_resolved() -> None:
    html = kpi(MetricWidgetData(label="Pending", value="3", url="booking:pending"))
    assert html.startswith('<figure class="cab-kpi cab-kpi--link">')
    assert '<a class="cab-kpi__link" href="/cabinet/booking/pending/">Pending</a>' in html


def test_kpi_escapes_markup_in_the_payload() -> None:
    html = kpi(MetricWidgetData(label="<script>alert(1)</script>", value="<b>4</b>", unit="&"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        '<p class="cab-kpi__value">&lt;b&gt;4&lt;/b&gt;<span class="cab-kpi__unit">&amp;</span></p>' in html
    )


def test_kpi_rejects_a_dict_instead_of_the_contract() -> None:
    with pytest.raises(TypeError, match=r"kpi: kwarg 'metric' must be MetricWidgetData, got dict"):
        kpi({"label": "New clients", "value": "142"})


def test_kpi_requires_the_metric() -> None:
    with pytest.raises(TypeError, match="metric"):
        render('{% component "kpi" / %}')


# --- table_widget ---------------------------------------------------------------------------------

PAYMENTS = TableWidgetData(
    columns=[
        TableColumn(key="client", label="Client", bold=True),
        TableColumn(key="date", label="Date", muted=True),
        TableColumn(key="visits", label="Visits", align="center"),
        TableColumn(key="amount", label="Amount", align="right"),
    ],
    rows=[
        {"amount": "3 500 ₽", "client": "Anna Smith", "date": "01.04.2026", "visits": 4, "extra": "ignored"},
        {"client": "<script>x()</script>", "date": None, "visits": 12, "amount": 1200.5},
    ],
)


def test_table_widget_renders_headers_and_cells_in_column_order() -> None:
    html = render('{% component "table_widget" table=t title="Recent payments" / %}', t=PAYMENTS)
    assert html == (
        '<section class="cab-panel cab-table-widget">'
        '<header class="cab-panel__header">'
        '<h2 class="cab-panel__title">Recent payments</h2></header>'
        '<div class="cab-table-widget__scroll"><table class="cab-table-widget__table">'
        '<caption class="visually-hidden">Recent payments</caption>'
        "<thead><tr>"
        '<th scope="col" class="text-start">Client</th>'
        '<th scope="col" class="text-start">Date</th>'
        '<th scope="col" class="text-center">Visits</th>'
        '<th scope="col" class="text-end">Amount</th>'
        "</tr></thead><tbody>"
        '<tr><td class="text-start cab-table-widget__cell--bold">Anna Smith</td>'
        '<td class="text-start cab-table-widget__cell--muted">01.04.2026</td>'
        '<td class="text-center">4</td><td class="text-end">3 500 ₽</td></tr>'
        '<tr><td class="text-start cab-table-widget__cell--bold">&lt;script&gt;x()&lt;/script&gt;</td>'
        '<td class="text-start cab-table-widget__cell--muted"></td>'
        '<td class="text-center">12</td><td class="text-end">1,200.5</td></tr>'
        "</tbody></table></div></section>"
    )


def test_table_widget_without_title_has_no_header_or_caption() -> None:
    html = render('{% component "table_widget" table=t / %}', t=PAYMENTS)
    assert "<caption" not in html
    assert "<h2" not in html
    assert html.startswith(
        '<section class="cab-panel cab-table-widget"><div class="cab-table-widget__scroll">'
    )


def test_table_widget_with_bold_and_muted_column() -> None:
    table = TableWidgetData(
        columns=[TableColumn(key="n", label="N", bold=True, muted=True, align="right")], rows=[{"n": "1"}]
    )
    html = render('{% component "table_widget" table=t / %}', t=table)
    assert '<td class="text-end cab-table-widget__cell--bold cab-table-widget__cell--muted">1</td>' in html


def test_table_widget_without_rows_shows_the_empty_state() -> None:
    empty = TableWidgetData(columns=PAYMENTS.columns, rows=[])
    html = render('{% component "table_widget" table=t title="Payments" / %}', t=empty)
    assert "<table" not in html
    assert '<p class="cab-empty-state__message">Nothing to show yet.</p>' in html
    custom = render('{% component "table_widget" table=t empty_message="No payments today." / %}', t=empty)
    assert '<p class="cab-empty-state__message">No payments today.</p>' in custom


def test_table_widget_rejects_a_list_of_rows() -> None:
    with pytest.raises(TypeError, match=r"table_widget: kwarg 'table' must be TableWidgetData, got list"):
        render('{% component "table_widget" table=t / %}', t=[{"a": 1}])


# --- list_widget ----------------------------------------------------------------------------------

CLIENTS = ListWidgetData(
    title="Top clients",
    subtitle="This month",
    icon="bi-trophy",
    items=[
        ListItem(label="Иван Петров", value="12 000 ₽", avatar="ИП", sublabel="Regular"),
        ListItem(label="Anna Smith", value="8 500 ₽", avatar="/media/anna.png", subvalue="3 visits"),
        ListItem(label="<b>No avatar</b>", value="1"),
    ],
)


def test_list_widget_renders_title_and_items_as_a_list() -> None:
    html = render('{% component "list_widget" list=l / %}', l=CLIENTS)
    assert html == (
        '<section class="cab-panel cab-list-widget"><header class="cab-panel__header cab-list-widget__header">'
        '<span class="cab-list-widget__icon" aria-hidden="true"><i class="bi bi-trophy"></i></span>'
        '<div class="cab-list-widget__heading"><h2 class="cab-panel__title">Top clients</h2>'
        '<p class="cab-list-widget__subtitle">This month</p></div></header>'
        '<ul class="cab-list-widget__items">'
        '<li class="cab-list-widget__item">'
        '<span class="cab-avatar cab-avatar--md cab-avatar--tone-5" aria-hidden="true">ИП</span>'
        '<div class="cab-list-widget__main"><span class="cab-list-widget__label">Иван Петров</span>'
        '<span class="cab-list-widget__sublabel">Regular</span></div>'
        '<div class="cab-list-widget__values"><span class="cab-list-widget__value">12 000 ₽</span></div></li>'
        '<li class="cab-list-widget__item">'
        '<img class="cab-avatar cab-avatar--md" src="/media/anna.png" width="32" height="32" alt="" '
        'loading="lazy" decoding="async"/>'
        '<div class="cab-list-widget__main"><span class="cab-list-widget__label">Anna Smith</span></div>'
        '<div class="cab-list-widget__values"><span class="cab-list-widget__value">8 500 ₽</span>'
        '<span class="cab-list-widget__subvalue">3 visits</span></div></li>'
        '<li class="cab-list-widget__item">'
        '<div class="cab-list-widget__main">'
        '<span class="cab-list-widget__label">&lt;b&gt;No avatar&lt;/b&gt;</span></div>'
        '<div class="cab-list-widget__values"><span class="cab-list-widget__value">1</span></div></li>'
        "</ul></section>"
    )


def test_list_widget_without_title_starts_with_the_list() -> None:
    html = render('{% component "list_widget" list=l / %}', l=ListWidgetData(items=CLIENTS.items[:1]))
    assert html.startswith(
        '<section class="cab-panel cab-list-widget"><ul class="cab-list-widget__items"><li '
    )
    assert html.count("<li ") == 1


def test_list_widget_without_items_shows_the_empty_state() -> None:
    html = render('{% component "list_widget" list=l / %}', l=ListWidgetData(title="Top clients", items=[]))
    assert "<ul" not in html
    assert '<h2 class="cab-panel__title">Top clients</h2>' in html
    assert '<i class="bi bi-list-ul"></i>' in html
    assert '<p class="cab-empty-state__message">Nothing to show yet.</p>' in html


def test_list_widget_rejects_a_plain_list() -> None:
    with pytest.raises(TypeError, match=r"list_widget: kwarg 'list' must be ListWidgetData, got list"):
        render('{% component "list_widget" list=l / %}', l=CLIENTS.items)


# --- avatar ---------------------------------------------------------------------------------------


def test_avatar_initials_are_named_for_screen_readers() -> None:
    assert render('{% component "avatar" avatar="ИП" name="Иван Петров" / %}') == (
        '<span class="cab-avatar cab-avatar--md cab-avatar--tone-5" role="img" '
        'aria-label="Иван Петров">ИП</span>'
    )


def test_avatar_derives_initials_from_the_name() -> None:
    assert render('{% component "avatar" name="anna maria smith" size="sm" / %}') == (
        '<span class="cab-avatar cab-avatar--sm cab-avatar--tone-1" role="img" aria-label="anna maria smith">'
        "AM</span>"
    )


def test_avatar_initials_without_a_name_are_read_as_text() -> None:
    assert render('{% component "avatar" avatar="AS" / %}') == (
        '<span class="cab-avatar cab-avatar--md cab-avatar--tone-4">AS</span>'
    )


@pytest.mark.parametrize(("size", "pixels"), [("sm", 24), ("md", 32), ("lg", 48)])
def test_avatar_image_has_alt_text_and_size(size: str, pixels: int) -> None:
    html = render('{% component "avatar" avatar="/media/a.png" name="Anna <Smith>" size=size / %}', size=size)
    assert html == (
        f'<img class="cab-avatar cab-avatar--{size}" src="/media/a.png" width="{pixels}" height="{pixels}" '
        'alt="Anna &lt;Smith&gt;" loading="lazy" decoding="async"/>'
    )


def test_decorative_avatar_is_hidden_from_screen_readers() -> None:
    assert 'alt=""' in render('{% component "avatar" avatar="/a.png" name="Ann" decorative=True / %}')
    assert render('{% component "avatar" avatar="AS" name="Ann" decorative=True / %}') == (
        '<span class="cab-avatar cab-avatar--md cab-avatar--tone-3" aria-hidden="true">AS</span>'
    )


def test_avatar_rejects_unknown_sizes_and_unsafe_urls() -> None:
    with pytest.raises(
        ValueError, match=r"avatar: kwarg 'size' must be one of 'sm' \| 'md' \| 'lg', got 'xl'"
    ):
        render('{% component "avatar" avatar="AS" size="xl" / %}')
    with pytest.raises(
        ValueError, match=r"avatar: kwarg 'avatar': the URL scheme 'javascript' is not allowed"
    ):
        render('{% component "avatar" avatar="javascript:alert(1)" / %}')


# --- status_badge ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style", ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]
)
def test_status_badge_always_shows_its_text(style: str) -> None:
    html = render('{% component "status_badge" text="Paid" style=style / %}', style=style)
    assert html == (
        f'<span class="cab-status-badge cab-status-badge--{style}">'
        '<span class="cab-status-badge__dot" aria-hidden="true"></span>Paid</span>'
    )


def test_status_badge_defaults_to_secondary_and_takes_an_icon() -> None:
    assert render('{% component "status_badge" text="<i>Draft</i>" icon="bi-pencil" / %}') == (
        '<span class="cab-status-badge cab-status-badge--secondary">'
        '<i class="bi bi-pencil" aria-hidden="true"></i>&lt;i&gt;Draft&lt;/i&gt;</span>'
    )


def test_status_badge_refuses_colour_alone_and_unknown_colours() -> None:
    with pytest.raises(ValueError, match=r"status_badge: kwarg 'text' may not be empty"):
        render('{% component "status_badge" text=" " style="danger" / %}')
    with pytest.raises(ValueError, match=r"status_badge: kwarg 'style' must be one of 'primary' \|"):
        render('{% component "status_badge" text="Paid" style="#ff0000" / %}')
    with pytest.raises(ValueError, match=r"status_badge: kwarg 'icon': an icon is a Bootstrap Icons class"):
        render('{% component "status_badge" text="Paid" icon="fa-check" / %}')
    with pytest.raises(TypeError, match=r"status_badge: kwarg 'text' must be str, got int"):
        render('{% component "status_badge" text=3 / %}')


def test_status_badge_takes_lazy_translations_and_refuses_unknown_kwargs() -> None:
    html = render('{% component "status_badge" text=word / %}', word=gettext_lazy("Paid"))
    assert html.endswith('aria-hidden="true"></span>Paid</span>')
    # `style`, as on ProfileBadge, TableAction and ModalAction; the earlier `colour` is refused.
    for name in ("color", "colour"):
        with pytest.raises(TypeError, match=f"unexpected keyword argument '{name}'"):
            render(f'{{% component "status_badge" text="Paid" {name}="success" / %}}')


# --- empty_state ----------------------------------------------------------------------------------


def test_empty_state_with_title_and_action() -> None:
    html = render(
        '{% component "empty_state" title="No bookings" message="Create the first one." '
        'icon="bi-calendar-x" action_label="New booking" action_url="booking:new" / %}'
    )
    assert html == (
        '<div class="cab-empty-state">'
        '<span class="cab-empty-state__icon" aria-hidden="true"><i class="bi bi-calendar-x"></i></span>'
        '<p class="cab-empty-state__title">No bookings</p>'
        '<p class="cab-empty-state__message">Create the first one.</p>'
        '<a class="btn btn-sm btn-primary cab-empty-state__action" href="/cabinet/booking/new/">'
        "New booking</a></div>"
    )


def test_empty_state_message_only() -> None:
    assert render('{% component "empty_state" message="Nothing here." icon="" / %}') == (
        '<div class="cab-empty-state"><p class="cab-empty-state__message">Nothing here.</p></div>'
    )


def test_empty_state_needs_label_and_url_together_and_safe_urls() -> None:
    with pytest.raises(
        ValueError, match=r"empty_state: give both 'action_label' and 'action_url' or neither"
    ):
        render('{% component "empty_state" message="x" action_label="Go" / %}')
    with pytest.raises(ValueError, match=r"empty_state: kwarg 'action_url': the URL scheme 'javascript'"):
        render('{% component "empty_state" message="x" action_label="Go" action_url="javascript:go()" / %}')


# --- page_header ----------------------------------------------------------------------------------


def test_page_header_with_breadcrumbs_and_subtitle() -> None:
    html = render(
        '{% component "page_header" title="Booking 42" subtitle="Tuesday" icon="bi-calendar" '
        "breadcrumbs=crumbs / %}",
        crumbs=[("Cabinet", "/cabinet/"), ("Bookings", "booking:schedule"), ("Booking 42", "")],
    )
    assert html == (
        '<header class="cab-page-header">'
        '<nav class="cab-page-header__breadcrumbs" aria-label="Breadcrumb"><ol class="breadcrumb">'
        '<li class="breadcrumb-item"><a href="/cabinet/">Cabinet</a></li>'
        '<li class="breadcrumb-item"><a href="/cabinet/booking/">Bookings</a></li>'
        '<li class="breadcrumb-item active" aria-current="page">Booking 42</li>'
        "</ol></nav>"
        '<div class="cab-page-header__row"><div class="cab-page-header__text">'
        '<h1 class="cab-page-header__title"><i class="bi bi-calendar" aria-hidden="true"></i>Booking 42</h1>'
        '<p class="cab-page-header__subtitle">Tuesday</p></div></div></header>'
    )


def test_page_header_actions_slot() -> None:
    html = render(
        '{% component "page_header" title="Clients" %}{% fill "actions" %}'
        '<a class="btn btn-primary" href="/new/">New client</a>{% endfill %}{% endcomponent %}'
    )
    assert html == (
        '<header class="cab-page-header"><div class="cab-page-header__row">'
        '<div class="cab-page-header__text"><h1 class="cab-page-header__title">Clients</h1></div>'
        '<div class="cab-page-header__actions"><a class="btn btn-primary" href="/new/">New client</a></div>'
        "</div></header>"
    )


def test_page_header_rejects_malformed_breadcrumbs() -> None:
    with pytest.raises(
        TypeError, match=r"page_header: breadcrumbs\[0\] must be a \(label, url\) pair, got str"
    ):
        render('{% component "page_header" title="x" breadcrumbs=crumbs / %}', crumbs=["Cabinet"])
    with pytest.raises(ValueError, match=r"page_header: breadcrumbs\[0\]: the URL scheme 'javascript'"):
        render('{% component "page_header" title="x" breadcrumbs=crumbs / %}', crumbs=[("x", "javascript:x")])
