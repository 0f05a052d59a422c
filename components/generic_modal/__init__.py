"""The ``generic_modal`` component: modal content assembled from typed sections."""
