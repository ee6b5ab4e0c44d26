"""Imports and exports in the window: previews, mappings, file choices."""
