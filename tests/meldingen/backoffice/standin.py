"""A stand-in for the systems meldingen are delivered to: a small threaded HTTP server on 127.0.0.1.

It plays a webhook receiver (deduplicating on the Idempotency-Key header, as a real receiver should) and
the ZGW Zaken and Documenten APIs (in-memory objects, filters on GET). Its behaviour can be switched while
it runs: "ok", "500", "503", "slow" (answers after `slow_seconds`), and `stop()` makes it refuse connections.
"""

import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class Received:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    status: int = 0  # what the stand-in answered

    def json(self):
        return json.loads(self.body or b"null")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client killed mid-request (the fault test's SIGKILL) is expected, not news


@dataclass
class StandIn:
    mode: str = "ok"
    slow_seconds: float = 2.0
    answer_delay: float = 0.0  # pause after handling, before answering: a worker may die in between
    requests: list[Received] = field(default_factory=list)
    webhook: dict[str, dict] = field(default_factory=dict)  # Idempotency-Key -> first body
    zgw: dict[str, list[dict]] = field(default_factory=dict)  # resource -> objects
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int | None = None) -> "StandIn":
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parsed = urlparse(self.path)
                received = Received(
                    self.command,
                    parsed.path,
                    {k: v[0] for k, v in parse_qs(parsed.query).items()},
                    dict(self.headers.items()),
                    body,
                )
                with standin.lock:
                    standin.requests.append(received)
                    mode = standin.mode
                if mode == "slow":
                    time.sleep(standin.slow_seconds)
                elif mode in {"500", "503"}:
                    received.status = int(mode)
                    return self._send(received.status, {"detail": "storing"})
                status, payload = standin.answer(received)
                received.status = status
                if standin.answer_delay:
                    time.sleep(standin.answer_delay)
                self._send(status, payload)

            def _send(self, status, payload):
                data = b"" if payload is None else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_DELETE = _handle

        self._server = _QuietServer(("127.0.0.1", self.port if port is None else port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        """Close the socket: from now on connections are refused (the port stays known)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # --- behaviour ---------------------------------------------------------------------------------
    def answer(self, received: Received) -> tuple[int, object]:
        if received.path.startswith("/webhook"):
            return self._webhook(received)
        if "/zaken/api/v1/" in received.path or "/documenten/api/v1/" in received.path:
            return self._zgw(received)
        return 404, {"detail": "onbekend"}

    def _webhook(self, received):
        key = received.headers.get("Idempotency-Key", "")
        with self.lock:
            if key in self.webhook:
                return 200, {"status": "al ontvangen"}
            self.webhook[key] = received.json()
        return 201, {"status": "ontvangen"}

    def _zgw(self, received):
        resource = received.path.rstrip("/").rsplit("/", 1)[-1]
        with self.lock:
            objects = self.zgw.setdefault(resource, [])
            if received.method == "GET":
                found = [obj for obj in objects if all(obj.get(k) == v for k, v in received.query.items())]
                return 200, {"count": len(found), "results": found}
            if received.method == "DELETE":  # an object by its URL: /zaken/api/v1/zaakobjecten/<uuid>
                url = f"{self.url}{received.path.rstrip('/')}"
                for stored in self.zgw.values():
                    for obj in stored:
                        if obj["url"] == url:
                            stored.remove(obj)
                            return 204, None
                return 404, {"detail": "niet gevonden"}
            data = received.json()
            data["url"] = f"{self.url}{received.path.rstrip('/')}/{uuid.uuid4()}"
            if resource == "rollen":
                data["omschrijvingGeneriek"] = "initiator"
            objects.append(data)
            return 201, data

    def webhook_posts(self) -> int:
        with self.lock:
            return sum(1 for request in self.requests if request.path.startswith("/webhook"))

    def webhook_count(self, reference: str | None = None) -> int:
        with self.lock:
            return len(self.webhook) if reference is None else int(reference in self.webhook)


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/webhook"
