"""The ``summary_panel`` component: the booking so far, the master, confirm and reset."""
