"""The storybook UI's words, translated on the server and handed to its script."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def ui_labels() -> dict[str, str]:
    texts = {
        "noMatches": _("No stories match your search."),
        "noControls": _("This story has no controls."),
        "staticControls": _(
            "Controls need the live storybook (run the Django server); this is a static export."
        ),
        "invalidJson": _("Not valid JSON: %(error)s"),
        "nullValue": _("(none)"),
        "reset": _("Reset values"),
        "noNotes": _("This story has no notes."),
        "waiting": _("Waiting for the preview…"),
        "loadingStory": _("Loading the story…"),
        "storyLoadFailed": _("The story's details could not be loaded: %(error)s"),
        "axeRun": _("Run accessibility checks"),
        "axeRunning": _("Running axe-core in the preview…"),
        "axeNone": _("No violations found for WCAG 2.2 A and AA rules."),
        "axeUnavailable": _("The accessibility checks need the preview to be served over HTTP."),
        "axeViolations": _("%(count)s violations"),
        "problemsTitle": _("The values are not valid for the contract:"),
        "stories": _("stories"),
        "customViewport": _("Custom size"),
        "defaultTheme": _("Default"),
        "status_draft": _("Draft"),
        "status_stable": _("Stable"),
        "status_deprecated": _("Deprecated"),
        "tokensStatic": _(
            "Editing tokens needs the live storybook (run the Django server); this is a static export."
        ),
        "tokensToken": _("Token"),
        "tokensShared": _("Shape and type"),
        "tokensColours": _("Colours"),
        "tokensPicker": _("%(token)s in %(mode)s mode: colour picker"),
        "tokensValue": _("%(token)s in %(mode)s mode"),
        "tokensLight": _("Light"),
        "tokensDark": _("Dark"),
        "tokensContrastOk": _("Every text, status and focus pair meets its contrast minimum in both modes."),
        "tokensContrastFail": _("%(count)s pairs are under their contrast minimum:"),
        "tokensInvalid": _("Not applied: fix these tokens first."),
        "tokensChanged": _("%(count)s tokens differ from the default theme."),
        "tokensCopied": _("Settings snippet copied."),
        "tokensCopyFailed": _("The clipboard is not available here: select the snippet below and copy it."),
        "tokensError": _("The storybook could not check the tokens: %(error)s"),
    }
    return {key: str(value) for key, value in texts.items()}
