"""The ``modal_trigger`` component: a button that opens a URL in the page's modal."""
