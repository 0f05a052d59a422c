"""``generic_modal``: a modal's content from a :class:`ModalContentData`, section by section.

::

    {% component "generic_modal" modal=modal / %}
    <c-cabinet.generic-modal :modal="modal" />
    {% include "cabinet/components/generic_modal.html" with modal=modal %}

Views usually answer with :func:`codex_django.cabinet.http.modal_responses.render_modal`,
which renders this component for the page's modal host (or as a page).

The sections render in their order: profile header, summary (a ``<dl>``),
form fields (each labelled; help and errors tied with ``aria-describedby``,
``aria-invalid`` on fields with errors), action buttons, slot picker,
quick-create and chain preview (the ``booking_*`` components). When a
section takes input (:attr:`ModalContentData.has_form`) the content is one
``<form>`` with the CSRF token, so every POST action sends every field.

Actions: ``GET`` loads its URL in place of this content (``hx-get``),
``POST`` posts the form there (``hx-post``; the answer replaces this content,
or a ``204`` with ``HX-Trigger: close-modal`` closes the modal), ``CLOSE``
dispatches ``close-modal``. An action with ``confirm`` first opens an
in-modal question with "Yes" / "No, go back" buttons (focus moves to "Yes";
"No" returns it), instead of the browser's ``confirm()``.

Element ids start with a prefix derived from the content (``cabm-<hash>``),
so the three call syntaxes give identical HTML and two different modals on
one page do not clash.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.modal import (
    ActionSection,
    FormField,
    FormSection,
    ModalAction,
    ModalContentData,
    ProfileSection,
)


@dataclasses.dataclass(frozen=True)
class FieldView:
    """A form field with the ids and ``aria-describedby`` the template writes."""

    field: FormField
    id: str
    help_id: str
    error_id: str

    @property
    def describedby(self) -> str:
        ids = [self.help_id if self.field.help else "", self.error_id if self.field.errors else ""]
        return " ".join(item for item in ids if item)


@dataclasses.dataclass(frozen=True)
class ActionView:
    """A modal action with its resolved URL and, when it asks first, its confirm ids."""

    action: ModalAction
    href: str
    key: str
    confirm_id: str


def id_prefix(modal: ModalContentData) -> str:
    """``cabm-<8 hex>`` from the title and field names: stable across renders and call syntaxes."""
    names = [
        item.name for section in modal.sections if isinstance(section, FormSection) for item in section.fields
    ]
    digest = hashlib.blake2s(repr((str(modal.title), names)).encode(), digest_size=4).hexdigest()
    return f"cabm-{digest}"


def present(modal: ModalContentData) -> dict[str, Any]:
    """The template's values: sections paired with their field/action views, ids, the form action."""
    prefix = id_prefix(modal)
    parts: list[dict[str, Any]] = []
    form_action = ""
    for index, section in enumerate(modal.sections):
        part: dict[str, Any] = {"section": section, "kind": section.kind, "id": f"{prefix}-s{index}"}
        if isinstance(section, ProfileSection):
            part["href"] = resolve_link(section.url)
        elif isinstance(section, FormSection):
            part["fields"] = [
                FieldView(
                    field=item,
                    id=f"{prefix}-{item.name}",
                    help_id=f"{prefix}-{item.name}-help",
                    error_id=f"{prefix}-{item.name}-error",
                )
                for item in section.fields
            ]
        elif isinstance(section, ActionSection):
            views = [
                ActionView(
                    action=action,
                    href=resolve_link(action.url),
                    key=f"{index}-{number}",
                    confirm_id=f"{prefix}-confirm-{index}-{number}",
                )
                for number, action in enumerate(section.actions)
            ]
            part["actions"] = views
            part["confirms"] = [
                view for view in views if view.action.confirm and view.action.method != "CLOSE"
            ]
            if not form_action:
                form_action = next((view.href for view in views if view.action.method == "POST"), "")
        parts.append(part)
    return {"prefix": prefix, "title_id": f"{prefix}-title", "parts": parts, "form_action": form_action}


@register("generic_modal")
class GenericModal(CabinetComponent):
    """Modal content: a titled ``<section>`` (a ``<form>`` inside when a section takes input)."""

    template = template_beside(__file__, "generic_modal.html")

    class Kwargs(ComponentKwargs):
        modal: ModalContentData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(present(kwargs.modal))
        return data
