"""A bench of printed layouts, made at run time: two and three columns, a sidebar, footnotes (one
running over a page), a money table over a page break, a cover and a contents page, a title over
three lines, running heads with the page number on alternate sides, and a date inside a sentence.

Each layout gives its PDF and what a reader must get back: the sentences, in order, the title, the
date and the running heads that must not reach the body. Made with reportlab, fpdf2 and Chromium,
so that the reading is not tuned to one producer's way of writing a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from papers import print_pdf

PROSE = [
    [
        "The Department for Education will spend £1.5 million a year on the programme from April "
        "2013.",
        "Councils that take part must publish how many families they reached within six months.",
        "The money is paid in two instalments, the second only once the first report has been "
        "read.",
        "Officials expect most of the grant to reach schools in the north of England.",
    ],
    [
        "An earlier pilot in twelve areas found that early help reduced the number of children in "
        "care.",
        "The evaluation compared each pilot area with a similar area that had no extra funding.",
        "Families said that a single named worker made the greatest difference to them.",
        "The pilot cost £4.2 million over two years and was extended for a third.",
    ],
    [
        "Local authorities have asked for longer settlements so that they can plan beyond one "
        "year.",
        "The department has agreed to set out allocations for three years in the next spending "
        "review.",
        "Until then, each council will be told its share by the end of February.",
        "Smaller councils may pool their allocations if they agree a joint plan.",
    ],
    [
        "The Treasury has capped the total cost of the scheme at £250 million over the parliament.",
        "Any underspend in one year may be carried into the next, but not beyond the cap.",
        "Ministers will review the scheme after two years and report to Parliament on its results.",
        "The review will look in particular at whether the money reached the poorest areas.",
    ],
    [
        "Charities working with young carers will be able to bid for a separate fund of £8 "
        "million.",
        "Bids must show how the charity will work with schools and with the local council.",
        "The fund opens in the summer and closes at the end of October.",
        "Grants will range from £20,000 to £150,000 for each successful bid.",
    ],
    [
        "The committee heard evidence from council leaders, head teachers and parents' groups.",
        "Several witnesses warned that the formula did not reflect the cost of rural transport.",
        "The minister told the committee that the formula would be revised before the next round.",
        "We recommend that the revised formula is published in draft for consultation.",
    ],
    [
        "Capital funding for new school places rose to £2.4 billion in the last financial year.",
        "Most of the new places are in primary schools in fast-growing towns.",
        "The department publishes each council's allocation alongside its forecast of pupil "
        "numbers.",
        "Where a council's forecast proves too high, the next year's allocation is reduced.",
    ],
    [
        "The health service will receive an extra £3 billion for mental health by the end of the "
        "decade.",
        "Half of the money is for services for children and young people.",
        "Clinical commissioning groups must show that their own spending on mental health is "
        "rising.",
        "The regulator will check each group's plan before the money is released.",
    ],
    [
        "Transport authorities in the six largest city regions will share a fund of £1.2 billion.",
        "Each region must match a fifth of its share from local sources.",
        "The first schemes are expected to open to passengers within three years.",
        "Regions that fall behind their plans may lose part of their share to others.",
    ],
    [
        "The housing programme aims to build 250,000 affordable homes over ten years.",
        "Housing associations will receive grants of up to £60,000 for each home.",
        "Councils may also bid for the first time since the programme began.",
        "Homes for social rent will receive a higher rate of grant than shared ownership homes.",
    ],
]
RUNNING_TITLE = "Funding for families and schools"


@dataclass
class Layout:
    """A made PDF and what must come out of it."""

    name: str
    path: Path
    sentences: list[str]
    title: str
    date: str  # ISO, as precise as printed
    heads: list[str] = field(default_factory=list)  # running heads and feet, numbers left out
    notes: list[str] = field(
        default_factory=list
    )  # set apart (footnotes, boxes): intact, any place


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body", fontName="Times-Roman", fontSize=10, leading=12.5, spaceAfter=6, alignment=4
    )
    title = ParagraphStyle(
        "title", fontName="Helvetica-Bold", fontSize=22, leading=26, spaceAfter=10
    )
    small = ParagraphStyle("small", fontName="Helvetica", fontSize=7.5, leading=9, spaceAfter=6)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceAfter=4)
    return body, title, small, head


def _heads(canvas, doc, title: str) -> None:
    """A running head with the page number on the outer side: left on even pages, right on odd."""
    from reportlab.lib.pagesizes import A4

    width, height = A4
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    number = canvas.getPageNumber()
    if number > 1:
        if number % 2:
            canvas.drawRightString(width - 50, height - 35, f"{title}   {number}")
        else:
            canvas.drawString(50, height - 35, f"{number}   {title}")
    canvas.restoreState()


def reportlab_columns(out: Path, columns: int) -> Layout:
    """A briefing in two or three columns under a title over three lines, with a chart note."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    body, title_style, small, head = _styles()
    width, height = A4
    margin, gutter = 50, 18
    column = (width - 2 * margin - (columns - 1) * gutter) / columns
    top = height - 60
    first = [Frame(margin, height - 230, width - 2 * margin, 170, id="title")]
    first += [
        Frame(margin + i * (column + gutter), 50, column, height - 290, id=f"c{i}")
        for i in range(columns)
    ]
    later = [
        Frame(margin + i * (column + gutter), 50, column, top - 60, id=f"l{i}")
        for i in range(columns)
    ]
    title = "Funding for families: the removal of the ring-fence from the early intervention grant"
    doc = BaseDocTemplate(str(out), pagesize=A4, title="briefing.docx")
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                first,
                onPage=lambda c, d: _heads(c, d, RUNNING_TITLE),
                autoNextPageTemplate="later",
            ),
            PageTemplate("later", later, onPage=lambda c, d: _heads(c, d, RUNNING_TITLE)),
        ]
    )
    story = [
        Paragraph(title, title_style),
        Paragraph("Briefing, 10 April 2013", body),
        FrameBreak(),
    ]
    sentences = []
    for n, paragraph in enumerate(PROSE):
        if n and n % 3 == 0:
            story.append(Paragraph(f"Section {n // 3}: what the money is for", head))
        story.append(Paragraph(" ".join(paragraph), body))
        sentences += paragraph
        if n == 1:
            story.append(
                Paragraph(
                    "Source: Department for Education, spending plans 2013-14, table 4.", small
                )
            )
    doc.build(story)
    return Layout(
        f"reportlab {columns} columns", out, sentences, title, "2013-04-10", [RUNNING_TITLE]
    )


