"""The ``empty_state`` component: binding in empty_state.py, markup, styles and stories beside it."""
