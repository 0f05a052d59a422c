"""Stories of the ``split_panel`` component: nothing selected, an active item, empty, many, long text.

The detail URLs are answered by the storybook's HTMX stubs (``htmx=``), so a
click loads a detail and pushes its URL exactly as on a real page.
"""

from __future__ import annotations

from django.utils.html import escape

from codex_django.cabinet.types.collections import ListRow, SplitPanelData
from codex_django.storybook.story import Story

BASE = "/cabinet/conversations"
CONVERSATIONS = (
    ("42", "Rescheduling Friday's visit", "Anna Smith: Could we move it to 15:00?", "01.04", "AS"),
    ("43", "Question about colouring", "Boris Kim: How long does it take?", "31.03", "BK"),
    ("44", "Gift certificate", "Chen Li: Is it valid for massage too?", "30.03", "CL"),
    ("45", "Feedback", "Dmitri Volkov: Thank you, everything was great.", "28.03", ""),
)


def detail_html(title: str, body: str) -> str:
    """What the detail endpoint answers: a heading (focus moves there) and the messages."""
    return (
        f'<article class="cab-sb-detail"><h2>{escape(title)}</h2>'
        f"<p>{escape(body)}</p><p>Conversation details load here over HTMX.</p></article>"
    )


def rows() -> list[ListRow]:
    return [
        ListRow(id=pk, primary=subject, secondary=last, meta=date, avatar=initials)
        for pk, subject, last, date, initials in CONVERSATIONS
    ]


def stubs() -> dict[str, str]:
    return {f"{BASE}/{pk}": detail_html(subject, last) for pk, subject, last, _date, _avatar in CONVERSATIONS}


def many_items() -> SplitPanelData:
    items = [
        ListRow(
            id=str(100 + index),
            primary=f"Conversation {index + 1}",
            secondary=f"Client {index + 1}: the last message of this conversation",
            meta=f"{1 + index % 28:02d}.03",
        )
        for index in range(40)
    ]
    return SplitPanelData(items=items, detail_url=BASE, empty_message="Select a conversation")


STORIES = [
    Story(
        component="split_panel",
        name="Typical",
        kwargs=lambda: {
            "panel": SplitPanelData(items=rows(), detail_url=BASE, empty_message="Select a conversation")
        },
        htmx=stubs(),
        notes=(
            "Nothing selected: the detail shows empty_message. Clicking an item loads <detail_url>/<id> over "
            "HTMX, pushes the URL, marks the item aria-current and focuses the detail's heading."
        ),
    ),
    Story(
        component="split_panel",
        name="Active item",
        screenshots=("light--mobile",),
        kwargs=lambda: {"panel": SplitPanelData(items=rows(), active_id="43", detail_url=BASE)},
        htmx=stubs(),
        notes=(
            "active_id set: on a page the view fills the 'detail' slot server-side; without the slot "
            "(as here) the component loads the active detail once the page has loaded. Below 768px the "
            "detail shows with a 'Back to list' control."
        ),
    ),
    Story(
        component="split_panel",
        name="Item URLs",
        kwargs=lambda: {
            "panel": SplitPanelData(
                items=[
                    ListRow(
                        id="1",
                        primary="Own detail URL",
                        secondary="No detail_url: the row's url",
                        url="/d/1/",
                    ),
                    ListRow(id="2", primary="Without a URL", secondary="Not selectable"),
                ]
            )
        },
        htmx={"/d/1/": detail_html("Own detail URL", "Loaded from the row's url.")},
    ),
    Story(
        component="split_panel",
        name="Empty",
        kwargs=lambda: {"panel": SplitPanelData(items=[], detail_url=BASE)},
        notes="No items: the list shows an empty state, the detail its empty_message.",
    ),
    Story(component="split_panel", name="Many items", kwargs=lambda: {"panel": many_items()}),
    Story(
        component="split_panel",
        name="Long text",
        kwargs=lambda: {
            "panel": SplitPanelData(
                items=[
                    ListRow(
                        id="1",
                        primary="Maximilian Alexander von Hohenberg-Wittelsbach-Sachsen-Coburg und Gotha",
                        secondary=(
                            "I would like to move my appointment from Friday to the following Tuesday, "
                            "preferably in the evening after work, if the same master is available then"
                        ),
                        meta="Yesterday, 18:45",
                        avatar="MH",
                    ),
                    ListRow(id="2", primary="Short", secondary="Ok", meta="01.04"),
                ],
                detail_url=BASE,
                empty_message=(
                    "Select a conversation on the left to read the whole history of messages with this client"
                ),
            )
        },
        htmx={
            f"{BASE}/1": detail_html("Maximilian Alexander von Hohenberg-Wittelsbach", "A long message."),
            f"{BASE}/2": detail_html("Short", "Ok"),
        },
    ),
    Story(
        component="split_panel",
        name="Non-Latin text",
        kwargs=lambda: {
            "panel": SplitPanelData(
                items=[
                    ListRow(
                        id="1",
                        primary="Перенос записи",
                        secondary="Анна: Можно на 15:00?",
                        meta="01.04",
                        avatar="АС",
                    ),
                    ListRow(
                        id="2", primary="关于染发的问题", secondary="王小明：需要多长时间？", meta="31.03"
                    ),
                    ListRow(
                        id="3", primary="شهادة هدية", secondary="محمد: هل هي صالحة للتدليك؟", meta="30.03"
                    ),
                ],
                active_id="1",
                detail_url=BASE,
                empty_message="Выберите переписку",
            )
        },
        htmx={
            f"{BASE}/1": detail_html("Перенос записи", "Анна: Можно на 15:00?"),
            f"{BASE}/2": detail_html("关于染发的问题", "王小明：需要多长时间？"),
            f"{BASE}/3": detail_html("شهادة هدية", "محمد: هل هي صالحة للتدليك؟"),
        },
    ),
]
