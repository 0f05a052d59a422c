"""The ``color_mode_switch`` component: binding in color_mode_switch.py, markup, styles, behaviour, stories."""
