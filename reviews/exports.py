"""The thematic review pack, as DOCX (python-docx) and PDF (reportlab).

``collect_review_pack`` reads the database once into plain data; the
renderers take only that plain data, so they can be tested and benchmarked
without a database. Every count that describes reports passes through
``shown_count`` here, before any renderer sees it: a renderer cannot print a
small number it was never given. Charts leave out categories below the
threshold for the same reason (a bar's length would give the number away).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from reporting.choices import ContributingFactor, LearningTogether, WestrumOrientation
from reporting.models import Report
from reviews.models import ActionStatus, ThematicReview

Progress = Callable[[int], None]

EXCERPT_CHARS = 320
MAX_EVIDENCE_EXCERPTS = 6


def shown_count(count: int, threshold: int | None = None) -> str:
    """A count as it may appear in a pack: "fewer than 5" below the threshold."""
    limit = settings.SUPPRESSION_THRESHOLD if threshold is None else threshold
    return f"fewer than {limit}" if 0 < count < limit else f"{count:,}"


@dataclass(frozen=True)
class ChartSeries:
    """A chart's categories, already filtered: only counts at or above the
    threshold survive; ``hidden`` says how many categories were left out."""

    title: str
    bars: tuple[tuple[str, int], ...]
    hidden: int


def chart_series(title: str, counts: Sequence[tuple[str, int]], threshold: int) -> ChartSeries:
    bars = tuple((label, n) for label, n in counts if n >= threshold)
    hidden = sum(1 for _, n in counts if 0 < n < threshold)
    return ChartSeries(title=title, bars=bars, hidden=hidden)


@dataclass(frozen=True)
class PackTheme:
    title: str
    size: str  # suppressed
    keywords: tuple[str, ...]
    excerpts: tuple[str, ...]


@dataclass(frozen=True)
class PackAction:
    description: str
    owner: str
    due: str
    status: str
    overdue: bool
    evidence: str


@dataclass(frozen=True)
class ReviewPack:
    """Everything a pack shows, as plain, already-suppressed data."""

    title: str
    panel: str
    started: str
    status: str
    generated: str
    terms_of_reference: str
    evidence_reports: str  # suppressed count
    threshold: int
    questions: tuple[tuple[str, str], ...] = ()
    themes: tuple[PackTheme, ...] = ()
    excerpts: tuple[str, ...] = ()
    charts: tuple[ChartSeries, ...] = ()
    findings: tuple[tuple[str, str], ...] = ()  # (Learning Together pattern, text)
    factors: tuple[tuple[str, str], ...] = ()  # (category, description)
    recommendations: tuple[str, ...] = ()
    actions: tuple[PackAction, ...] = ()
    notes: tuple[str, ...] = field(default=())


def _excerpt_text(item: Any) -> str:
    if isinstance(item, dict):
        item = item.get("text") or item.get("excerpt") or ""
    text = " ".join(str(item).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"


def collect_review_pack(review: ThematicReview) -> ReviewPack:
    """Read one review into a ``ReviewPack``. Narratives are already
    de-identified when stored; only short excerpts are carried."""
    threshold = settings.SUPPRESSION_THRESHOLD
    themes = list(review.themes.all())
    evidence = list(
        Report.objects.filter(thematic_reviews=review).values_list(
            "narrative", "learning_together", "westrum_orientation", "contributing_factors"
        )
    )
    lt_counts = Counter(lt for _, lt, _, _ in evidence if lt)
    orientation_counts = Counter(o for _, _, o, _ in evidence if o)
    factor_counts = Counter(f for *_, factors in evidence for f in (factors or []))
    charts = (
        chart_series(
            "Learning Together patterns in the evidence",
            [(label, lt_counts.get(value, 0)) for value, label in LearningTogether.choices],
            threshold,
        ),
        chart_series(
            "Westrum culture signals in the evidence",
            [(label, orientation_counts.get(value, 0)) for value, label in WestrumOrientation.choices],
            threshold,
        ),
        chart_series(
            "Contributing factors reporters named",
            [(label, factor_counts.get(value, 0)) for value, label in ContributingFactor.choices],
            threshold,
        ),
    )
    today = timezone.localdate()
    # Evidence excerpts only when the evidence is big enough that one report
    # cannot be singled out by the reader; theme excerpts come from the engine.
    evidence_excerpts = (
        tuple(_excerpt_text(narrative) for narrative, *_ in evidence[:MAX_EVIDENCE_EXCERPTS])
        if len(evidence) >= threshold
        else ()
    )
    return ReviewPack(
        title=review.title,
        panel=review.panel.name,
        started=review.started_at.date().isoformat(),
        status=review.get_status_display(),
        generated=timezone.localdate().isoformat(),
        terms_of_reference=review.terms_of_reference,
        evidence_reports=shown_count(len(evidence), threshold),
        threshold=threshold,
        questions=tuple((q.text, q.answer) for q in review.questions.all()),
        themes=tuple(
            PackTheme(
                title=t.title,
                size=shown_count(t.size, threshold),
                keywords=tuple(str(k) for k in (t.keywords or [])[:8]),
                excerpts=tuple(_excerpt_text(e) for e in (t.excerpts or [])[:3]) if t.size >= threshold else (),
            )
            for t in themes
        ),
        excerpts=evidence_excerpts,
        charts=charts,
        findings=tuple((f.get_learning_together_display(), f.text) for f in review.findings.all()),
        factors=tuple((f.get_category_display(), f.description) for f in review.factors.all()),
        recommendations=tuple(r.text for r in review.recommendations.all()),
        actions=tuple(
            PackAction(
                description=a.description,
                owner=a.owner,
                due=a.due_date.isoformat(),
                status=a.get_status_display(),
                overdue=a.status not in (ActionStatus.DONE, ActionStatus.CANCELLED) and a.due_date < today,
                evidence=a.evidence_of_completion,
            )
            for a in review.actions.all()
        ),
    )


# --- charts ---------------------------------------------------------------------------------


def render_chart_png(series: ChartSeries) -> bytes | None:
    """A horizontal bar chart as PNG bytes, or None when nothing may be shown.
    Values are written on the bars; there is no numeric axis to read small
    counts from."""
    if not series.bars:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [label if len(label) <= 40 else label[:39] + "…" for label, _ in series.bars]
    values = [n for _, n in series.bars]
    figure = Figure(figsize=(6.4, 0.45 * len(labels) + 1.0), dpi=120)
    axes = figure.subplots()
    positions = list(range(len(labels)))
    axes.barh(positions, values, color="#1d70b8")
    axes.set_yticks(positions, labels=labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xticks([])
    for spine in ("top", "right", "bottom"):
        axes.spines[spine].set_visible(False)
    for y, value in zip(positions, values, strict=True):
        axes.text(value, y, f" {value:,}", va="center", fontsize=8)
    axes.set_title(series.title, fontsize=10, loc="left")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _hidden_note(series: ChartSeries, threshold: int) -> str:
    if not series.bars:
        return f"{series.title}: not shown, every category has fewer than {threshold} reports."
    if series.hidden:
        return f"Categories with fewer than {threshold} reports are not shown."
    return ""


# --- DOCX -------------------------------------------------------------------------------------


def render_docx(pack: ReviewPack, progress: Progress | None = None) -> bytes:
    from docx import Document
    from docx.shared import Inches

    report = progress or (lambda _: None)
    document = Document()
    document.add_heading(pack.title, level=0)
    document.add_paragraph(
        f"Thematic review by {pack.panel}. Started {pack.started}; status: {pack.status}. "
        f"Pack generated {pack.generated}."
    )
    document.add_paragraph(
        f"Counts below {pack.threshold} are shown as “fewer than {pack.threshold}” so that no reporter can be "
        "identified. Excerpts are de-identified."
    )
    document.add_heading("Terms of reference", level=1)
    document.add_paragraph(pack.terms_of_reference or "Not yet written.")
    document.add_heading("Review questions", level=1)
    for question, answer in pack.questions:
        document.add_paragraph(question, style="List Number")
        document.add_paragraph(answer or "Not yet answered.")
    if not pack.questions:
        document.add_paragraph("No questions recorded.")
    report(20)

    document.add_heading("Themes and evidence", level=1)
    document.add_paragraph(f"Reports linked as evidence: {pack.evidence_reports}.")
    for theme in pack.themes:
        document.add_heading(theme.title, level=2)
        document.add_paragraph(f"Reports in theme: {theme.size}.")
        if theme.keywords:
            document.add_paragraph("Keywords: " + ", ".join(theme.keywords))
        for excerpt in theme.excerpts:
            document.add_paragraph(excerpt, style="Intense Quote")
    if pack.excerpts:
        document.add_heading("Excerpts from the evidence", level=2)
        for excerpt in pack.excerpts:
            document.add_paragraph(excerpt, style="Intense Quote")
    report(40)

    document.add_heading("Charts", level=1)
    for series in pack.charts:
        png = render_chart_png(series)
        if png is not None:
            document.add_picture(io.BytesIO(png), width=Inches(6))
        note = _hidden_note(series, pack.threshold)
        if note:
            document.add_paragraph(note)
    report(70)

    document.add_heading("Findings", level=1)
    for pattern, text in pack.findings:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{pattern}: ").bold = True
        paragraph.add_run(text)
    if not pack.findings:
        document.add_paragraph("No findings recorded yet.")
    document.add_heading("Systemic contributory factors", level=1)
    for category, description in pack.factors:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{category}: ").bold = True
        paragraph.add_run(description)
    if not pack.factors:
        document.add_paragraph("None recorded yet.")
    document.add_heading("Recommendations", level=1)
    for text in pack.recommendations:
        document.add_paragraph(text, style="List Number")
    if not pack.recommendations:
        document.add_paragraph("None recorded yet.")

    document.add_heading("Actions", level=1)
    if pack.actions:
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, heading in zip(
            table.rows[0].cells,
            ("Action", "Owner (role or team)", "Due", "Status", "Evidence of completion"),
            strict=True,
        ):
            cell.text = heading
        for action in pack.actions:
            cells = table.add_row().cells
            cells[0].text = action.description
            cells[1].text = action.owner
            cells[2].text = action.due
            cells[3].text = action.status + (" (overdue)" if action.overdue else "")
            cells[4].text = action.evidence
    else:
        document.add_paragraph("No actions recorded yet.")
    report(90)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------------


_LONG_WORD = re.compile(r"\S{40}")


def _breakable(text: str) -> str:
    """``text`` with a space after every 40 characters of an unbroken run, so a
    pasted URL or a word thousands of characters long wraps in a narrow table
    cell instead of overflowing it (reportlab only wraps at spaces there)."""
    return _LONG_WORD.sub(lambda m: m.group(0) + " ", text)


def render_pdf(pack: ReviewPack, progress: Progress | None = None) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, ListFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    report = progress or (lambda _: None)
    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Heading1"], styles["Heading2"]
    quote = styles["Italic"]

    def para(text: str, style: Any = body) -> Paragraph:
        return Paragraph(escape(_breakable(text)).replace("\n", "<br/>"), style)

    story: list[Any] = [
        para(pack.title, styles["Title"]),
        para(
            f"Thematic review by {pack.panel}. Started {pack.started}; status: {pack.status}. "
            f"Pack generated {pack.generated}."
        ),
        para(
            f"Counts below {pack.threshold} are shown as “fewer than {pack.threshold}” so that no reporter can be "
            "identified. Excerpts are de-identified."
        ),
        para("Terms of reference", h1),
        para(pack.terms_of_reference or "Not yet written."),
        para("Review questions", h1),
    ]
    for number, (question, answer) in enumerate(pack.questions, start=1):
        story += [para(f"{number}. {question}", styles["Heading4"]), para(answer or "Not yet answered.")]
    if not pack.questions:
        story.append(para("No questions recorded."))
    report(20)

    story += [para("Themes and evidence", h1), para(f"Reports linked as evidence: {pack.evidence_reports}.")]
    for theme in pack.themes:
        story += [para(theme.title, h2), para(f"Reports in theme: {theme.size}.")]
        if theme.keywords:
            story.append(para("Keywords: " + ", ".join(theme.keywords)))
        story += [para(f"“{e}”", quote) for e in theme.excerpts]
    if pack.excerpts:
        story.append(para("Excerpts from the evidence", h2))
        story += [para(f"“{e}”", quote) for e in pack.excerpts]
    report(40)

    story.append(para("Charts", h1))
    for series in pack.charts:
        png = render_chart_png(series)
        if png is not None:
            width, height = ImageReader(io.BytesIO(png)).getSize()
            story.append(Image(io.BytesIO(png), width=16 * cm, height=16 * cm * height / width))
        note = _hidden_note(series, pack.threshold)
        if note:
            story.append(para(note))
        story.append(Spacer(1, 0.3 * cm))
    report(70)

    story.append(para("Findings", h1))
    story.append(
        ListFlowable([para(f"{pattern}: {text}") for pattern, text in pack.findings], bulletType="bullet")
        if pack.findings
        else para("No findings recorded yet.")
    )
    story.append(para("Systemic contributory factors", h1))
    story.append(
        ListFlowable([para(f"{c}: {d}") for c, d in pack.factors], bulletType="bullet")
        if pack.factors
        else para("None recorded yet.")
    )
    story.append(para("Recommendations", h1))
    story.append(
        ListFlowable([para(t) for t in pack.recommendations], bulletType="1")
        if pack.recommendations
        else para("None recorded yet.")
    )
    story.append(para("Actions", h1))
    if pack.actions:
        small = styles["BodyText"].clone("small", fontSize=8, leading=10)
        rows = [[para(h, small) for h in ("Action", "Owner (role or team)", "Due", "Status", "Evidence")]]
        rows += [
            [
                para(a.description, small),
                para(a.owner, small),
                para(a.due, small),
                para(a.status + (" (overdue)" if a.overdue else ""), small),
                para(a.evidence, small),
            ]
            for a in pack.actions
        ]
        # splitInRow: a row taller than a page (a very long action) continues on
        # the next page instead of failing the whole pack with a LayoutError.
        table = Table(rows, colWidths=[5.5 * cm, 3.5 * cm, 2 * cm, 2.5 * cm, 3.5 * cm], repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(para("No actions recorded yet."))
    report(90)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=pack.title, author="Lantern").build(story)
    return buffer.getvalue()


RENDERERS: dict[str, Callable[[ReviewPack, Progress | None], bytes]] = {"docx": render_docx, "pdf": render_pdf}
