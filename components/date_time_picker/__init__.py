"""The ``date_time_picker`` component: a month of available days and the day's times."""
