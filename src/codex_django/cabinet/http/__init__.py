"""Request-side helpers: who may enter a space (access.py), the cabinet's middleware
(middleware.py) and the modal responses views return (modal_responses.py)."""
