"""A sealed sample of layouts, made as differently from tests/layouts.py as we could: run once at
the end and reported beside the bench's figure, never used to tune the reading (docs/pdf.md)."""

from __future__ import annotations

from pathlib import Path

from layouts import Layout
from papers import print_pdf

PROSE2 = [
    [
        "The council will invest £3.6 million in flood defences along the river over the next two "
        "years.",
        "Work on the northern embankment starts in the spring and should finish before the winter "
        "rains.",
        "Residents whose homes flooded last year will be offered free advice on protecting their "
        "property.",
    ],
    [
        "A further £900,000 has been set aside for drainage repairs in the older parts of the "
        "town.",
        "Engineers found that many of the drains had not been cleared for more than a decade.",
        "The work will be done at night where possible to keep the roads open during the day.",
    ],
    [
        "Bus services in the villages will be protected for at least another year.",
        "The cabinet agreed to use reserves to cover the gap left by the loss of the rural "
        "transport grant.",
        "Officers will report back in the autumn with options for a permanent solution.",
    ],
    [
        "Library opening hours will be extended on Saturdays in the four largest branches.",
        "The change follows a survey in which most users asked for longer weekend hours.",
        "Volunteers will help to run the smaller branches, which keep their current hours.",
    ],
    [
        "The adult social care budget rises by £7.2 million, most of it to meet higher wages for "
        "carers.",
        "Providers told the council that without the rise several care homes would have closed.",
        "The council will also pay for training so that more carers can qualify as senior staff.",
    ],
    [
        "Capital spending on roads totals £14 million, including the repair of two bridges.",
        "The bridge over the canal has been closed to heavy lorries since a survey found cracks.",
        "Repairs to it will take about six months and the road will stay open to cars throughout.",
    ],
]
HEAD = "Budget and council tax report"


def chromium_box(out: Path) -> Layout:
    """Two CSS columns with a bordered box across both, a running head on alternate sides."""
    parts = [f"<p>{' '.join(p)}</p>" for p in PROSE2]
    box = (
        '<div class="box"><p>At a glance: the budget for next year totals £412 million.</p>'
        "<p>Council tax rises by 2.99 per cent, below the limit set by the government.</p></div>"
    )
    html = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm 18mm; }}
