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
    cache_control = "no-cache"
    extra_headers = staticmethod(lambda path: [])

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        self.send_header("Cache-Control", self.cache_control)
        for name, value in self.extra_headers(self.path.split("?")[0]):
            self.send_header(name, value)
        super().end_headers()


class SiteServer:
    """Serve a directory on 127.0.0.1 in a background thread.

    cache_control is the Cache-Control header sent with every file. The
    default, "no-cache", makes the browser ask again each time (as Netlify and
    many hosts do); "max-age=600" is what GitHub Pages sends. headers, if
    given, maps a request path to more (name, value) headers to send.
    """

    def __init__(self, directory, port=0, cache_control="no-cache", headers=None):
        attributes = {"cache_control": cache_control}
        if headers is not None:
            attributes["extra_headers"] = staticmethod(headers)
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
