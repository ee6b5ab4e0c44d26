"""Small platypus helpers shared by the reports."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether


class KeepTogetherWhenShort(KeepTogether):
    """Keep flowables on one page, unless the page still has more than ``room`` left.

    Why: a heading must not end a page alone and a small table should not leave its total
    row on the next page, but a long table moved whole to the next page would leave a
    nearly empty one.  With more than ``room`` points left the content splits where it
    is (tables repeat their header rows); with less, it moves on as one block.
    """

    def __init__(self, flowables: list[Flowable], room: float) -> None:
        super().__init__(flowables)
        self.room = room

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        if self._H <= avail_height or avail_height > self.room:
            return list(self._content)
        return super().split(avail_width, avail_height)
