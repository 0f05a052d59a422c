"""Stories of ``modal_host``: the dialog opened on a stubbed URL, in every size, and its loading state."""

from __future__ import annotations

from codex_django.cabinet.components.generic_modal import samples
from codex_django.storybook.story import Story

STUBS = samples.RenderedStubs(
    {
        "/stories/modal/appointment/": lambda: samples.render_modal_html(samples.appointment_modal()),
        "/stories/modal/form/": lambda: samples.render_modal_html(samples.comment_form_modal(errors=True)),
        "/stories/modal/booking/": lambda: samples.render_modal_html(samples.booking_modal()),
        "/stories/modal/small/": lambda: samples.render_modal_html(samples.every_action_modal()),
        "/stories/modal/wide/": lambda: samples.render_modal_html(samples.every_field_modal(size="xl")),
    }
)

STORIES = [
    Story(
        component="modal_host",
        name="Closed",
        kwargs={},
        notes="The host as every page has it: an empty, closed `<dialog>`. Open it with "
        "`open-modal` on window or a `[data-cab-modal-url]` button (see `modal_trigger`).",
    ),
    Story(
        component="modal_host",
        name="Open: appointment",
        screenshots=("dark--desktop", "light--mobile", "dark--mobile"),
        kwargs={"open_url": "/stories/modal/appointment/", "open_size": "md"},
        htmx=STUBS,
        layout="fullscreen",
        notes="Opened on page start with `open_url`; the content comes from a stub. Focus is on the title.",
        tags=("theme",),  # represents modal_host in the example-theme screenshots
    ),
    Story(
        component="modal_host",
        name="Open: form with errors",
        kwargs={"open_url": "/stories/modal/form/", "open_size": "md"},
        htmx=STUBS,
        layout="fullscreen",
        notes="Focus goes to the first field with `aria-invalid`.",
    ),
    Story(
        component="modal_host",
        name="Open: large booking",
        screenshots=("light--mobile",),
        kwargs={"open_url": "/stories/modal/booking/", "open_size": "lg"},
        htmx=STUBS,
        layout="fullscreen",
    ),
    Story(
        component="modal_host",
        name="Open: small",
        kwargs={"open_url": "/stories/modal/small/", "open_size": "sm"},
        htmx=STUBS,
        layout="fullscreen",
    ),
    Story(
        component="modal_host",
        name="Open: extra large",
        kwargs={"open_url": "/stories/modal/wide/", "open_size": "xl"},
        htmx=STUBS,
        layout="fullscreen",
        notes="The content's own size (`ModalContentData.size`) wins once it has loaded.",
    ),
]
