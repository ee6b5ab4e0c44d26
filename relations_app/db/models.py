"""Peewee models: the schema of the office's records.

Models are bound to a deferred :data:`database` proxy; :mod:`relations_app.db.storage`
opens the real (SQLite) database and initialises it at start.  The tables themselves are
created by the numbered migrations in :mod:`relations_app.db.migrations`, never by
``create_tables`` at run time, so that a database's schema is always the one its
``user_version`` says.

Every main record has a stable UUID primary key (``id``), a ``version`` counter bumped on
each write (edits made on a stale copy are refused), and a folded ``search`` column used
for accent-insensitive search, and a folded ``sort_key`` so that lists sort as a French
reader expects ("État" with the E's, not after "Z").
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import peewee as pw

database = pw.DatabaseProxy()


def new_id() -> str:
    return str(uuid.uuid4())


class MoneyField(pw.IntegerField):
    """Exact euro amounts, stored as integer cents and read back as ``Decimal``."""

    def db_value(self, value: Decimal | int | str | None) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 100).to_integral_exact())

    def python_value(self, value: int | None) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(Decimal("0.01"))


class BytesField(pw.BlobField):
    """Bytes passed to the driver as they are (``bytes``, ``bytearray``: sqlite3 and psycopg2
    both bind them as a blob), never wrapped in the binary type of the database the proxy
    was first given: a copy between engines binds the model to another one.  Read back as
    ``bytes`` (psycopg2 gives a ``memoryview``)."""

    def db_value(self, value: bytes | bytearray | memoryview | str | None) -> object:
        return value.encode("utf-8") if isinstance(value, str) else value

    def python_value(self, value: bytes | memoryview | None) -> bytes | None:
        return None if value is None else bytes(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Record(BaseModel):
    """A main record: UUID key, optimistic-locking version, folded search text."""

    id = pw.CharField(primary_key=True, max_length=36, default=new_id)
    version = pw.IntegerField(default=1)
    search = pw.TextField(default="")
    sort_key = pw.CharField(default="", index=True)  # folded label: "Béjaïa" sorts as "bejaia"


class Office(BaseModel):
    """The home authority (one row): its place and what its pages announce."""

    id = pw.CharField(primary_key=True, max_length=36, default=new_id)
    name = pw.CharField()
    country = pw.CharField(max_length=2)
    latitude = pw.FloatField(null=True)
    longitude = pw.FloatField(null=True)
    timezone = pw.CharField(null=True)
    stated_counts = pw.TextField(default="{}")  # JSON: stated partner counts and sources
    # What every printed document says of its issuer (migration 8)
    organisation = pw.CharField(default="")
    service = pw.CharField(default="")
    address = pw.TextField(default="")
    phone = pw.CharField(default="")
    email = pw.CharField(default="")
    website = pw.CharField(default="")
    logo = pw.TextField(default="")  # a PNG as a data: URI, or ""
    confidentiality = pw.CharField(default="")


class Partner(Record):
    name = pw.CharField(index=True)
    local_name = pw.CharField(null=True)
    aliases = pw.TextField(default="")  # one per line
    country = pw.CharField(max_length=2, index=True)
    region = pw.CharField(null=True)
    kind = pw.CharField(index=True)
    signing_side = pw.CharField(null=True)
    agreement_kind = pw.CharField(null=True)
    agreement_year = pw.IntegerField(null=True)
    relations_since = pw.IntegerField(null=True)
    population = pw.BigIntegerField(null=True)
    population_year = pw.IntegerField(null=True)
    population_note = pw.CharField(null=True)
    website = pw.CharField(null=True)
    latitude = pw.FloatField(null=True)
    longitude = pw.FloatField(null=True)
    timezone = pw.CharField(null=True)
    summary = pw.TextField(default="")
    history = pw.TextField(default="")
    active = pw.BooleanField(default=True)
    notes = pw.TextField(default="")
    # Migration 0006: why agreement_year is derived, not stated ("50 ans célébrés en 2014").
    agreement_year_note = pw.CharField(default="")
    counterpart = pw.CharField(default="")  # "Technopole maritime du Québec (TMQ)"
    website_note = pw.CharField(default="")  # "site de Technopole maritime du Québec"
    sources = pw.TextField(default="")  # where the facts come from, printed (migration 8)
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class Theme(BaseModel):
    name = pw.CharField(unique=True)


class PartnerTheme(BaseModel):
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="theme_links")
    theme = pw.ForeignKeyField(Theme, on_delete="CASCADE", backref="partner_links")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("partner", "theme"), True),)


class Organisation(Record):
    name = pw.CharField(index=True)
    acronym = pw.CharField(null=True)
    kind = pw.CharField(default="other")
    country = pw.CharField(max_length=2, null=True)
    city = pw.CharField(null=True)
    website = pw.CharField(null=True)
    description = pw.TextField(default="")
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class PartnerOrganisation(BaseModel):
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="organisation_links")
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="partner_links")

    class Meta:
        indexes = ((("partner", "organisation"), True),)


class DiplomaticPost(Record):
    name = pw.CharField(index=True)
    country = pw.CharField(max_length=2, index=True)
    city = pw.CharField(null=True)
    address = pw.TextField(default="")
    website = pw.CharField(null=True)
    phone = pw.CharField(default="")  # migration 0005: the switchboard


class Contact(Record):
    family_name = pw.CharField(index=True)
    given_name = pw.CharField(default="")
    email = pw.CharField(null=True)
    phone = pw.CharField(null=True, index=True)  # migration 0005: the global search
    notes = pw.TextField(default="")
    # Migration 0006: what a briefing's biographies show.
    photo = pw.TextField(default="")  # PNG or JPEG, base64
    biography = pw.TextField(default="")
    previous_contacts = pw.TextField(default="")
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class Position(BaseModel):
    """A function held by a contact, at an organisation or a diplomatic post, over time."""

    contact = pw.ForeignKeyField(Contact, on_delete="CASCADE", backref="positions")
    function = pw.CharField(default="")
    organisation = pw.ForeignKeyField(
        Organisation, null=True, on_delete="SET NULL", backref="positions"
    )
    post = pw.ForeignKeyField(DiplomaticPost, null=True, on_delete="SET NULL", backref="positions")
    start = pw.CharField(null=True)  # partial ISO date
    end = pw.CharField(null=True)
    position = pw.IntegerField(default=0)


class PartnerContact(BaseModel):
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="contact_links")
    contact = pw.ForeignKeyField(Contact, on_delete="CASCADE", backref="partner_links")

    class Meta:
        indexes = ((("partner", "contact"), True),)


class Programme(Record):
    title = pw.CharField(index=True)
    kind = pw.CharField(default="other")
    status = pw.CharField(null=True, index=True)
    start = pw.CharField(null=True)
    end = pw.CharField(null=True)
    convention_year = pw.IntegerField(null=True)
    theme = pw.CharField(null=True)
    sub_theme = pw.CharField(null=True)
    sub_sub_theme = pw.CharField(null=True)
    form = pw.CharField(null=True)
    context = pw.TextField(default="")
    history = pw.TextField(default="")
    objectives = pw.TextField(default="")
    description = pw.TextField(default="")
    owners = pw.TextField(default="")
    beneficiaries = pw.TextField(default="")
    triennial = pw.BooleanField(null=True)
    evaluation_done = pw.BooleanField(null=True)
    communication_france = pw.BooleanField(null=True)
    communication_partner = pw.BooleanField(null=True)
    volunteers = pw.TextField(default="")
    notes = pw.TextField(default="")
    # Migration 0010: what the APD declaration needs (services/apd.py)
    apd_sector = pw.CharField(default="", index=True)  # OECD DAC purpose code, "14030"
    apd_channel = pw.CharField(null=True)  # services.apd_lists.CHANNELS
    marker_gender = pw.CharField(null=True)  # policy markers: "0", "1", "2" or unscored
    marker_environment = pw.CharField(null=True)
    marker_governance = pw.CharField(null=True)
    marker_biodiversity = pw.CharField(null=True)
    marker_climate_mitigation = pw.CharField(null=True)
    marker_climate_adaptation = pw.CharField(null=True)
    marker_desertification = pw.CharField(null=True)
    marker_nutrition = pw.CharField(null=True)
    marker_disability = pw.CharField(null=True)
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class ProgrammePartner(BaseModel):
    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="partner_links")
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="programme_links")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("programme", "partner"), True),)


class ProgrammeOrganisation(BaseModel):
    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="organisation_links")
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="programme_links")
    role = pw.CharField(default="partner")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("programme", "organisation", "role"), True),)


class ProgrammeContact(BaseModel):
    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="contact_links")
    contact = pw.ForeignKeyField(Contact, on_delete="CASCADE", backref="programme_links")
    organisation = pw.ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    function = pw.CharField(default="")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("programme", "contact"), True),)


class Funding(BaseModel):
    """One funding line: a funder's amount for one year."""

    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="funding")
    funder = pw.CharField()
    amount = MoneyField()
    water_amount = MoneyField(null=True)  # the Atlas "1% eau" (loi Oudin) amount
    year = pw.IntegerField(null=True)
    position = pw.IntegerField(default=0)
    stage = pw.CharField(null=True)  # "planned", "actual" or not stated (migration 0010)


