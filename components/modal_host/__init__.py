"""The ``modal_host`` component: the page's one dialog that loads modal content over HTMX."""
