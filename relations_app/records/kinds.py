"""What a record type is: the one declaration every registry of the application reads.

A :class:`RecordType` says everything that is the same wherever a kind of record appears:
its collection name (in the JSON dump, the CSV export's ``--what``, the trash, the
window's sections), its nouns in French and English, its references to other records,
its list columns and exported columns, whether it goes to the trash, its bundled data
file.  The service that reads and writes it is named (``service``, with its list and get
functions) rather than imported: this module stays pure data, below the services, which
resolve the names (:data:`relations_app.services.AREAS`, ``LIST_FUNCTIONS``,
``GET_FUNCTIONS``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from ..text import counted_fr, number_fr

ExportKind = Literal["text", "number", "bool", "date"]
#: How the window shows a column's value (the UI maps each to its formatter).
Display = Literal[
    "text", "country", "choice", "partner_kind", "programme_status", "date", "number", "phone"
]


@dataclass(frozen=True)
class Noun:
    """How a record is named in one language: "partner" / "partners"."""

    singular: str
    plural: str
    feminine: bool = False  # French agreement: "créées", "la délégation"


@dataclass(frozen=True)
class ExportColumn:
    """One exported column (CSV, XLSX): the list row key, the French header, the cell kind."""

    key: str
    header: str
    kind: ExportKind = "text"  # number | bool (Oui/Non) | date (partial ISO)
    width: int = 18  # XLSX column width, in characters


@dataclass(frozen=True)
class ListColumn:
    """One column of the window's list: the row key, its titles, how it shows and sorts.

    ``exports`` are the :class:`ExportColumn` keys it stands for when the list on screen
    is exported (the contacts' "Name" shows family and given names: two columns).
    """

    key: str
    title_en: str
    title_fr: str
    exports: tuple[str, ...]
    display: Display = "text"
    sort: str | None = None
    numeric: bool = False
    #: for ``display == "choice"``: the field whose choice labels name the value
    choice_field: str = ""
    #: a second row key shown after the first ("family_name" + "given_name")
    then: str = ""


@dataclass(frozen=True)
class RecordType:
    """One kind of main record, declared once (see :mod:`relations_app.records`)."""

    key: str  # the collection name, everywhere: "partners", "posts"
    fr: Noun
    en: Noun
    service: str  # module of relations_app.services that reads and writes it
    list_function: str  # its list function there: "list_partners"
    get_function: str  # its read function there (the record with what the window shows)
    export_columns: tuple[ExportColumn, ...]
    list_columns: tuple[ListColumn, ...] = ()
    #: Where the JSON record refers to others: path -> target key.  "a[]" is a list of
    #: ids, "a[].b" the key b of each item of list a, "b" a single id.
    references: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Keys the dump writes that are computed from others (accepted, ignored on import).
    derived_keys: frozenset[str] = frozenset()
    name_key: str = "name"  # the key that names a record in messages
    trash: bool = False  # deleting from the window moves it to the trash
    dataset_file: str = ""  # its file in resources/data ("" if none is bundled)
    #: Names the collection had in files written by earlier versions (still read).
    former_keys: tuple[str, ...] = ()

    @property
    def label_fr(self) -> str:
        """The French singular with its article: "le partenaire", "l'organisation"."""
        noun = self.fr.singular
        if noun[0] in "aeéèêiouyh":
            return "l'" + noun
        return ("la " if self.fr.feminine else "le ") + noun

    @property
    def kind_fr(self) -> str:
        """The French singular as a list shows it: "Partenaire"."""
        return self.fr.singular[0].upper() + self.fr.singular[1:]

    def label(self, language: str) -> str:
        """The singular with its article in ``language``: "le partenaire", "the partner"."""
        return self.label_fr if language == "fr" else "the " + self.en.singular

    def noun(self, language: str) -> Noun:
        return self.fr if language == "fr" else self.en

    def counted(self, count: int, language: str) -> str:
        """ "1 partenaire", "10 000 contacts"; in English "1 partner", "10 000 contacts"."""
        if language == "fr":
            return self.counted_fr(count)
        noun = self.en.singular if abs(count) == 1 else self.en.plural
        return f"{number_fr(count)} {noun}"

    def counted_fr(self, count: int) -> str:
        """ "1 partenaire", "10 000 contacts" (French digit grouping)."""
        return counted_fr(count, self.fr.singular, self.fr.plural)

    @property
    def top_references(self) -> dict[str, tuple[str, bool]]:
        """The record's own reference keys: key -> (target, many); derived keys left out."""
        found: dict[str, tuple[str, bool]] = {}
        for path, target in self.references.items():
            if "." in path:
                continue
            key = path.removesuffix("[]")
            if key not in self.derived_keys:
                found[key] = (target, path.endswith("[]"))
        return found

    def export_column(self, key: str) -> ExportColumn | None:
        return next((c for c in self.export_columns if c.key == key), None)