class ApdFunder(BaseModel):
    """A funder as the APD declaration counts it: the authority's own money ("own") or
    co-financing it received ("cofunder"); funding lines name funders by text, matched on
    the folded name."""

    name = pw.CharField()
    folded = pw.CharField(unique=True)
    role = pw.CharField()


class ApdCountry(BaseModel):
    """A country on the OECD DAC list of ODA recipients for the years of one edition."""

    code = pw.CharField(max_length=2)
    first_year = pw.IntegerField()
    last_year = pw.IntegerField()
    edition = pw.CharField()  # "2024-2025"
    category = pw.CharField(default="")  # "PMA", "PRITI"… as the edition groups them

    class Meta:
        indexes = ((("code", "first_year"), True),)


class ApdSector(BaseModel):
    """An OECD DAC (CRS) purpose code: a 3-digit sector or a 5-digit code."""

    code = pw.CharField(max_length=5, primary_key=True)
    label_fr = pw.CharField()
    label_en = pw.CharField()


class KeyFigure(BaseModel):
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="key_figures")
    programme = pw.ForeignKeyField(Programme, null=True, on_delete="SET NULL")
    label = pw.CharField()
    value = pw.CharField(default="")
    year = pw.IntegerField(null=True)
    position = pw.IntegerField(default=0)


