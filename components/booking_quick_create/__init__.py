"""The ``booking_quick_create`` component: one appointment from a calendar slot."""
