"""Stylesheets made at run time and at build time: the cached CSS table (cached_css.py), the generated
tokens and calendar CSS (generated_css.py, run by the asset build) and Bootstrap Icons (icon_catalogue.py:
the names, pure; icons.py: the stylesheet of the icons in use)."""