def reportlab_sidebar(out: Path) -> Layout:
    """A single column of text with a boxed sidebar beside it on the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    body, title_style, small, head = _styles()
    width, height = A4
    box_text = (
        "Key facts. The fund is worth £8 million. It opens in the summer. "
        "Charities of any size may bid."
    )

    def sidebar(canvas, doc) -> None:
        _heads(canvas, doc, "Young carers fund")
        if canvas.getPageNumber() == 1:
            canvas.saveState()
            canvas.setStrokeColorRGB(0.2, 0.2, 0.5)
            canvas.rect(width - 210, height - 420, 160, 200, stroke=1, fill=0)
            frame = Frame(width - 205, height - 415, 150, 190, showBoundary=0)
            frame.addFromList([Paragraph(box_text, body)], canvas)
            canvas.restoreState()

    main = [Frame(50, 50, width - 280, height - 110, id="main")]
    later = [Frame(50, 50, width - 100, height - 110, id="full")]
    title = "Young carers: a fund for charities that work with schools"
    doc = BaseDocTemplate(str(out), pagesize=A4, title="Young carers fund")
    doc.addPageTemplates(
        [
            PageTemplate("first", main, onPage=sidebar, autoNextPageTemplate="later"),
            PageTemplate("later", later, onPage=sidebar),
        ]
    )
    story = [
        Paragraph(title, title_style),
        Paragraph("Published in Spring 2019 by the department.", body),
    ]
    sentences = []
    for paragraph in PROSE[4:9]:
        story.append(Paragraph(" ".join(paragraph), body))
        sentences += paragraph
    doc.build(story)
    return Layout(
        "reportlab sidebar box",
        out,
        sentences,
        title,
        "2019",
        ["Young carers fund"],
        ["The fund is worth £8 million.", "Charities of any size may bid."],
    )


def reportlab_footnotes(out: Path) -> Layout:
    """Running text with numbered footnotes at the foot of each page, one running on to the next."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    body, title_style, small, head = _styles()
    width, height = A4
    notes = {
        1: ["1 The figures are in cash terms and are not adjusted for inflation."],
        2: [
            "2 The committee took oral evidence on three days in the autumn. The written evidence "
            "received from councils, schools, charities and parents' groups is published on the "
            "committee's website and in a separate volume alongside this report, together"
        ],
        3: [
            "with the minister's letter of 4 March setting out the revised formula.",
            "3 Allocations for each council are listed in the annex to the department's letter.",
        ],
    }

    def foot(canvas, doc) -> None:
        _heads(canvas, doc, "Funding formula report")
        lines = notes.get(canvas.getPageNumber(), [])
        frame = Frame(50, 40, width - 100, 90, showBoundary=0)
        canvas.saveState()
        canvas.line(50, 132, 180, 132)
        frame.addFromList([Paragraph(text, small) for text in lines], canvas)
        canvas.restoreState()

    frames = [Frame(50, 140, width - 100, height - 200, id="text")]
    title = "The schools funding formula"
    doc = BaseDocTemplate(str(out), pagesize=A4, title=title)
    doc.addPageTemplates([PageTemplate("page", frames, onPage=foot)])
    story = [Paragraph(title, title_style), Paragraph("Report of the committee, April 2013", body)]
    sentences = []
    for n, paragraph in enumerate(PROSE * 3):
        # Footnote marks raised in small type after a full stop, as committee reports set them.
        marked = [
            s + (f"<super>{n % 3 + 1}</super>" if i == 1 else "") for i, s in enumerate(paragraph)
        ]
        story.append(Paragraph(" ".join(marked), body))
    sentences = [s for p in PROSE for s in p]
    doc.build(story)
    note_sentences = [
        "The figures are in cash terms and are not adjusted for inflation.",
        "The written evidence received from councils, schools, charities and parents' groups is "
        "published on the committee's website and in a separate volume alongside this report, "
        "together with the minister's letter of 4 March setting out the revised formula.",
        "Allocations for each council are listed in the annex to the department's letter.",
    ]
    return Layout(
        "reportlab footnotes",
        out,
        sentences,
        title,
        "2013-04",
        ["Funding formula report"],
        note_sentences,
    )


