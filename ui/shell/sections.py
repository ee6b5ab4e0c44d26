"""The window's list sections, each built the first time it is asked for.

Building a section (its list, filters and record page with every form) costs about 70 ms;
the window shows one at a time, so it builds none at start (:class:`Sections`).  Looking
a section up by key builds it; iterating gives the sections built so far, which are the
only ones with anything to refresh, save or ask about (an unbuilt section reads its list
when it is first shown, and holds no edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..lists.section import Section, SectionSpec


class Sections:
    """Section by key (``sections["contacts"]``, ``key in sections``, ``get``), built on
    first access by ``build``; :meth:`values` and :meth:`items` list the built ones."""

    def __init__(self, specs: Iterable[SectionSpec], build: Callable[[SectionSpec], Section]):
        self.specs = {spec.key: spec for spec in specs}
        self._build = build
        self._built: dict[str, Section] = {}

    def __getitem__(self, key: str) -> Section:
        section = self._built.get(key)
        if section is None:
            spec = self.specs[key]  # KeyError for a key that is no section
            section = self._built[key] = self._build(spec)
        return section

    def get(self, key: str, default: Section | None = None) -> Section | None:
        return self[key] if key in self.specs else default

    def __contains__(self, key: object) -> bool:
        return key in self.specs

    def __iter__(self) -> Iterator[str]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def values(self) -> list[Section]:
        return list(self._built.values())

    def items(self) -> list[tuple[str, Section]]:
        return list(self._built.items())
