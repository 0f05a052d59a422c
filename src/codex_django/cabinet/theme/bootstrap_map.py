"""Bootstrap's component-level variables, mapped onto the cabinet's tokens.

Bootstrap 5.3 compiles its primary colour into each component
(``.btn-primary { --bs-btn-bg: #0d6efd }``, ``.form-check-input:checked { background-color: #0d6efd }``),
so overriding ``--bs-primary`` alone leaves buttons, pills, pagination, dropdowns,
checkboxes and focus rings blue. These rules re-point every such place at the
``--cab-*`` tokens once; they resolve per element, so the same rules serve both
colour modes and every theme, and a theme only ever changes token values.

Outline buttons (``.btn-outline-primary``, ``-secondary``, ``-success``,
``-danger``, ``-warning``, ``-info``) are mapped once, here, for every place they
appear: :data:`OUTLINE_BUTTONS` says which token each state uses, the CSS is
generated from it, and :mod:`.contrast` checks the same table, so a mapping
that misses contrast in some theme is reported by ``manage.py check``.
Bootstrap's own literal greys miss 4.5:1 on the cabinet's page background
(``#6c757d`` on ``#f7f7f8`` is 4.37:1). ``-light`` and ``-dark`` stay
Bootstrap's: no cabinet template uses them and they have no token to follow.

Part of ``tokens.css`` (bundled after Bootstrap, so equal specificity wins).
"""

from __future__ import annotations

import dataclasses

__all__ = ["BOOTSTRAP_COMPONENT_CSS", "OUTLINE_BUTTONS", "OutlineButton", "bootstrap_variables"]

_FOCUS_SHADOW = "0 0 0 0.25rem var(--bs-focus-ring-color)"


@dataclasses.dataclass(frozen=True)
class OutlineButton:
    """The tokens (names without ``--cab-``) an outline button uses at rest, under the pointer and pressed.

    At rest the button is transparent: its text and border sit on whatever surface
    is behind it. Hover and active fill it with ``*_bg``; the border stays the
    outline against the surface around the button.
    """

    color: str
    border: str
    hover_color: str
    hover_bg: str
    active_color: str
    active_bg: str

    def states(self) -> list[tuple[str, str, str | None]]:
        """``(state, text token, fill token or None)``: ``rest`` unfilled, ``hover`` and ``active`` filled."""
        return [
            ("rest", self.color, None),
            ("hover", self.hover_color, self.hover_bg),
            ("active", self.active_color, self.active_bg),
        ]


def _status(token: str) -> OutlineButton:
    # Bootstrap fills a status outline with the status colour and white text; the tokens have
    # no "on-<status>" colour, so the fill is the status tint, whose text pair is already a token pair.
    return OutlineButton(token, token, token, f"{token}-subtle", token, f"{token}-subtle")


# variant (``.btn-outline-<variant>``) -> its tokens. Checked by contrast.py in both modes.
OUTLINE_BUTTONS: dict[str, OutlineButton] = {
    "primary": OutlineButton(
        color="brand-text",
        border="brand",
        hover_color="on-brand",
        hover_bg="brand",
        active_color="on-brand",
        active_bg="brand-hover",
    ),
    "secondary": OutlineButton(
        color="text-muted",
        border="text-muted",
        hover_color="text",
        hover_bg="surface-hover",
        active_color="text",
        active_bg="surface-active",
    ),
    "success": _status("success"),
    "danger": _status("danger"),
    "warning": _status("warning"),
    "info": _status("info"),
}


def _outline_css(variant: str, button: OutlineButton) -> str:
    def var(token: str) -> str:
        return f"var(--cab-{token})"

    declarations = [
        ("color", var(button.color)),
        ("border-color", var(button.border)),
        ("hover-color", var(button.hover_color)),
        ("hover-bg", var(button.hover_bg)),
        ("hover-border-color", var(button.border)),
        ("focus-shadow-rgb", "var(--cab-focus-ring-color-rgb)"),
        ("active-color", var(button.active_color)),
        ("active-bg", var(button.active_bg)),
        ("active-border-color", var(button.border)),
        ("disabled-color", var(button.color)),
        ("disabled-bg", "transparent"),
        ("disabled-border-color", var(button.border)),
    ]
    lines = "".join(f"  --bs-btn-{name}: {value};\n" for name, value in declarations)
    return f".btn-outline-{variant} {{\n{lines}}}\n"


