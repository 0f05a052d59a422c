"""Demo feature app: the salon's clients (staff list, the client's own profile)."""
