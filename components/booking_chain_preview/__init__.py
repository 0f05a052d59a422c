"""The ``booking_chain_preview`` component: the appointments a multi-service booking creates."""
