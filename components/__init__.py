"""The cabinet components, one folder each (mapped here from the repository's ``components/``)."""