@page :left {{ @bottom-left {{ content: counter(page) " | {HEAD}"; font: 8pt sans-serif; }} }}
@page :right {{ @bottom-right {{ content: "{HEAD} | " counter(page); font: 8pt sans-serif; }} }}
body {{ font: 11pt/1.45 Georgia, serif; }} h1 {{ font: bold 30pt/1.1 sans-serif; width: 110mm; }}
.cols {{ column-count: 2; column-gap: 10mm; }} p {{ margin: 0 0 8pt; }}
.box {{ border: 1.5pt solid #246; padding: 6pt 10pt; margin: 10pt 0; font-size: 10pt; }}
</style></head><body><h1>Budget 2016 to 2017 and council tax setting</h1>
<p>Report to full council, published Autumn 2016</p>
<div class="cols">{"".join(parts[:3])}</div>{box}
<div class="cols">{"".join(parts[3:])}{"".join(parts)}</div>
</body></html>"""
    print_pdf(html, out)
    return Layout(
        "sealed: Chromium columns with a box across them",
        out,
        [s for p in PROSE2 for s in p] * 2,
        "Budget 2016 to 2017 and council tax setting",
        "2016",
        [HEAD],
        ["At a glance: the budget for next year totals £412 million."],
    )


def fpdf_columns(out: Path) -> Layout:
    """fpdf2's own text columns, justified, with a page number on alternate sides of the foot."""
    from fpdf import FPDF

    class Paper(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "", 7)
            self.cell(
                0,
                5,
                f"{self.page_no()}  Flood defences briefing"
                if self.page_no() % 2 == 0
                else f"Flood defences briefing  {self.page_no()}",
                align="L" if self.page_no() % 2 == 0 else "R",
            )

    pdf = Paper(format="A4")
    pdf.set_title("briefing")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(
        0,
        10,
        "Flood defences and drainage: what the council will spend and when",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, "Briefing note, 14 March 2016", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.text_columns(ncols=2, gutter=8, text_align="J") as columns:
        for paragraph in PROSE2 * 3:
            columns.write(" ".join(paragraph) + "\n\n")
    pdf.output(str(out))
    return Layout(
        "sealed: fpdf2 text columns",
        out,
        [s for p in PROSE2 for s in p] * 3,
        "Flood defences and drainage: what the council will spend and when",
        "2016-03-14",
        ["Flood defences briefing"],
    )


def reportlab_ragged(out: Path) -> Layout:
    """Three ragged-right columns with an unruled table in £000 across the page, and footnotes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Table,
    )

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11.5, spaceAfter=5)
    title = ParagraphStyle("t", fontName="Times-Bold", fontSize=20, leading=23)
    width, height = A4

    def foot(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 6.5)
        if canvas.getPageNumber() == 1:
            canvas.drawString(
                40, 52, "1 Figures are for the financial year 2016-17 and exclude schools."
            )
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(width / 2, 25, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    col = (width - 80 - 24) / 3
    first = [Frame(40, height - 120, width - 80, 80), Frame(40, height - 330, width - 80, 200)]
    first += [Frame(40 + i * (col + 12), 65, col, height - 400) for i in range(3)]
    later = [Frame(40 + i * (col + 12), 65, col, height - 105) for i in range(3)]
    doc = BaseDocTemplate(str(out), pagesize=A4, title="Revenue budget summary")
    doc.addPageTemplates(
        [
            PageTemplate("first", first, onPage=foot, autoNextPageTemplate="later"),
            PageTemplate("later", later, onPage=foot),
        ]
    )
    rows = [
        ["Service", "2016-17", "2017-18"],
        ["Adult social care", "98,200", "105,400"],
        ["Highways", "21,300", "22,100"],
        ["Libraries", "4,100", "3,900"],
        ["Waste", "17,800", "18,200"],
    ]
    story = [
        Paragraph("Revenue budget summary by service", title),
        FrameBreak(),
        Paragraph("Table 2: Net budget by service, £000", body),
        Table(rows, colWidths=[200, 90, 90]),
        FrameBreak(),
    ]
    for paragraph in PROSE2 * 2:
        story.append(Paragraph(" ".join(paragraph), body))
    doc.build(story)
    return Layout(
        "sealed: reportlab ragged 3 columns, £000 table, footnote",
        out,
        [s for p in PROSE2 for s in p] * 2,
        "Revenue budget summary by service",
        "2016",
        ["Page"],
        ["Figures are for the financial year 2016-17 and exclude schools."],
    )


SEALED = [
    ("sealed-box.pdf", chromium_box),
    ("sealed-fpdf.pdf", fpdf_columns),
    ("sealed-ragged.pdf", reportlab_ragged),
]


PROSE3 = [
    [
        "The fund for rural broadband will connect a further 80,000 homes by the end of 2021.",
        "Suppliers bid for contracts covering one or more counties, and the cheapest bid wins.",
        "Homes that already have a fast connection are left out of the contracts.",
    ],
    [
        "An audit last year found that a tenth of the homes promised a connection were still "
        "waiting.",
        "The department has since added penalties for suppliers who miss their dates.",
        "Councils may now check each supplier's progress against a published list of homes.",
    ],
    [
        "Schools in remote areas will be connected first, followed by surgeries and libraries.",
        "Each school will receive a connection of at least one gigabit a second.",
        "The cost of connecting a school is met in full from the fund.",
    ],
    [
        "A voucher of up to £1,500 is available to small businesses outside the contract areas.",
        "Businesses apply through an approved supplier, who claims the voucher on their behalf.",
        "More than 6,000 vouchers had been issued by the end of the summer.",
    ],
]


def chromium_spans(out: Path) -> Layout:
    """Two CSS columns with headings across both, a figure and its caption in a column."""
    head = "Rural broadband programme"
    parts = []
    for n, paragraph in enumerate(PROSE3 * 2):
        if n % 2 == 0:
            parts.append(f'<h2 class="span">Part {n // 2 + 1}: progress in the counties</h2>')
        parts.append(f"<p>{' '.join(paragraph)}</p>")
        if n == 1:
            parts.append(
                '<figure><div class="chart"></div><figcaption>Figure 1: homes connected '
                "each quarter. Source: the department's monthly returns.</figcaption></figure>"
            )
    html = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 18mm 16mm; }}
@page :left {{ @top-left {{ content: counter(page) " {head}"; font: 7.5pt sans-serif; }} }}
@page :right {{ @top-right {{ content: "{head} " counter(page); font: 7.5pt sans-serif; }} }}
body {{ font: 10pt/1.5 "DejaVu Serif", serif; }} h1 {{ font: bold 25pt/1.15 sans-serif; }}
.cols {{ column-count: 2; column-gap: 7mm; text-align: justify; hyphens: auto; }}
.span {{ column-span: all; font: bold 13pt sans-serif; }} p {{ margin: 0 0 7pt; }}
.chart {{ height: 40mm; background: #dde; }} figcaption {{ font: 7pt sans-serif; }}
</style></head><body><h1>Rural broadband: connecting the last homes and businesses</h1>
<p>Published 21 November 2019</p><div class="cols">{"".join(parts)}</div></body></html>"""
    print_pdf(html, out)
    return Layout(
        "sealed 2: Chromium columns, headings across them, figure",
        out,
        [s for p in PROSE3 for s in p] * 2,
        "Rural broadband: connecting the last homes and businesses",
        "2019-11-21",
        [head],
    )


def reportlab_uneven(out: Path) -> Layout:
    """A wide text column beside a narrow one of short notes, a ruled table, footnotes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Table,
        TableStyle,
    )

    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10.5, leading=13.5, spaceAfter=6)
    side = ParagraphStyle("s", fontName="Helvetica", fontSize=9, leading=12, spaceAfter=8)
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=19, leading=23)
    width, height = A4

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(
            45, 50, "1 Homes passed: homes that could order a connection, whether or not they did."
        )
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(
            width - 45, height - 30, f"Broadband briefing | {canvas.getPageNumber()}"
        )
        canvas.restoreState()

    wide, narrow = (width - 90) * 0.66, (width - 90) * 0.3
    frames = [
        Frame(45, height - 130, width - 90, 80),
        Frame(45, 65, wide, height - 200),
        Frame(45 + wide + (width - 90) * 0.04, 65, narrow, height - 200),
    ]
    doc = BaseDocTemplate(str(out), pagesize=A4, title="Broadband")
    doc.addPageTemplates([PageTemplate("p", frames, onPage=page)])
    table = Table(
        [
            ["County", "Homes passed", "Cost"],
            ["Cumbria", "12,400", "£9.1m"],
            ["Devon", "18,900", "£14.2m"],
            ["Powys", "6,300", "£5.8m"],
        ]
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [
        Paragraph("Broadband in the counties: what the money has bought", title),
        Paragraph("Briefing paper, October 2020", body),
        FrameBreak(),
    ]
    for n, paragraph in enumerate(PROSE3):
        story.append(Paragraph(" ".join(paragraph), body))
        if n == 1:
            story.append(table)
    story += [
        FrameBreak(),
        Paragraph("In brief: the programme is on time in most counties.", side),
        Paragraph("Vouchers are still open to businesses.", side),
    ]
    doc.build(story)
    return Layout(
        "sealed 2: reportlab uneven columns, ruled table, footnote",
        out,
        [s for p in PROSE3 for s in p],
        "Broadband in the counties: what the money has bought",
        "2020-10",
        ["Broadband briefing"],
        [
            "In brief: the programme is on time in most counties.",
            "Homes passed: homes that could order a connection, whether or not they did.",
        ],
    )


SEALED2 = [("sealed2-spans.pdf", chromium_spans), ("sealed2-uneven.pdf", reportlab_uneven)]
