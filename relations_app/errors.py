"""The base of every error whose message is meant for the user (in French)."""


class UserError(Exception):
    """A failure to report as it is: the CLI prints it on one line, the window in a dialog."""
