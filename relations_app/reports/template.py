"""The page frame of every report: header band, footer, "page x / y", PDF outline.

Why a ``BaseDocTemplate`` subclass: platypus lays out the flowing content, and the page
callbacks draw what belongs to the page rather than to the text (the band with the
document's title, the footer), so long texts and tables flow over pages without ever
running into them.  The page count is written once, at the end, in a PDF form that every
footer already refers to.  Headings flagged with ``outline_title`` (see
:meth:`.story_base.StoryBase.heading`) become PDF outline entries at their
``outline_level`` in ``afterFlowable``, and entries of a table of contents when the story
holds one: :meth:`ReportTemplate.build_with_toc` then lays the document out again until
the page numbers it lists are right (``multiBuild``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from . import styles
from .fonts import REGULAR, markup

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_BOTTOM = 20 * mm
BAND_HEIGHT = 34 * mm  # first page
SLIM_BAND_HEIGHT = 11 * mm  # following pages
GAP_BELOW_BAND = 7 * mm
FOOTER_Y = 11 * mm
FOOTER_SIZE = 7
PAGE_COUNT_FORM = "relationsPageCount"
TITLE_SIZES: tuple[float, ...] = (24, 20, 17, 14, 12)
LOGO_HEIGHT = 15 * mm  # at most, in the first page's band
LOGO_WIDTH = 42 * mm
LOGO_PADDING = 1.5 * mm

#: Compressed streams are written as binary, not also in ASCII85 text: a quarter smaller
#: and no encoding pass (every PDF reader takes binary streams; ReportLab reads this at
#: each save, for every report).
rl_config.useA85 = 0


@dataclass(frozen=True)
class Heading:
    """What the first page's band shows; plain text (escaped when drawn)."""

    title: str
    local_title: str = ""  # the name in its own spelling, beside the title
    subtitle: str = ""
    kicker: str = ""  # the small capitals above the title: what kind of document it is
    footer: str = ""  # left of the footer: issuer and contact, a line break, the date
    logo: bytes | None = None  # the office's logo (PNG), at the right of the first band


