"""Run the web app under gunicorn, with several worker processes."""

from __future__ import annotations

from pathlib import Path

from gunicorn.app.base import BaseApplication

from archive.web import create_app


class _Server(BaseApplication):
    def __init__(self, index_dir: Path, options: dict[str, object]):
        self._index_dir = index_dir
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app({"INDEX_DIR": str(self._index_dir)})


def serve(index_dir: Path, host: str, port: int, workers: int) -> None:
    """Serve until interrupted; each worker opens the index and follows new builds."""
    _Server(index_dir, {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-"}).run()