TABLE_ROWS = [
    (f"{name}", f"{a:.1f}", f"{b:.1f}")
    for name, a, b in [
        ("Grants to councils", 13.7, 14.2),
        ("Early years", 4.1, 4.4),
        ("School places", 22.5, 23.0),
        ("Transport", 6.3, 6.0),
        ("Youth services", 1.9, 2.1),
        ("Mental health", 8.8, 9.5),
        ("Housing", 12.0, 12.6),
        ("Skills", 3.3, 3.5),
    ]
] * 5


def fpdf_table(out: Path) -> Layout:
    """A table of money in £ million, ruled, running over a page break, between paragraphs."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title("Spending plans 2024-25")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(
        0, 9, "Spending plans 2024-25: grants to local government", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, "Policy paper, March 2024", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    sentences = PROSE[0] + PROSE[3]
    pdf.multi_cell(0, 6, " ".join(PROSE[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(0, 6, "Table 1: Grants by service (£ million)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    with pdf.table(col_widths=(90, 40, 40), text_align=("LEFT", "RIGHT", "RIGHT")) as table:
        table.row(["Service", "2024-25", "2025-26"])
        for row in TABLE_ROWS:
            table.row(list(row))
    pdf.set_font("Times", "", 11)
    pdf.ln(3)
    pdf.multi_cell(0, 6, " ".join(PROSE[3]), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return Layout(
        "fpdf2 money table over a page break",
        out,
        sentences,
        "Spending plans 2024-25: grants to local government",
        "2024-03",
    )


CHROMIUM_REPORT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>report</title>
<style>
@page {{ size: A4; margin: 22mm 20mm; }}
@page :left {{ @top-left {{ content: counter(page) "  {head}"; font: 8pt sans-serif; }} }}
@page :right {{ @top-right {{ content: "{head}  " counter(page); font: 8pt sans-serif; }} }}
@page :first {{ @top-right {{ content: none; }} }}
body {{ font: 10.5pt/1.4 serif; }}
.cover h1 {{ font: bold 26pt/1.2 sans-serif; margin-top: 70mm; width: 120mm; }}
.cover p {{ font: 12pt sans-serif; }}
.page {{ break-before: page; }}
.cols {{ column-count: 2; column-gap: 8mm; text-align: justify; }}
.cols h2 {{ font: bold 13pt sans-serif; }}
figcaption {{ font: 7.5pt sans-serif; margin: 4pt 0 8pt; }}
.chart {{ height: 30mm; background: #ccd; }}
p {{ margin: 0 0 7pt; }}
.toc p {{ display: flex; }} .toc span {{ flex: 1; border-bottom: 1px dotted; }}
</style></head><body>
<div class="cover"><h1>{title}</h1><p>HC 1224</p>
<p>Published on 3 July 2018 by authority of the House of
Commons</p></div>
<div class="page toc"><h2>Contents</h2>
<p>Summary ........................................ 3</p>
<p>1 Background ........................................ 3</p>
<p>2 The formula ........................................ 4</p>
<p>3 Conclusions ........................................ 5</p></div>
<div class="page cols">{body}</div>
</body></html>"""