class Event(Record):
    date = pw.CharField(index=True)  # partial ISO date
    title = pw.CharField()
    description = pw.TextField(default="")
    kind = pw.CharField(default="other")
    partner = pw.ForeignKeyField(Partner, null=True, on_delete="CASCADE", backref="events")
    programme = pw.ForeignKeyField(Programme, null=True, on_delete="SET NULL", backref="events")
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class Consulate(Record):
    country = pw.CharField(max_length=2, unique=True)
    address = pw.TextField(default="")
    phone = pw.CharField(null=True)
    email = pw.CharField(null=True)
    consul_name = pw.CharField(null=True)
    notes = pw.TextField(default="")
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class Delegation(Record):
    title = pw.CharField(index=True)
    direction = pw.CharField(default="outgoing")
    status = pw.CharField(default="preparation")
    start = pw.CharField(null=True)
    end = pw.CharField(null=True)
    objectives = pw.TextField(default="")
    logistics = pw.TextField(default="")
    talking_points = pw.TextField(default="")
    # Migration 0003: shown on a briefing's cover ("" = the default mention).
    destination = pw.CharField(default="")
    confidentiality = pw.CharField(default="")
    # Migration 0006: the briefing a delegation travels with.
    stakes = pw.TextField(default="")
    sensitive_points = pw.TextField(default="")
    protocol = pw.TextField(default="")
    travel = pw.TextField(default="")
    hotel = pw.TextField(default="")
    hotel_phone = pw.CharField(default="")
    transfers = pw.TextField(default="")
    duty_phone = pw.CharField(default="")
    entry_formalities = pw.TextField(default="")
    document_version = pw.CharField(default="")
    author = pw.CharField(default="")
    distribution = pw.TextField(default="")
    texts = pw.TextField(default="")  # its long texts folded (migration 12, db/texts.py)


class DelegationPartner(BaseModel):
    delegation = pw.ForeignKeyField(Delegation, on_delete="CASCADE", backref="partner_links")
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", backref="delegation_links")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("delegation", "partner"), True),)


class DelegationMember(BaseModel):
    delegation = pw.ForeignKeyField(Delegation, on_delete="CASCADE", backref="members")
    contact = pw.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    name = pw.CharField(default="")
    function = pw.CharField(default="")
    organisation = pw.CharField(default="")
    side = pw.CharField(default="home")
    position = pw.IntegerField(default=0)


class AgendaItem(BaseModel):
    delegation = pw.ForeignKeyField(Delegation, on_delete="CASCADE", backref="agenda")
    date = pw.CharField()
    start_time = pw.CharField(null=True)
    end_time = pw.CharField(null=True)
    timezone = pw.CharField(null=True)
    place = pw.CharField(default="")
    subject = pw.CharField(default="")
    people = pw.TextField(default="")
    position = pw.IntegerField(default=0)
    # Migration 0006: calendar identity, the venue, the meeting brief.
    uid = pw.CharField(default="")
    sequence = pw.IntegerField(default=0)
    modified = pw.CharField(null=True)  # ISO UTC, "2027-01-04T09:30:00Z"
    address = pw.TextField(default="")
    latitude = pw.FloatField(null=True)
    longitude = pw.FloatField(null=True)
    aim = pw.TextField(default="")
    home_people = pw.TextField(default="")
    background = pw.TextField(default="")
    outcome = pw.TextField(default="")


