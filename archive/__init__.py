"""Policy Archive: a searchable archive of public-policy funding announcements."""

__version__ = "0.2.0"
