"""Entry point: `python main.py [--port N]` serves; `--healthcheck` probes a running instance."""
import argparse
import os
import signal
import sys

VERSION = os.environ.get("APP_VERSION", "dev")


def healthcheck(port):
    import http.client
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        resp = conn.getresponse()
        resp.read()
        ok = resp.status == 200
        conn.close()
    except OSError as e:
        print(f"unhealthy: {e}", file=sys.stderr)
        return 1
    return 0 if ok else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description="Notes JSON API")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--healthcheck", action="store_true", help="probe /healthz and exit")
    args = parser.parse_args(argv)
    if args.healthcheck:
        return healthcheck(args.port)

    from app.server import make_server
    server = make_server(port=args.port, version=VERSION)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python-api {VERSION} listening on :{args.port}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
