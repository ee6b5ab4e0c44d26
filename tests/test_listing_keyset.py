"""Finding a record's row far down a large list: its page read from the record's own sort
values (no OFFSET walk over every row before it), its place counted from the nearer end
of the table; on SQLite and on PostgreSQL."""

import pytest

from relations_app.services import contacts, listing

pytestmark = pytest.mark.both_backends


def test_far_down_a_whole_list_the_page_is_read_from_the_records_sort_values(brest_db, monkeypatch):
    """Past the first thousand rows the located page's keys come from two seeks on the
    record's sort values, and a record in the list's second half is placed by counting
    the rows after it: the same page, the same place as reading the whole list."""
    monkeypatch.setattr(listing, "COUNT_CAP", 2)
    order = [r["id"] for r in contacts.list_contacts(sort="name").rows]
    seeks = []
    kept = listing._keys_around
    monkeypatch.setattr(listing, "_keys_around", lambda *a: (seeks.append(a[3]), kept(*a))[1])
    sides = []
    counted = listing._count_side
    monkeypatch.setattr(
        listing, "_count_side", lambda *a, after: (sides.append(after), counted(*a, after=after))[1]
    )
    for place, record_id in enumerate(order):
        page = contacts.list_contacts(sort="name", limit=3, locate=record_id)
        assert page.position == place and page.offset == place - place % 3
        assert [r["id"] for r in page.rows] == order[page.offset : page.offset + 3]
        assert page.total == len(order)
    far = [place for place in range(len(order)) if place - place % 3 >= 2]  # past the cap
    assert len(seeks) == len(far) > 0 and True in sides and False in sides
