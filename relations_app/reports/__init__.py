"""Printed documents (PDF), made with ReportLab.

Only the modules of this package import ReportLab, and nothing imports them when the
application or the command line starts: a report's first build pays for loading ReportLab
and the fonts, nobody else does.  :mod:`.naming` and :mod:`.formatting` are plain Python
and may be imported anywhere.
"""
