"""The ``service_selector`` component: choose one service, filtered by category and search."""
