"""Template tag libraries of the cabinet: ``{% load cabinet %}``."""
