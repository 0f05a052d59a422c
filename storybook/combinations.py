"""The toolbar's options and the combinations every story is rendered and screenshotted in.

Screenshots: four combinations exist, {light, dark} x {desktop 1280x800,
mobile 390x844}. Every story is screenshotted in light--desktop; each
component's first story (its "typical" case) in all four; any other story in
the extra combinations it asks for (``Story(screenshots=("light--mobile",))``).
That pins every component's dark and phone pixels without a baseline per story
per combination; the dark theme's contrast is still checked on every story
(the harness switches the light--desktop page to dark and runs axe's colour
rules on it).
The static export renders every story x theme x locale x direction (the
viewport is only the size of the frame, so it needs no file of its own).
"""

from __future__ import annotations

import dataclasses
import itertools

from django.conf import settings
from django.utils.translation import gettext_lazy as _

THEMES: tuple[str, ...] = ("light", "dark")
DIRECTIONS: tuple[str, ...] = ("ltr", "rtl")


@dataclasses.dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int


# The harness's two screenshot sizes.
SCREENSHOT_VIEWPORTS: tuple[Viewport, ...] = (Viewport("desktop", 1280, 800), Viewport("mobile", 390, 844))

# Toolbar presets: Bootstrap's breakpoints (the smallest width of each), phone, and the harness sizes.
VIEWPORT_PRESETS: tuple[tuple[str, object, int, int], ...] = (
    ("fill", _("Fill the frame"), 0, 0),
    ("mobile", _("Mobile 390 × 844"), 390, 844),
    ("sm", _("sm ≥ 576"), 576, 800),
    ("md", _("md ≥ 768"), 768, 1024),
    ("lg", _("lg ≥ 992"), 992, 800),
    ("xl", _("xl ≥ 1200"), 1200, 800),
    ("desktop", _("Desktop 1280 × 800"), 1280, 800),
    ("xxl", _("xxl ≥ 1400"), 1400, 900),
)


def locales() -> tuple[str, ...]:
    """Language codes from ``settings.LANGUAGES`` (en and ru in the library's own settings)."""
    return tuple(code for code, _name in settings.LANGUAGES)


def default_locale() -> str:
    codes = locales()
    configured = settings.LANGUAGE_CODE.split("-")[0]
    return configured if configured in codes else (codes[0] if codes else "en")


def screenshot_combinations() -> list[dict[str, object]]:
    """``[{"key": "light--desktop", "theme": "light", "viewport": "desktop", "width": 1280, ...}]``."""
    return [
        {
            "key": f"{theme}--{viewport.name}",
            "theme": theme,
            "viewport": viewport.name,
            "width": viewport.width,
            "height": viewport.height,
        }
        for theme, viewport in itertools.product(THEMES, SCREENSHOT_VIEWPORTS)
    ]


DEFAULT_COMBINATION = "light--desktop"


def combination_keys() -> tuple[str, ...]:
    """Every combination's key, in :func:`screenshot_combinations` order."""
    return tuple(str(item["key"]) for item in screenshot_combinations())


def story_combinations(
    extra: tuple[str, ...] = (), *, first_of_component: bool = False
) -> list[dict[str, object]]:
    """The combinations one story is screenshotted in (see the module docstring).

    ``extra`` are the story's own ``screenshots``; ``first_of_component`` marks
    the component's first story, which is screenshotted in every combination.
    """
    wanted = {DEFAULT_COMBINATION, *extra}
    return [item for item in screenshot_combinations() if first_of_component or item["key"] in wanted]


def export_combinations() -> list[tuple[str, str, str]]:
    """``(theme, locale, dir)`` for every static preview file."""
    return list(itertools.product(THEMES, locales(), DIRECTIONS))


def export_file_name(theme: str, locale: str, direction: str) -> str:
    return f"{theme}-{locale}-{direction}.html"
