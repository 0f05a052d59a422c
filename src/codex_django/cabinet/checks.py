"""Django system checks for a cabinet project (filled in by the foundation work)."""
