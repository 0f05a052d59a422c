"""The ``page_header`` component: binding in page_header.py, markup, styles and stories beside it."""
