"""The ``client_selector`` component: a client combobox with search and "create new client"."""
