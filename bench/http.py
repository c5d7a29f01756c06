"""One HTTP client for every server measured: a keep-alive connection, timed per request."""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass

# A server may close an idle keep-alive connection between two requests: reconnect and retry.
_DROPPED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class BadAnswer(RuntimeError):
    """The server did not answer 200: a benchmark of an error page measures nothing."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    ns: int  # from sending the request to the last byte of the body


class Client:
    """Requests over one connection, reopened only when the server closes it.

    gunicorn's sync workers close the connection after each response, so our times include a
    local TCP connect; Datasette (uvicorn) keeps it open. That is how each server answers.
    """

    def __init__(self, port: int, host: str = "127.0.0.1", timeout: float = 60) -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def get(self, path: str) -> Answer:
        """GET path; raise BadAnswer unless the answer is 200."""
        try:
            answer = self._get(path)
        except _DROPPED:
            self.conn.close()
            answer = self._get(path)
        if answer.status != 200:
            raise BadAnswer(f"GET {path} answered {answer.status}: {answer.body[:300]!r}")
        return answer

    def _get(self, path: str) -> Answer:
        start = time.perf_counter_ns()
        self.conn.request("GET", path)
        response = self.conn.getresponse()
        body = response.read()
        return Answer(response.status, body, time.perf_counter_ns() - start)

    def close(self) -> None:
        self.conn.close()
