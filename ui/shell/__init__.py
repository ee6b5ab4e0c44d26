"""The application's frame: start, the main window, help and preferences."""
