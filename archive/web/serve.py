"""Run the web app under gunicorn, with several worker processes."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from archive.home import ArchiveFolder
from archive.web.app import create_app


class _Server(BaseApplication):
    def __init__(self, folder: ArchiveFolder, options: dict[str, object]):
        self._folder = folder
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app({"ROOT": str(self._folder.root), "INDEX_DIR": str(self._folder.index)})


def serve(folder: ArchiveFolder, host: str, port: int, workers: int) -> None:
    """Serve until interrupted; each worker opens the index and follows new builds."""
    _Server(folder, {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-"}).run()
