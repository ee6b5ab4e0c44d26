"""What every screen uses: background tasks, busy dialogs, errors, undo, forms, labels, settings."""
