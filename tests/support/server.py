"""A quiet static file server for a built site, on a free localhost port.

Used by the end-to-end tests and the benchmark. It serves the same files any
static host would, with the right types for .mjs and .wasm.
"""

import functools
import http.server
import mimetypes
import threading

# Older Pythons do not know these two; browsers insist on them.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        # Revalidate each time, as a careful static host would for HTML; the
        # warm benchmark run then measures the browser's cache honestly.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class SiteServer:
    """Serve a directory on 127.0.0.1 in a background thread."""

    def __init__(self, directory, port=0):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
