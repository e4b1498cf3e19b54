"""Security headers for every response: a strict Content-Security-Policy and friends."""

from __future__ import annotations

from flask import Response

# Scripts, styles and images come only from this site; nothing may frame it or post elsewhere.
POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def add_security_headers(response: Response) -> Response:
    """Set the headers on a response, leaving any a view set itself."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
