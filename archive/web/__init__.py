"""The web front end: the Flask app, its exports, citations and security headers, and serving."""
