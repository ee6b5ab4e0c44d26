"""Each printed sheet says, beside the date it was printed, the date of its data: when the
record was last changed, from its history."""

import io
from datetime import UTC, datetime

import pypdf

from relations_app.db.models import Delegation, Partner
from relations_app.reports.briefing import render_briefing
from relations_app.reports.factsheet import render_factsheet
from relations_app.services import AREAS
from relations_app.text import format_partial_date_fr


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_fact_sheet_and_the_briefing_give_the_date_of_their_data(brest_db):
    kiel = Partner.get(Partner.name == "Kiel").id
    AREAS["partners"].update(kiel, {"population": 250_000})
    today = format_partial_date_fr(datetime.now(UTC).astimezone().date().isoformat())
    assert f"données du {today}" in text_of(render_factsheet(kiel)[0])
    delegation = Delegation.select().first().id
    assert f"données du {today}" in text_of(render_briefing(delegation)[0])
