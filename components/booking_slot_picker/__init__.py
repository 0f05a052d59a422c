"""The ``booking_slot_picker`` component: a day navigator and its free times as a radio group."""
