"""One editor per record type: the registry the sections read.

Each page lives in a module of its own (``partner_editor``, ``programme_editor``,
``directory_editors``, ``delegation_editor``) and names its own ``collection``.
"""

from __future__ import annotations

from .delegation_editor import DelegationEditor
from .directory_editors import ConsulateEditor, ContactEditor, OrganisationEditor, PostEditor
from .editor import RecordEditor
from .partner_editor import EventDialog, PartnerEditor
from .programme_editor import ProgrammeEditor

#: record type key -> the page that edits it (each editor names its own ``collection``).
EDITORS: dict[str, type[RecordEditor]] = {
    editor.collection: editor
    for editor in (
        PartnerEditor,
        ProgrammeEditor,
        OrganisationEditor,
        ContactEditor,
        PostEditor,
        ConsulateEditor,
        DelegationEditor,
    )
}

__all__ = ["EDITORS", "EventDialog"]
