"""Data contracts for the generic modal: a title and a list of sections.

One section hierarchy: :class:`ModalSection` is the base and every concrete
section sets ``kind`` to its own literal (``"profile"``, ``"summary"``,
``"form"``, ``"actions"``, ``"slot_picker"``, ``"quick_create"``,
``"chain_preview"``). :attr:`ModalContentData.sections` is a union
discriminated by ``kind``, so a payload from :func:`to_payload` comes back as
the same section classes through :func:`from_payload` (cache, storybook)::

    ModalContentData(
        title="Запись #42",
        sections=[
            ProfileSection(name="Иван Петров", subtitle="+7 999 123-45-67", avatar="ИП"),
            SummarySection(items=[KeyValueItem("Услуга", "Стрижка"), KeyValueItem("Время", "09:00")]),
            ActionSection(actions=[
                ModalAction("Подтвердить", url="/booking/42/confirm/", method="POST"),
                ModalAction("Закрыть", method="CLOSE", style="btn-secondary"),
            ]),
        ],
    )

The API reference documents these types under
``codex_django.cabinet.types.components``; they are re-exported there.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from .booking_modal import BookingChainPreviewData, BookingQuickCreateData, BookingSlotPickerData
from .contract import contract
from .fields import IconName, SafeUrl, Text
from .widgets import Avatar, BadgeStyle, avatar_is_image, check_unique, initials_for

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = [
    "ActionSection",
    "ChainPreviewSection",
    "FormField",
    "FormSection",
    "KeyValueItem",
    "ModalAction",
    "ModalContentData",
    "ModalSection",
    "ProfileBadge",
    "ProfileSection",
    "QuickCreateSection",
    "SlotPickerSection",
    "SummarySection",
]

FieldType = Literal[
    "text",
    "textarea",
    "select",
    "email",
    "tel",
    "number",
    "date",
    "time",
    "datetime-local",
    "password",
    "url",
    "search",
    "checkbox",
    "hidden",
]
ButtonStyle = Literal[
    "btn-primary",
    "btn-secondary",
    "btn-success",
    "btn-danger",
    "btn-warning",
    "btn-outline-primary",
    "btn-outline-secondary",
    "btn-outline-danger",
    "btn-link",
]
ModalSize = Literal["sm", "md", "lg", "xl"]
FIELD_NAME = r"^[A-Za-z_][\w.-]*$"
UNCHECKED = ("", "0", "false", "off")


@contract
class ModalSection:
    """Base class for modal sections; ``kind`` says which one (and which template part renders it).

    ``kind`` is keyword-only, so each section's own fields stay positional.
    Build the concrete sections below; the base is not renderable.
    """

    kind: str = dataclasses.field(default="base", kw_only=True)


@contract
class ProfileBadge:
    """A small badge in a profile header (``"VIP"``, ``"Новый"``).

    Attributes:
        label: Badge text.
        style: Bootstrap colour name of the badge. Defaults to ``"secondary"``.
    """

    label: Text
    style: BadgeStyle = "secondary"


@contract
class ProfileSection(ModalSection):
    """Client/Staff profile header in a modal.

    Attributes:
        name: Person's name (the header's main line).
        subtitle: Secondary line (phone, role). Defaults to ``""``.
        avatar: Avatar image URL or 1-3 initials. Defaults to ``""``
            (initials are derived from ``name``, see :attr:`initials`).
        badges: :class:`ProfileBadge` instances after the name. Defaults to none.
        url: Link to the full profile page. Defaults to ``""`` (no link).

    Derived: :attr:`avatar_is_image`, :attr:`initials`.
    """

    name: Text
    subtitle: Text = ""
    avatar: Avatar = ""
    badges: list[ProfileBadge] = dataclasses.field(default_factory=list)
    url: SafeUrl = ""
    kind: Literal["profile"] = dataclasses.field(default="profile", kw_only=True)

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL, False for initials or none."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`name`)."""
        return initials_for(self.avatar, self.name)


