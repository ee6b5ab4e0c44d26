"""The sections' lists: table models over services, search and filters, column menus."""
