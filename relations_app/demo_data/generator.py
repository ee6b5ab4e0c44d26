"""The demo generator: every step in order, each writing its rows as it goes."""

from __future__ import annotations

import time

from ..text import seconds_fr
from .around import _Around
from .people import _People
from .places import _Places
from .programmes import _Programmes


class _Generator(_Places, _People, _Programmes, _Around):
    def run(self) -> None:
        steps = [
            (self.office, "bureau"),
            (self.partners, "partenaires"),
            (self.organisations, "organisations"),
            (self.posts_and_consulates, "postes, consulats"),
            (self.contacts, "contacts"),
            (self.programmes, "programmes"),
            (self.key_figures, "chiffres clés"),
            (self.events, "événements"),
            (self.delegations, "délégations"),
        ]
        for step, label in steps:
            started = time.perf_counter()
            step()
            self.say(f"{label} : {seconds_fr(time.perf_counter() - started)}")