@contract
class KeyValueItem:
    """One label/value pair of a :class:`SummarySection` (``"Услуга"`` / ``"Стрижка"``)."""

    label: Text
    value: Text


@contract
class SummarySection(ModalSection):
    """Grid of key-value pairs (e.g. appointment details).

    Attributes:
        items: :class:`KeyValueItem` pairs in display order. Defaults to none.
        title: Optional section heading. Defaults to ``""``.
    """

    items: list[KeyValueItem] = dataclasses.field(default_factory=list)
    title: Text = ""
    kind: Literal["summary"] = dataclasses.field(default="summary", kw_only=True)


@contract
class FormField:
    """One input of a :class:`FormSection`.

    Attributes:
        name: The submitted field name (``"comment"``, ``"client.phone"``).
        label: Visible label (every control is labelled; hidden inputs too,
            for the payload's readability).
        type: ``"text"`` (default), ``"textarea"``, ``"select"``,
            ``"checkbox"``, ``"hidden"`` or an HTML input type (``"email"``,
            ``"tel"``, ``"number"``, ``"date"``, ``"time"``,
            ``"datetime-local"``, ``"password"``, ``"url"``, ``"search"``).
        value: Initial value as a string. For a checkbox any value except
            ``""``, ``"0"``, ``"false"``, ``"off"`` means checked.
        required: Mark the field required. Defaults to ``False``.
        errors: Error messages shown under the field (from a bound form).
        options: ``(value, label)`` pairs; required for ``"select"`` and only
            allowed there.
        help: Help text under the field. Defaults to ``""``.
        placeholder: Placeholder text. Defaults to ``""``.

    Derived: :attr:`checked`.
    """

    name: Annotated[str, Field(pattern=FIELD_NAME)]
    label: Text
    type: FieldType = "text"
    value: str = ""
    required: bool = False
    errors: list[Text] = dataclasses.field(default_factory=list)
    options: list[tuple[str, Text]] = dataclasses.field(default_factory=list)
    help: Text = ""
    placeholder: Text = ""

    @field_validator("options")
    @classmethod
    def _unique_options(cls, options: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        check_unique([value for value, _label in options], "option value")
        return options

    @model_validator(mode="after")
    def _options_for_select(self) -> FormField:
        if self.type == "select" and not self.options:
            raise ValueError(f"options: the select field {self.name!r} needs options: [(value, label), ...]")
        if self.type != "select" and self.options:
            raise ValueError(
                f"options: only select fields take options (field {self.name!r} has type {self.type!r})"
            )
        return self

    @property
    def checked(self) -> bool:
        """For checkboxes: whether :attr:`value` means checked."""
        return self.value.lower() not in UNCHECKED


@contract
class FormSection(ModalSection):
    """Input fields group. The modal wraps all its form sections in one ``<form>``.

    Attributes:
        fields: :class:`FormField` instances (unique names). Defaults to none.
        title: Optional section heading (a ``<legend>``). Defaults to ``""``.
    """

    fields: list[FormField] = dataclasses.field(default_factory=list)
    title: Text = ""
    kind: Literal["form"] = dataclasses.field(default="form", kw_only=True)

    @field_validator("fields")
    @classmethod
    def _unique_names(cls, fields: list[FormField]) -> list[FormField]:
        check_unique([item.name for item in fields], "field name")
        return fields


@contract
class ModalAction:
    """A button in the modal footer or an action group.

    Attributes:
        label: Button text.
        url: Target URL: loaded into the modal for ``GET``, posted to (with
            the modal's form fields and the CSRF header) for ``POST``; must be
            empty for ``CLOSE``.
        method: ``"GET"`` (default), ``"POST"`` or ``"CLOSE"`` (closes the modal).
        style: Bootstrap button class (``"btn-primary"`` default,
            ``"btn-secondary"``, ``"btn-danger"``, ``"btn-outline-secondary"``, ...).
        icon: Bootstrap Icons class before the label. Defaults to ``""``.
        confirm: Question asked before the request, e.g. ``"Отменить запись?"``:
            ``generic_modal`` shows it inside the modal with "Yes" / "No, go
            back" buttons (not the browser's ``confirm()``). Defaults to ``""``
            (no question).
    """

    label: Text
    url: SafeUrl = ""
    method: Literal["GET", "POST", "CLOSE"] = "GET"
    style: ButtonStyle = "btn-primary"
    icon: IconName = ""
    confirm: Text = ""

    @model_validator(mode="after")
    def _url_matches_method(self) -> ModalAction:
        if self.method == "CLOSE" and self.url:
            raise ValueError(f"url: a CLOSE action takes no url (got {self.url!r}); use GET to load a page")
        if self.method != "CLOSE" and not self.url:
            raise ValueError(
                f"url: the {self.method} action {str(self.label)!r} needs a url (or method='CLOSE')"
            )
        return self


@contract
class ActionSection(ModalSection):
    """Group of action buttons (usually the modal footer).

    Attributes:
        actions: :class:`ModalAction` buttons in order. Defaults to none.
    """

    actions: list[ModalAction] = dataclasses.field(default_factory=list)
    kind: Literal["actions"] = dataclasses.field(default="actions", kw_only=True)


@contract
class SlotPickerSection(ModalSection):
    """Booking-native date navigator and slot picker for modal workflows.

    Attributes:
        data: The :class:`~codex_django.cabinet.types.booking.BookingSlotPickerData` to render.
    """

    data: BookingSlotPickerData
    kind: Literal["slot_picker"] = dataclasses.field(default="slot_picker", kw_only=True)


@contract
class QuickCreateSection(ModalSection):
    """Booking quick-create block for creating one appointment from a calendar slot.

    Attributes:
        data: The :class:`~codex_django.cabinet.types.booking.BookingQuickCreateData` to render.
    """

    data: BookingQuickCreateData
    kind: Literal["quick_create"] = dataclasses.field(default="quick_create", kw_only=True)


@contract
class ChainPreviewSection(ModalSection):
    """Booking chain preview block used by richer booking builders and modals.

    Attributes:
        data: The :class:`~codex_django.cabinet.types.booking.BookingChainPreviewData`
            to render. Defaults to an empty preview.
    """

    data: BookingChainPreviewData = dataclasses.field(default_factory=BookingChainPreviewData)
    kind: Literal["chain_preview"] = dataclasses.field(default="chain_preview", kw_only=True)


# Every renderable section, told apart by ``kind``.
AnySection = Annotated[
    ProfileSection
    | SummarySection
    | FormSection
    | ActionSection
    | SlotPickerSection
    | QuickCreateSection
    | ChainPreviewSection,
    Field(discriminator="kind"),
]
FORM_KINDS = ("form", "quick_create", "slot_picker")


@contract
class ModalContentData:
    """Payload for the ``generic_modal`` component (variable ``modal``).

    Assembles a modal window from sections, rendered in order.

    Attributes:
        title: Modal title (also its accessible name).
        sections: Sections in display order; any of :class:`ProfileSection`,
            :class:`SummarySection`, :class:`FormSection`,
            :class:`ActionSection`, :class:`SlotPickerSection`,
            :class:`QuickCreateSection`, :class:`ChainPreviewSection`.
            Field names are unique across all form sections (one form).
        size: Dialog width: ``"sm"``, ``"md"`` (default), ``"lg"``, ``"xl"``.

    Derived: :attr:`has_form`.
    """

    title: Text
    sections: list[AnySection] = dataclasses.field(default_factory=list)
    size: ModalSize = "md"

    @field_validator("sections")
    @classmethod
    def _one_form(cls, sections: list[Any]) -> list[Any]:
        names = [
            item.name for section in sections if isinstance(section, FormSection) for item in section.fields
        ]
        check_unique(names, "form field name")
        return sections

    @property
    def has_form(self) -> bool:
        """True when a section submits input, so the modal body is a ``<form>``."""
        return any(section.kind in FORM_KINDS for section in self.sections)
