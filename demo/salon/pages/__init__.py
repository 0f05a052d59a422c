"""One module per demo page that shows a cabinet component with the salon's real data."""
