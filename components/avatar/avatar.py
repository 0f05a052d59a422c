"""``avatar``: a person's picture, or their initials in a tinted circle.

Kwargs (all simple, so bigger components can call it from their templates)::

    {% component "avatar" avatar=item.avatar name=item.label size="sm" decorative=True / %}

* ``avatar`` - an image URL (``/media/a.png``, ``https://…``; checked like every
  URL) or 1-3 initials (``"ИП"``), exactly what the contracts' ``avatar`` fields
  hold; ``""`` derives the initials from ``name``.
* ``name`` - who it shows: the image's ``alt`` text / the initials' accessible
  name, and the source of initials when ``avatar`` is empty or an image.
* ``size`` - ``"sm"`` (24px), ``"md"`` (32px, default) or ``"lg"`` (48px).
* ``decorative`` - ``True`` when the name is printed right next to the avatar
  (list rows, cards): screen readers then skip the avatar (``alt=""`` /
  ``aria-hidden``) instead of reading the name twice.

Initials get one of six tints, picked from the name's characters so the same
person always has the same colour on every page.
"""

from __future__ import annotations

from typing import Any, Literal

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.types.widgets import Avatar as AvatarValue
from codex_django.cabinet.types.widgets import avatar_is_image, initials_for

AvatarSize = Literal["sm", "md", "lg"]
PIXELS: dict[str, int] = {"sm": 24, "md": 32, "lg": 48}
TONES = 6


def tone_for(text: str) -> int:
    """A stable tint index (0-5) for ``text`` (``hash()`` changes between processes)."""
    return sum(ord(char) for char in text) % TONES


@register("avatar")
class Avatar(CabinetComponent):
    """An image avatar or an initials circle (see the module docstring for the kwargs)."""

    template = template_beside(__file__, "avatar.html")

    class Kwargs(ComponentKwargs):
        avatar: AvatarValue = ""
        name: str = ""
        size: AvatarSize = "md"
        decorative: bool = False

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        avatar, name = str(kwargs.avatar), str(kwargs.name)
        is_image = avatar_is_image(avatar)
        initials = "" if is_image else initials_for(avatar, name)
        data.update(
            is_image=is_image,
            initials=initials,
            pixels=PIXELS[kwargs.size],
            tone=tone_for(name or initials),
        )
        return data