class PageCountCanvas(Canvas):
    """A canvas that draws the total page count into a form when the document is saved.

    The template starts it on the bundled font (``initialFontName``), so the PDF names
    no unembedded standard font.
    """

    def save(self) -> None:
        total = self.getPageNumber() - (0 if self._code else 1)
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(REGULAR, FOOTER_SIZE)
        self.setFillColor(styles.MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def fit_paragraph(
    text: str, style_name: str, width: float, height: float, sizes: tuple[float, ...] = TITLE_SIZES
) -> Paragraph:
    """The largest size at which ``text`` fits the box; shortened with "…" at the smallest."""
    base = styles.stylesheet()[style_name]
    for size in sizes:
        style = base.clone(f"{style_name}{size}", fontSize=size, leading=size * 1.15)
        paragraph = Paragraph(markup(text, base.fontName), style)
        if paragraph.wrap(width, height)[1] <= height:
            return paragraph
    while len(text) > 1:
        text = text[: max(1, int(len(text) * 0.8))].rstrip() + "…"
        paragraph = Paragraph(markup(text, base.fontName), style)
        if paragraph.wrap(width, height)[1] <= height:
            return paragraph
    return paragraph


class ReportTemplate(BaseDocTemplate):
    """A4 portrait, a navy band on top of each page, a footer with the page count.

    The PDF declares its language (``/Lang fr-FR`` unless ``lang`` says otherwise) and
    asks readers to show its title rather than its file name.  ReportLab writes no
    structure tree: the document is not a tagged PDF, its reading order is the order of
    the text drawn (the flow of the story, then the page's band and footer).
    """

    #: Sizes tried, largest first, for the title in the first page's band.
    title_sizes: tuple[float, ...] = TITLE_SIZES

    def __init__(
        self,
        target,
        heading: Heading,
        *,
        invariant: bool = False,
        first_band_height: float = BAND_HEIGHT,
        **kwargs,
    ) -> None:
        self.heading = heading
        self.first_band_height = first_band_height
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=first_band_height + GAP_BELOW_BAND,
            bottomMargin=MARGIN_BOTTOM,
            title=heading.title,
            invariant=int(invariant),
            initialFontName=REGULAR,
            lang=kwargs.pop("lang", "fr-FR"),
            displayDocTitle=1,
            **kwargs,
        )
        width = PAGE_WIDTH - 2 * MARGIN_X
        first = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width,
            PAGE_HEIGHT - first_band_height - GAP_BELOW_BAND - MARGIN_BOTTOM,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width,
            PAGE_HEIGHT - SLIM_BAND_HEIGHT - GAP_BELOW_BAND - MARGIN_BOTTOM,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    "first", [first], onPage=self.draw_first_page, autoNextPageTemplate="later"
                ),
                PageTemplate("later", [later], onPage=self.draw_later_page),
            ]
        )
        self._outline_count = 0
        self._fitted: dict[tuple, Paragraph] = {}

    def fitted(
        self, text: str, style_name: str, width: float, height: float, sizes: tuple[float, ...]
    ) -> Paragraph:
        """:func:`fit_paragraph`, once per document for what every page repeats (the slim
        band, the footer's lines): a paragraph is drawn again as often as needed."""
        key = (text, style_name, width, height, sizes)
        if key not in self._fitted:
            self._fitted[key] = fit_paragraph(text, style_name, width, height, sizes)
        return self._fitted[key]

    @property
    def content_width(self) -> float:
        return PAGE_WIDTH - 2 * MARGIN_X

    def build(self, flowables: list, **kwargs) -> None:
        super().build(flowables, canvasmaker=PageCountCanvas, **kwargs)

    def last_page_fill(self) -> float:
        """After a build, the share of the last page's frame that its content uses."""
        frame = self.frame
        top = frame._y2 - frame._topPadding
        return max(0.0, min(1.0, (top - frame._y) / (top - frame._y1p)))

    def build_with_toc(self, flowables: list, max_passes: int = 10) -> int:
        """Build as many times as a table of contents needs to list the right pages."""
        return self.multiBuild(flowables, maxPasses=max_passes)

    def beforeDocument(self) -> None:
        """Each pass of a build starts its bookmarks afresh."""
        self._outline_count = 0

    # -- page callbacks ------------------------------------------------------------------

    def draw_band(self, canvas: Canvas) -> None:
        """The first page's navy band with its accent line."""
        band = self.first_band_height
        canvas.setFillColor(styles.NAVY)
        canvas.rect(0, PAGE_HEIGHT - band, PAGE_WIDTH, band, stroke=0, fill=1)
        canvas.setFillColor(styles.ACCENT)
        canvas.rect(0, PAGE_HEIGHT - band, PAGE_WIDTH, 1.2 * mm, stroke=0, fill=1)

    def draw_kicker(self, canvas: Canvas, top: float) -> float:
        """The small capitals at the top of the band; returns the height left below them."""
        if not self.heading.kicker:
            return top
        style = styles.stylesheet()["BandKicker"]
        kicker = Paragraph(markup(self.heading.kicker.upper(), style.fontName), style)
        kh = kicker.wrap(self.content_width, 20)[1]
        kicker.drawOn(canvas, MARGIN_X, top - kh)
        return top - kh - 1.5 * mm

    def draw_logo(self, canvas: Canvas, top: float) -> float:
        """The office's logo on a white tile at the band's right; the width it takes."""
        if not self.heading.logo:
            return 0.0
        try:
            image = ImageReader(io.BytesIO(self.heading.logo))
            iw, ih = image.getSize()
        except Exception:  # a logo ReportLab cannot read is left out, never fatal
            return 0.0
        scale = min(LOGO_HEIGHT / ih, LOGO_WIDTH / iw)
        w, h = iw * scale, ih * scale
        x, y = PAGE_WIDTH - MARGIN_X - w, top - h
        canvas.setFillColor(styles.WHITE)
        canvas.roundRect(
            x - LOGO_PADDING,
            y - LOGO_PADDING,
            w + 2 * LOGO_PADDING,
            h + 2 * LOGO_PADDING,
            1.2 * mm,
            stroke=0,
            fill=1,
        )
        canvas.drawImage(image, x, y, w, h, mask="auto")
        return w + 2 * LOGO_PADDING + 4 * mm

    def draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self.draw_band(canvas)
        band = self.first_band_height
        width = self.content_width - self.draw_logo(canvas, PAGE_HEIGHT - 6 * mm)
        h = self.heading
        top = self.draw_kicker(canvas, PAGE_HEIGHT - 7 * mm)
        subtitle = None
        sub_height = 0.0
        if h.subtitle:
            subtitle = fit_paragraph(h.subtitle, "BandSubtitle", width, 14, sizes=(10, 9, 8))
            sub_height = subtitle.wrap(width, 14)[1]
        title_text = h.title
        if h.local_title and h.local_title != h.title:
            title_text += f"  ·  {h.local_title}"
        room = top - (PAGE_HEIGHT - band + 3.5 * mm) - sub_height - 1 * mm
        title = fit_paragraph(title_text, "BandTitle", width, room, sizes=self.title_sizes)
        th = title.wrap(width, room)[1]
        title.drawOn(canvas, MARGIN_X, top - th)
        if subtitle is not None:
            subtitle.drawOn(canvas, MARGIN_X, top - th - 1 * mm - sub_height)
        canvas.restoreState()
        self.draw_footer(canvas, doc)

    def draw_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(styles.NAVY)
        canvas.rect(
            0, PAGE_HEIGHT - SLIM_BAND_HEIGHT, PAGE_WIDTH, SLIM_BAND_HEIGHT, stroke=0, fill=1
        )
        text = self.heading.title + (f" — {self.heading.kicker}" if self.heading.kicker else "")
        band = self.fitted(text, "BandSlim", self.content_width, 11, (8.5, 7.5, 6.5))
        bh = band.wrap(self.content_width, 11)[1]
        band.drawOn(canvas, MARGIN_X, PAGE_HEIGHT - SLIM_BAND_HEIGHT / 2 - bh / 2 - 1)
        canvas.restoreState()
        self.draw_footer(canvas, doc)

    def draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        right = PAGE_WIDTH - MARGIN_X
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_Y + 3.5 * mm, right, FOOTER_Y + 3.5 * mm)
        label = f"page {doc.page} / "
        reserve = stringWidth("999", REGULAR, FOOTER_SIZE)
        x = right - reserve - stringWidth(label, REGULAR, FOOTER_SIZE)
        room = x - MARGIN_X - 6 * mm
        for index, line in enumerate(self.heading.footer.splitlines()[:2]):
            footer = self.fitted(line, "Footer", room, 10, (7, 6.5, 6, 5.5))
            footer.wrap(room, 10)
            footer.drawOn(canvas, MARGIN_X, FOOTER_Y - index * 8.5)
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.setFillColor(styles.MUTED)
        canvas.drawString(x, FOOTER_Y + 1.2, label)
        canvas.translate(x + stringWidth(label, REGULAR, FOOTER_SIZE), FOOTER_Y + 1.2)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()

    # -- outline ---------------------------------------------------------------------------

    def afterFlowable(self, flowable) -> None:
        title = getattr(flowable, "outline_title", None)
        if title:
            self._outline_count += 1
            key = f"section-{self._outline_count}"
            level = getattr(flowable, "outline_level", 0)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            if getattr(flowable, "in_toc", False):
                # A table of contents prints its entries as Paragraph markup: escaped here.
                self.notify("TOCEntry", (level, markup(title, REGULAR), self.page, key))
