"""Thin helpers over the browser page, shared by the widgets.

The only shared module that imports pyscript. It decides nothing: it holds
the calls whose spelling must work the same under MicroPython and Pyodide,
how a widget starts (boot) and how its clicks and typing reach it (on).
"""

import js
from pyscript.ffi import create_proxy

from pyscript import document, window
from sog import language

# Proxies handed to the browser are kept here, so no runtime frees them.
_kept = []
# The root's state between the interpreter's start and the widget's own.
STARTING = "starting"


def page_language():
    """The page's language, from <html lang> ("en" when it says none)."""
    return language.normalise(str(document.documentElement.getAttribute("lang") or ""))


# Set before any widget module reads its data (widget.py imports this module
# first, and some read their data as they are imported).
language.use(page_language())


def by_id(element_id):
    """The element with this id, or None."""
    element = document.getElementById(element_id)
    return element if element else None


def local_storage():
    """The page's never-throwing storage object, or None where the browser
    blocks storage.

    MicroPython cannot catch exceptions thrown by JavaScript, and browsers
    throw from localStorage when it is blocked or full, so the widgets use
    javascripts/safe-storage.js instead of window.localStorage itself.
    """
    shim = window.secondOpinionStorage
    return shim if shim and shim.available() else None


def now_ms():
    """Milliseconds since 1970, from the browser clock."""
    return int(window.Date.now())


def utc_now():
    """(year, month, day, hour, minute, second) now in UTC, from the browser clock."""
    now = window.Date.new()
    return (int(now.getUTCFullYear()), int(now.getUTCMonth()) + 1, int(now.getUTCDate()),
            int(now.getUTCHours()), int(now.getUTCMinutes()), int(now.getUTCSeconds()))


def today():
    """(year, month, day) today, in this browser's time zone."""
    now = window.Date.new()
    return int(now.getFullYear()), int(now.getMonth()) + 1, int(now.getDate())


def print_page():
    """Open the browser's print dialog for this page."""
    window.print()


def site_address(root):
    """The site's home address, as the visitor reached it (root: a widget's root)."""
    return str(window.URL.new(root.getAttribute("data-root") + "/", window.location.href).href)


def show_text(element, text):
    """Put plain text in an element and show it; hide it when text is empty."""
    element.textContent = text or ""
    element.hidden = not text


def put_html(element_id, html, drawn):
    """Put html in the element unless drawn (element id -> the HTML last put
    there) says it holds it already: a live region would say it again."""
    if drawn.get(element_id) != html:
        by_id(element_id).innerHTML = html
        drawn[element_id] = html


def say(element, text):
    """Put plain text in a live region. The region stays in the page, even
    when empty, so screen readers notice the change."""
    element.textContent = text or ""


def proxy(function):
    """A JavaScript-callable handle on a Python function, kept alive."""
    handle = create_proxy(function)
    _kept.append(handle)
    return handle


def mark(name):
    """A performance mark "sog:<name>", so `make bench` sees the start-up's phases."""
    window.performance.mark("sog:" + name)


def boot(root_id, start):
    """Start a widget: run start(root), then mark the root ready.

    start runs in a task of its own (a timer), after the one in which the
    interpreter started and the widget's modules were imported, so the page
    can answer a tap in between; the root says "starting" meanwhile.

    If start raises, the root is marked failed and says so in the words the
    page gave it (data-failed-text, from words.json at build time), with the
    link to the static version; the page's own static content stays. The load
    watchdog (widget-watchdog.js) covers the runtime failing before any of
    this runs.

    Performance marks: sog:imported (the widget's modules and data loaded),
    sog:redrawn (start done), sog:ready.
    """
    mark("imported")
    root = by_id(root_id)
    status = by_id(root_id + "-status")

    def run(*_):
        try:
            start(root)
        except Exception:
            root.setAttribute("data-state", "failed")
            if status:
                show_text(status, str(root.getAttribute("data-failed-text")) + " ")
                href = root.getAttribute("data-fallback-href")
                if href:
                    link = document.createElement("a")
                    link.href = href
                    link.textContent = root.getAttribute("data-fallback-text")
                    status.appendChild(link)
            raise
        mark("redrawn")
        if status:
            show_text(status, "")
        root.setAttribute("data-state", "ready")
        mark("ready")

    root.setAttribute("data-state", STARTING)
    js.setTimeout(proxy(run), 0)


def action_of(event):
    """The element with a data-action that an event came from, or None."""
    element = event.target
    return element.closest("[data-action]") if element else None


def on(root, event_name, handlers):
    """One listener on the widget's root for an event, delegating by the
    data-action attribute: handlers maps an action to handler(element, event).
    Elements with other actions, or none, are ignored."""

    def listener(event):
        element = action_of(event)
        if not element or not root.contains(element):
            return
        handler = handlers.get(str(element.getAttribute("data-action")))
        if handler is not None:
            handler(element, event)

    root.addEventListener(event_name, proxy(listener))


def on_window(event_name, handler):
    """Call handler(event) on a window event, such as "storage".

    Through the js module: the window object pyscript exports loses its
    `this` when addEventListener is called on it under MicroPython.
    """
    js.window.addEventListener(event_name, proxy(handler))


def checked_value(form, name):
    """The value of the checked radio button in a group, or None. The name
    is escaped for the selector (CSS.escape): a name with a quote or a
    bracket in it still finds its group."""
    chosen = form.querySelector('input[name="' + str(window.CSS.escape(name)) + '"]:checked')
    return str(chosen.value) if chosen else None


def focus(*ids):
    """Focus the first of these elements still on the page."""
    for element_id in ids:
        target = by_id(element_id) if element_id else None
        if target:
            target.focus()
            return


def download(name, mime, text):
    """Offer text as a file to save, made in the browser: nothing is sent."""
    link = document.createElement("a")
    link.href = "data:" + mime + ";charset=utf-8," + window.encodeURIComponent(text)
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()


def read_file(input_element, limit, done):
    """Read the file picked in a file input as text, then call done(text).

    done(None) if the file is larger than limit bytes. Through a callback
    rather than await, so it works alike in every runtime.
    """
    files = input_element.files
    chosen = files.item(0) if files and files.length else None
    input_element.value = ""
    if not chosen:
        return
    if chosen.size > limit:
        done(None)
        return
    chosen.text().then(proxy(lambda text: done(str(text))))