_OUTLINE_CSS = "".join(_outline_css(variant, button) for variant, button in OUTLINE_BUTTONS.items())


def bootstrap_variables(mode: str) -> list[tuple[str, str]]:
    """The ``--bs-*`` globals of one mode block, as (name, value); fonts and radii only in light/:root."""
    shared = [
        ("--bs-body-font-family", "var(--cab-font-sans)"),
        ("--bs-body-font-size", "var(--cab-font-size)"),
        ("--bs-body-line-height", "var(--cab-line-height)"),
    ]
    colours = [
        ("--bs-body-bg", "var(--cab-surface-app)"),
        ("--bs-body-color", "var(--cab-text)"),
        ("--bs-emphasis-color", "var(--cab-text)"),
        ("--bs-secondary-color", "var(--cab-text-muted)"),
        ("--bs-tertiary-color", "var(--cab-text-subtle)"),
        ("--bs-secondary-bg", "var(--cab-surface-active)"),
        ("--bs-tertiary-bg", "var(--cab-surface-sunken)"),
        ("--bs-border-color", "var(--cab-border)"),
    ]
    radii = [
        ("--bs-border-radius", "var(--cab-radius)"),
        ("--bs-border-radius-sm", "var(--cab-radius-sm)"),
        ("--bs-border-radius-lg", "var(--cab-radius-lg)"),
    ]
    brand = [
        ("--bs-primary", "var(--cab-brand)"),
        ("--bs-primary-rgb", "var(--cab-brand-rgb)"),
        ("--bs-primary-text-emphasis", "var(--cab-brand-subtle-text)"),
        ("--bs-primary-bg-subtle", "var(--cab-brand-subtle)"),
        ("--bs-primary-border-subtle", "var(--cab-brand-subtle)"),
        ("--bs-link-color", "var(--cab-brand-text)"),
        ("--bs-link-color-rgb", "var(--cab-brand-text-rgb)"),
        ("--bs-link-hover-color", "var(--cab-brand-subtle-text)"),
        ("--bs-link-hover-color-rgb", "var(--cab-brand-text-rgb)"),
        (
            "--bs-focus-ring-color",
            f"rgba(var(--cab-focus-ring-color-rgb), {0.35 if mode == 'light' else 0.5})",
        ),
        ("--bs-success", "var(--cab-success)"),
        ("--bs-success-text-emphasis", "var(--cab-success)"),
        ("--bs-success-bg-subtle", "var(--cab-success-subtle)"),
        ("--bs-success-border-subtle", "var(--cab-success-border)"),
        ("--bs-warning-text-emphasis", "var(--cab-warning)"),
        ("--bs-warning-bg-subtle", "var(--cab-warning-subtle)"),
        ("--bs-warning-border-subtle", "var(--cab-warning-border)"),
        ("--bs-danger", "var(--cab-danger)"),
        ("--bs-danger-text-emphasis", "var(--cab-danger)"),
        ("--bs-danger-bg-subtle", "var(--cab-danger-subtle)"),
        ("--bs-danger-border-subtle", "var(--cab-danger-border)"),
        ("--bs-info-text-emphasis", "var(--cab-info)"),
        ("--bs-info-bg-subtle", "var(--cab-info-subtle)"),
        ("--bs-info-border-subtle", "var(--cab-info-border)"),
        ("--bs-form-valid-color", "var(--cab-success)"),
        ("--bs-form-valid-border-color", "var(--cab-success)"),
        ("--bs-form-invalid-color", "var(--cab-danger)"),
        ("--bs-form-invalid-border-color", "var(--cab-danger)"),
    ]
    if mode == "light":
        return [*shared, *colours, *radii, *brand, ("--bs-font-monospace", "var(--cab-font-mono)")]
    return [*colours, *brand]


