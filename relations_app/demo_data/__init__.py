"""A realistic synthetic database, as large as asked: for the benchmark and for trying the
application on the records of a region or a national network of towns.

The package: :mod:`.common` (sizes, constants, the row writer, the shared state),
:mod:`.places`, :mod:`.people`, :mod:`.programmes` and :mod:`.around` (one step of the
generation each), :mod:`.generator` (the steps in order) and :func:`generate` here.

``relations-app demo-data --partners 10000 --programmes 50000 --contacts 250000 --seed 1
--db FILE.db`` fills a new file in well under a minute.  Why it does not go through the
services: validating and writing a quarter-million records one by one takes many
minutes.  Rows are built directly and written with ``executemany`` in one transaction;
what the services derive is derived by the same code: every ``search`` and ``sort_key``
comes from the areas' own ``search_text`` and ``sort_text`` (and :func:`text.fold`), and
the search indexes are filled by the database's triggers as for any other write.  Values
are generated in the normalised form the validation would give them, so that the file
passes ``check`` and its JSON export imports back.

The same seed gives the same database (ids included): ``random.Random(seed)`` drives every
choice, and nothing depends on today's date.
"""

from __future__ import annotations

import random
import time

from .. import bootstrap
from ..db.models import database
from ..location import DatabaseLocation
from .common import BATCH, DemoDataError, Progress, Sizes, Summary, _Writer
from .generator import _Generator

__all__ = ["BATCH", "DemoDataError", "Progress", "Sizes", "Summary", "generate"]


def generate(
    location: DatabaseLocation,
    sizes: Sizes,
    *,
    seed: int = 1,
    force: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Make the demo database at ``location``; refuses an existing one without ``force``
    (with it, the old file is first copied beside it, as ``init --force`` does)."""
    started = time.perf_counter()
    sizes = sizes.resolved()
    engine = location.backend()
    if not engine.is_empty(location) and not force:
        raise DemoDataError(
            f"le fichier {location} existe déjà et n'est pas vide ; ajoutez --force "
            "pour le remplacer (une copie en sera gardée)."
        )
    if engine.is_empty(location):
        engine.delete(location)
        db, _created = bootstrap.open_app_database(location, seed=False)
    else:
        bootstrap.replace_database(location, seed=False)
        db = database.obj
    summary = Summary(location)
    with engine.bulk_load(db):
        with (
            database.atomic(),
            engine.indexes_built_after(db),
            engine.search_indexes_filled_after(db),
        ):
            _Generator(random.Random(seed), sizes, _Writer(summary.counts), progress).run()
        engine.analyze(db)
    summary.seconds = time.perf_counter() - started
    return summary
