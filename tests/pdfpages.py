"""Draw the pages of the made real-PDF shapes (test_real_shapes_*): BODY's lines, raw PDF files."""

from __future__ import annotations

from typing import Any

from papers import BODY


def draw_body(
    c: Any,
    y: float,
    times: int = 1,
    gap: float = 0,
    step: float = 14,
    grant: int | None = None,
) -> float:
    """Draw BODY's lines at the left margin from y down, `times` over; return the next line's y.

    Each run of BODY is followed by `gap` more points; `grant` numbers the first "grant" of each
    line, so that pages of one file differ in their text."""
    for _ in range(times):
        for line in BODY:
            text = line if grant is None else line.replace("grant", f"grant {grant}", 1)
            c.drawString(72, y, text)
            y -= step
        y -= gap
    return y


def raw_pdf(objects: list[bytes]) -> bytes:
    """Write numbered objects (1, 2, ...) as a PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_stream(data: bytes) -> bytes:
    """Wrap data as a PDF stream object with its length."""
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
