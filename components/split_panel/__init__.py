"""The ``split_panel`` component: binding in split_panel.py, markup, styles, behaviour, stories."""