class TrashItem(BaseModel):
    """A deleted record waiting in the Corbeille (trash), with everything that went with it.

    ``snapshot`` is the JSON of :func:`relations_app.services.removal.snapshot`: the record's
    row, the rows deleted with it and the references cleared, so restoring is exact.
    """

    collection = pw.CharField()  # JSON collection name: "partners", "contacts"…
    record_id = pw.CharField(max_length=36, index=True)
    label = pw.CharField()  # the record's name when it was deleted
    deleted_at = pw.DateTimeField(index=True)  # UTC
    snapshot = pw.TextField()


class ChangeSet(BaseModel):
    """One write as the history tells it: who, when, how (an edit, an undo, an import…).

    A save is one set with one :class:`RecordChange`; an import or an erasure is one set
    for every record it touched; a restore is a set with no record change (the history
    then is the copy's own, which matches the content it brings back).
    """

    at = pw.DateTimeField(index=True)  # UTC
    user_name = pw.CharField()  # Backend.user_name(): OS account or server login
    origin = pw.CharField()  # "edit", "undo", "redo", "import", "restore", "revert", "erase"…
    summary = pw.TextField(default="")  # French: the file imported, the copy restored…


class RecordChange(BaseModel):
    """What one write did to one record: its kind and, per field, the value before and after.

    ``fields`` is JSON, ``{key: [before, after]}`` in the record's JSON shape (sub-records
    such as funding lines or positions are lists of dicts); a creation keeps none (the
    values at creation are the current ones with the later changes taken back).
    """

    change_set = pw.ForeignKeyField(ChangeSet, on_delete="CASCADE", backref="changes")
    collection = pw.CharField()  # "partners", "contacts"…
    record_id = pw.CharField(max_length=36, index=True)
    kind = pw.CharField()  # "created", "changed", "trashed", "untrashed", "deleted", "erased"
    version = pw.IntegerField(null=True)  # the record's version after the change
    label = pw.CharField(default="")  # the record's name at the time
    fields = pw.TextField(null=True)


class RecordAlias(BaseModel):
    """The id of a record merged into another (migration 9): an import naming
    ``alias_id`` writes to ``kept_id`` instead (:mod:`relations_app.services.merge`)."""

    alias_id = pw.CharField(primary_key=True, max_length=36)
    collection = pw.CharField()  # "contacts", "organisations", "partners"
    kept_id = pw.CharField(max_length=36, index=True)
    at = pw.DateTimeField()  # UTC, when the merge was made


class AttachmentBlob(BaseModel):
    """The bytes of an attached file, stored once whatever the number of attachments holding
    it: keyed by their SHA-256 (migration 11)."""

    hash = pw.CharField(primary_key=True, max_length=64)  # SHA-256, lowercase hex
    size = pw.IntegerField()
    content = BytesField()


class Attachment(BaseModel):
    """A document attached to a partner, programme, organisation, contact or delegation:
    the signed agreement of a twinning, the photos of a visit, a committee's minutes.

    ``kind`` is the owner's collection ("partners"…) and ``record_id`` its id (a record of
    any of five kinds, so no foreign key: the service keeps them in step, and a record
    waiting in the trash keeps its attachments until it is purged).  ``date`` is a partial
    ISO date like every other; ``category`` says what the document is ("accord"…).
    """

    id = pw.CharField(primary_key=True, max_length=36, default=new_id)
    version = pw.IntegerField(default=1)
    kind = pw.CharField()
    record_id = pw.CharField(max_length=36)
    title = pw.CharField()
    date = pw.CharField(null=True)
    category = pw.CharField(default="")
    file_name = pw.CharField()
    media_type = pw.CharField()
    blob = pw.ForeignKeyField(AttachmentBlob, column_name="hash", field="hash")
    created_at = pw.DateTimeField()  # UTC
    changed_at = pw.DateTimeField()  # UTC

    class Meta:
        indexes = ((("kind", "record_id"), False),)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Office,
    Partner,
    Theme,
    PartnerTheme,
    Organisation,
    PartnerOrganisation,
    DiplomaticPost,
    Contact,
    Position,
    PartnerContact,
    Programme,
    ProgrammePartner,
    ProgrammeOrganisation,
    ProgrammeContact,
    Funding,
    ApdFunder,
    ApdCountry,
    ApdSector,
    KeyFigure,
    Event,
    Consulate,
    Delegation,
    DelegationPartner,
    DelegationMember,
    AgendaItem,
    TrashItem,
    ChangeSet,
    RecordChange,
    RecordAlias,
    AttachmentBlob,
    Attachment,
)

#: Tables a migration fills with bundled reference lists (the OECD's): a new database holds
#: their rows yet no record, and a copy replaces them by the source's.
SEEDED_MODELS: tuple[type[BaseModel], ...] = (ApdCountry, ApdSector)
