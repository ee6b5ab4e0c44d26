"""Keeping data safe: start checks, automatic copies, restore, the trash."""
