"""The full JSON dump: lossless export, and import that merges by id or changes nothing.

The format is documented in ``docs/json-format.md``.  One module per step:
:mod:`.document` (the document's shape, from the record types' declarations),
:mod:`.dump` (export), :mod:`.reading` (a record at a time, from a file or memory),
:mod:`.checking` (every field, identifier and reference checked, nothing written: the
preview) and :mod:`.applying` (the checked records written in one transaction).
"""

from .applying import BULK_INDEXING, apply_plan, import_document, import_file
from .checking import MAX_ERRORS, Plan, validate_document, validate_file
from .document import (
    COLLECTION_KEYS,
    EXPORT_ORDER,
    FORMAT,
    NOT_RELATIONS,
    VERSION,
    ImportFileError,
    ImportSummary,
    collection_name,
    counted,
    counted_list,
    iter_references,
    remap_ids,
)
from .dump import (
    dumps,
    export_document,
    export_to_file,
    iter_collection,
    write_atomically,
    write_document,
)
from .reading import Items, Progress, check_header, document_items, file_items, read_document

__all__ = [
    "BULK_INDEXING",
    "COLLECTION_KEYS",
    "EXPORT_ORDER",
    "FORMAT",
    "MAX_ERRORS",
    "NOT_RELATIONS",
    "VERSION",
    "ImportFileError",
    "ImportSummary",
    "Items",
    "Plan",
    "Progress",
    "apply_plan",
    "check_header",
    "collection_name",
    "counted",
    "counted_list",
    "document_items",
    "dumps",
    "export_document",
    "export_to_file",
    "file_items",
    "import_document",
    "import_file",
    "iter_collection",
    "iter_references",
    "read_document",
    "remap_ids",
    "validate_document",
    "validate_file",
    "write_atomically",
    "write_document",
]
