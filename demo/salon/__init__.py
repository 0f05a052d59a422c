"""The demo project's own app: settings, URLs, the staff dashboard and the client home."""
