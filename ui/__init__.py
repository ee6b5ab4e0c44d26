"""The Qt layer of Relations.  It reads and changes data only through ``relations_app.services``."""
