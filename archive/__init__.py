"""Policy Archive: a searchable archive of public-policy funding announcements."""

__version__ = "0.4.0"  # semantic versioning: see CHANGELOG.md
