"""Printed documents in the window: the PDF preview."""