BOOTSTRAP_COMPONENT_CSS = f"""\
/* Bootstrap components, re-pointed at the tokens (see codex_django/cabinet/theme/bootstrap_map.py). */
.btn-primary {{
  --bs-btn-color: var(--cab-on-brand);
  --bs-btn-bg: var(--cab-brand);
  --bs-btn-border-color: var(--cab-brand);
  --bs-btn-hover-color: var(--cab-on-brand);
  --bs-btn-hover-bg: var(--cab-brand-hover);
  --bs-btn-hover-border-color: var(--cab-brand-hover);
  --bs-btn-focus-shadow-rgb: var(--cab-focus-ring-color-rgb);
  --bs-btn-active-color: var(--cab-on-brand);
  --bs-btn-active-bg: var(--cab-brand-hover);
  --bs-btn-active-border-color: var(--cab-brand-hover);
  --bs-btn-disabled-color: var(--cab-on-brand);
  --bs-btn-disabled-bg: var(--cab-brand);
  --bs-btn-disabled-border-color: var(--cab-brand);
}}
{_OUTLINE_CSS}.btn-link {{
  --bs-btn-color: var(--bs-link-color);
  --bs-btn-hover-color: var(--bs-link-hover-color);
  --bs-btn-active-color: var(--bs-link-hover-color);
  --bs-btn-focus-shadow-rgb: var(--cab-focus-ring-color-rgb);
}}
.nav {{
  --bs-nav-link-color: var(--bs-link-color);
  --bs-nav-link-hover-color: var(--bs-link-hover-color);
}}
.nav-pills {{
  --bs-nav-pills-link-active-color: var(--cab-on-brand);
  --bs-nav-pills-link-active-bg: var(--cab-brand);
}}
.nav-link:focus-visible,
.btn-close:focus,
.form-control:focus,
.form-select:focus,
.form-check-input:focus {{
  box-shadow: {_FOCUS_SHADOW};
}}
.form-control:focus,
.form-select:focus,
.form-check-input:focus {{
  border-color: var(--cab-focus-ring-color);
}}
.form-check-input:checked,
.form-check-input[type="checkbox"]:indeterminate {{
  background-color: var(--cab-brand);
  border-color: var(--cab-brand);
}}
.form-range::-webkit-slider-thumb {{
  background-color: var(--cab-brand);
}}
.form-range::-moz-range-thumb {{
  background-color: var(--cab-brand);
}}
/* One vendor pseudo-element per rule: a browser drops a whole rule with one it does not know. */
.form-range::-webkit-slider-thumb:active {{
  background-color: var(--cab-brand-hover);
}}
.form-range::-moz-range-thumb:active {{
  background-color: var(--cab-brand-hover);
}}
.form-range:focus::-webkit-slider-thumb {{
  box-shadow: 0 0 0 1px var(--cab-surface), {_FOCUS_SHADOW};
}}
.form-range:focus::-moz-range-thumb {{
  box-shadow: 0 0 0 1px var(--cab-surface), {_FOCUS_SHADOW};
}}
.btn-close {{
  --bs-btn-close-focus-shadow: {_FOCUS_SHADOW};
}}
.dropdown-menu {{
  --bs-dropdown-link-active-color: var(--cab-on-brand);
  --bs-dropdown-link-active-bg: var(--cab-brand);
}}
.pagination {{
  --bs-pagination-color: var(--bs-link-color);
  --bs-pagination-hover-color: var(--bs-link-hover-color);
  --bs-pagination-focus-color: var(--bs-link-hover-color);
  --bs-pagination-focus-box-shadow: {_FOCUS_SHADOW};
  --bs-pagination-active-color: var(--cab-on-brand);
  --bs-pagination-active-bg: var(--cab-brand);
  --bs-pagination-active-border-color: var(--cab-brand);
}}
.list-group {{
  --bs-list-group-active-color: var(--cab-on-brand);
  --bs-list-group-active-bg: var(--cab-brand);
  --bs-list-group-active-border-color: var(--cab-brand);
}}
.accordion {{
  --bs-accordion-btn-focus-box-shadow: {_FOCUS_SHADOW};
  --bs-accordion-active-color: var(--cab-brand-subtle-text);
  --bs-accordion-active-bg: var(--cab-brand-subtle);
}}
.progress,
.progress-stacked {{
  --bs-progress-bar-bg: var(--cab-brand);
  --bs-progress-bar-color: var(--cab-on-brand);
}}
.text-bg-primary,
.badge.bg-primary {{
  color: var(--cab-on-brand) !important;
  background-color: var(--cab-brand) !important;
}}
.text-primary,
.link-primary {{
  color: var(--cab-brand-text) !important;
}}
"""
