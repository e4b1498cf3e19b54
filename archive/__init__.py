"""Policy Archive: a searchable archive of public-policy funding announcements."""

from pathlib import Path

__version__ = "0.1.0"

# A checkout (or editable install) keeps corpus/, index/ and templates/ beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
DEFAULT_INDEX = PROJECT_ROOT / "index"
