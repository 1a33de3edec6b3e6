"""HTTP layer: routes JSON requests to a NoteStore."""
import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from app.store import NoteStore, ValidationError

MAX_BODY = 16 * 1024
NOTE_PATH = re.compile(r"^/api/notes/(\d+)$")


def make_handler(store, version="dev"):
    class Handler(BaseHTTPRequestHandler):
        server_version = "python-api/" + version
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # one line per request, on stderr
            if self.path != "/healthz":
                super().log_message(fmt, *args)

        def _send(self, status, payload=None):
            body = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            if payload is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status, message):
            self._send(status, {"error": message})

        def _read_json(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                raise ValidationError("body too large")
            try:
                return json.loads(self.rfile.read(length) or b"null")
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise ValidationError("invalid JSON body") from None

        def do_GET(self):
            url = urlsplit(self.path)
            if url.path == "/healthz":
                return self._send(HTTPStatus.OK, {"status": "ok", "version": version})
            if url.path == "/api/notes":
                tag = parse_qs(url.query).get("tag", [None])[0]
                return self._send(HTTPStatus.OK, store.list(tag))
            if url.path == "/api/stats":
                return self._send(HTTPStatus.OK, store.stats())
            match = NOTE_PATH.match(url.path)
            note = store.get(int(match.group(1))) if match else None
            if note is None:
                return self._error(HTTPStatus.NOT_FOUND, "not found")
            return self._send(HTTPStatus.OK, note)

        def do_POST(self):
            if urlsplit(self.path).path != "/api/notes":
                return self._error(HTTPStatus.NOT_FOUND, "not found")
            try:
                body = self._read_json()
                if not isinstance(body, dict):
                    raise ValidationError("body must be a JSON object")
                note = store.add(body.get("text"), body.get("tags", []))
            except ValidationError as e:
                return self._error(HTTPStatus.UNPROCESSABLE_ENTITY, str(e))
            self.send_response(HTTPStatus.CREATED)
            body = json.dumps(note).encode()
            self.send_header("Location", f"/api/notes/{note['id']}")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_DELETE(self):
            match = NOTE_PATH.match(urlsplit(self.path).path)
            if not match or not store.delete(int(match.group(1))):
                return self._error(HTTPStatus.NOT_FOUND, "not found")
            return self._send(HTTPStatus.NO_CONTENT)

    return Handler


def make_server(host="0.0.0.0", port=8080, store=None, version="dev"):
    server = ThreadingHTTPServer((host, port), make_handler(store or NoteStore(), version))
    server.daemon_threads = True
    return server
