"""Demo feature app: masters, services and appointments (schedule, lists, the client's bookings)."""
