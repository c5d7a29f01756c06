"""Run the app under gunicorn from inside `foreign-desk serve`."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from app import create_app


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app()


def serve(host: str, port: int, workers: int) -> None:
    # gunicorn refuses a request line over 4,094 bytes with a bare page of its own; a search of
    # the 1,000 characters the form allows, in Cyrillic, is 6,000 once percent-encoded.
    # The control socket (for gunicornc, unused here) is one path per user by default: every
    # server on the machine bound it in turn, each taking it from the one before.
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "control_socket_disable": True,
    }
    _Server({**options, "limit_request_line": 8190}).run()
