"""Print the standard-library files the app needs, one per line, relative to the stdlib dir.

Run with the production interpreter flags (`python3 -E -S tools/trace_imports.py`) from the
app folder. It starts the real server, exercises every route (success and error paths) and the
--healthcheck probe, then lists sys.modules. Extension modules are printed as
`lib-dynload/<name>` (the file name differs per architecture). The runtime stage copies exactly
these files from the target architecture's Python.
"""
import os
import sys

STDLIB = os.path.dirname(os.__file__)
# imported lazily on error paths (uncaught exceptions, tracebacks) or by the interpreter itself
ALWAYS = ["traceback", "linecache", "tokenize", "token", "encodings.ascii", "encodings.latin_1",
          "encodings.utf_8", "encodings.aliases"]
# optional imports (the stdlib catches their ImportError): TLS and compression are not served here
EXCLUDE = {"ssl.py", "lib-dynload/_ssl", "bz2.py", "lib-dynload/_bz2", "lzma.py", "lib-dynload/_lzma",
           "_compression.py"}


def exercise():
    import http.client
    import threading
    import main
    from app.server import make_server

    server = make_server(host="127.0.0.1", port=0)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for method, path, body in [("GET", "/healthz", None), ("POST", "/api/notes", b'{"text":"a","tags":["x"]}'),
                               ("POST", "/api/notes", b"{bad"), ("GET", "/api/notes?tag=x", None),
                               ("GET", "/api/notes/1", None), ("GET", "/api/stats", None),
                               ("DELETE", "/api/notes/1", None), ("GET", "/missing", None)]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request(method, path, body=body)
        conn.getresponse().read()
        conn.close()
    assert main.healthcheck(port) == 0
    assert main.healthcheck(1) == 1
    try:
        main.main(["--bogus"])
    except SystemExit:
        pass
    server.shutdown()
    server.server_close()


def main():
    sys.path.insert(0, os.getcwd())
    devnull = open(os.devnull, "w")
    real_stderr, sys.stderr = sys.stderr, devnull
    try:
        exercise()
    finally:
        sys.stderr = real_stderr
    for name in ALWAYS:
        __import__(name)
    files = set()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if not path or not os.path.abspath(path).startswith(STDLIB + os.sep):
            continue
        rel = os.path.relpath(path, STDLIB)
        if rel.startswith("lib-dynload" + os.sep):
            rel = "lib-dynload/" + os.path.basename(rel).split(".")[0]
        if rel not in EXCLUDE:
            files.add(rel)
    print("\n".join(sorted(files)))


if __name__ == "__main__":
    main()