def chromium_report(out: Path) -> Layout:
    """A committee report: cover, contents, then CSS columns with a chart and its note."""
    title = "Funding the next generation of school places in England"
    head = "School places funding"
    parts = []
    for n, paragraph in enumerate(PROSE):
        if n % 4 == 0:
            parts.append(f"<h2>{n // 4 + 1} Part {n // 4 + 1} of the report</h2>")
        parts.append(f"<p>{' '.join(paragraph)}</p>")
        if n == 2:
            parts.append(
                '<figure><div class="chart"></div><figcaption>Source: Department for Education, '
                "school capacity survey 2017.</figcaption></figure>"
            )
    html = CHROMIUM_REPORT.format(title=title, head=head, body="".join(parts) * 2)
    print_pdf(html, out)
    return Layout(
        "Chromium cover, contents, CSS columns",
        out,
        [s for p in PROSE for s in p],
        title,
        "2018-07-03",
        [head],
    )


def canvas_out_of_order(out: Path) -> Layout:
    """Two columns whose text is written to the file out of reading order (right column first, the
    title last), as design software often writes it: only the page's geometry gives the order."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    width, height = A4
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setTitle("Capital funding for schools")
    column, gutter, top = (width - 100 - 20) / 2, 20, height - 150
    lines: list[str] = []
    for paragraph in PROSE:
        lines += simpleSplit(" ".join(paragraph), "Times-Roman", 10, column) + [""]
    per_column = int((top - 60) // 13)
    for page in range(0, len(lines), 2 * per_column):
        number = page // (2 * per_column) + 1
        chunk = lines[page : page + 2 * per_column]
        for side in (1, 0):  # the right column is written first
            canvas.setFont("Times-Roman", 10)
            for n, line in enumerate(chunk[side * per_column : (side + 1) * per_column]):
                canvas.drawString(50 + side * (column + gutter), top - n * 13, line)
        canvas.setFont("Helvetica", 8)
        if number % 2:
            canvas.drawRightString(
                width - 50, height - 40, f"Capital funding for schools  {number}"
            )
        else:
            canvas.drawString(50, height - 40, f"{number}  Capital funding for schools")
        canvas.setFont("Helvetica-Bold", 20)
        if number == 1:  # the title, over two lines, and the date, written last
            canvas.drawString(50, height - 80, "Capital funding for schools: allocations")
            canvas.drawString(50, height - 104, "to councils for new places")
            canvas.setFont("Times-Roman", 10)
            canvas.drawString(50, height - 125, "Statement, 2 September 2019")
        canvas.showPage()
    canvas.save()
    return Layout(
        "reportlab canvas, written out of order",
        out,
        [s for p in PROSE for s in p],
        "Capital funding for schools: allocations to councils for new places",
        "2019-09-02",
        ["Capital funding for schools"],
    )


MAKERS = [
    ("two-columns.pdf", lambda p: reportlab_columns(p, 2)),
    ("three-columns.pdf", lambda p: reportlab_columns(p, 3)),
    ("sidebar.pdf", reportlab_sidebar),
    ("footnotes.pdf", reportlab_footnotes),
    ("table.pdf", fpdf_table),
    ("report.pdf", chromium_report),
    ("out-of-order.pdf", canvas_out_of_order),
]


def make_layouts(folder: Path) -> list[Layout]:
    """Make every layout of the bench in a folder."""
    return [make(folder / name) for name, make in MAKERS]
