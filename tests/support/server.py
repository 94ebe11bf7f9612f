"""A quiet static file server for a built site, on a free localhost port.

Used by the end-to-end tests and the benchmark. It serves the same files any
static host would, with the right types for .mjs and .wasm; with gzip=True it
also compresses text and WebAssembly on the fly for clients that accept it,
as nearly every real host does (the benchmark's figures need that).
"""

import functools
import gzip
import http.server
import mimetypes
import os
import threading

# Older Pythons do not know these two; browsers insist on them.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/manifest+json", ".webmanifest")

# What hosts compress: text of every kind and WebAssembly, not images.
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".py", ".webmanifest")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    cache_control = "no-cache"
    extra_headers = staticmethod(lambda path: [])
    compress = False
    # (path, mtime) -> gzipped bytes, shared by the server's threads.
    compressed = {}

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def handle(self):
        # A browser that stops reading (a page closed mid-download) is normal.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def end_headers(self):
        self.send_header("Cache-Control", self.cache_control)
        for name, value in self.extra_headers(self.path.split("?")[0]):
            self.send_header(name, value)
        super().end_headers()

    def _gzip_target(self):
        """The file to send gzipped for this request, or None."""
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return None  # the base class redirects to the address with a slash
            path = os.path.join(path, "index.html")
        return path if path.endswith(COMPRESSIBLE) and os.path.isfile(path) else None

    def send_head(self):
        path = self._gzip_target()
        if path is None:
            return super().send_head()
        key = (path, os.stat(path).st_mtime_ns)
        body = self.compressed.get(key)
        if body is None:
            with open(path, "rb") as source:
                body = gzip.compress(source.read(), compresslevel=6)
            self.compressed[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = None
        result = self.send_head()
        if self._body is not None:
            self.wfile.write(self._body)
        elif result:
            try:
                self.copyfile(result, self.wfile)
            finally:
                result.close()

    def do_HEAD(self):
        self._body = None
        result = self.send_head()
        if result:
            result.close()


class SiteServer:
    """Serve a directory on 127.0.0.1 in a background thread.

    cache_control is the Cache-Control header sent with every file. The
    default, "no-cache", makes the browser ask again each time (as Netlify and
    many hosts do); "max-age=600" is what GitHub Pages sends. headers, if
    given, maps a request path to more (name, value) headers to send. gzip:
    compress what hosts compress, for clients that accept it.
    """

    def __init__(self, directory, port=0, cache_control="no-cache", headers=None, gzip=False):
        attributes = {"cache_control": cache_control, "compress": gzip, "compressed": {}}
        if headers is not None:
            attributes["extra_headers"] = staticmethod(headers)
        self.directory = directory
        handler_class = type("Handler", (_QuietHandler,), attributes)
        handler = functools.partial(handler_class, directory=str(directory))
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
