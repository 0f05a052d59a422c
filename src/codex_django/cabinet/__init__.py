"""codex_django.cabinet: typed contracts, registry and components for Django back-office cabinets."""
