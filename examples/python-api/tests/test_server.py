import http.client
import json
import threading
import unittest

import main
from app.server import make_server


class ServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = make_server(host="127.0.0.1", port=0, version="t")
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        return resp.status, (json.loads(raw) if raw else None), resp

    def test_healthz(self):
        self.assertEqual(self.request("GET", "/healthz")[:2], (200, {"status": "ok", "version": "t"}))

    def test_create_fetch_filter_delete(self):
        status, note, resp = self.request("POST", "/api/notes", {"text": "ship", "tags": ["work"]})
        self.assertEqual(status, 201)
        self.assertEqual(resp.getheader("Location"), f"/api/notes/{note['id']}")
        self.assertEqual(self.request("GET", f"/api/notes/{note['id']}")[1]["text"], "ship")
        self.assertIn(note["id"], [n["id"] for n in self.request("GET", "/api/notes?tag=work")[1]])
        self.assertEqual(self.request("DELETE", f"/api/notes/{note['id']}")[0], 204)
        self.assertEqual(self.request("GET", f"/api/notes/{note['id']}")[0], 404)

    def test_invalid_bodies_are_rejected(self):
        self.assertEqual(self.request("POST", "/api/notes", {"text": ""})[0], 422)
        self.assertEqual(self.request("POST", "/api/notes", ["not", "an", "object"])[0], 422)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        conn.request("POST", "/api/notes", body=b"{broken", headers={"Content-Type": "application/json"})
        self.assertEqual(conn.getresponse().status, 422)
        conn.close()

    def test_unknown_routes_are_404(self):
        self.assertEqual(self.request("GET", "/nope")[0], 404)
        self.assertEqual(self.request("POST", "/api/other", {})[0], 404)
        self.assertEqual(self.request("DELETE", "/api/notes/999")[0], 404)

    def test_stats(self):
        status, stats, _ = self.request("GET", "/api/stats")
        self.assertEqual(status, 200)
        self.assertEqual(set(stats), {"notes", "words", "tags"})

    def test_healthcheck_flag_probes_the_server(self):
        self.assertEqual(main.healthcheck(self.port), 0)

    def test_healthcheck_flag_fails_without_server(self):
        self.assertEqual(main.healthcheck(1), 1)


if __name__ == "__main__":
    unittest.main()
