"""Thin helpers over the browser page, shared by the widgets.

The only module besides the widgets that imports pyscript. It holds no
decisions, just the few calls whose spelling must work the same under
MicroPython and Pyodide.
"""

from pyscript import document, window


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


def show_text(element, text):
    """Put plain text in an element and show it; hide it when text is empty."""
    element.textContent = text or ""
    element.hidden = not text


def say(element, text):
    """Put plain text in a live region. The region stays in the page, even
    when empty, so screen readers notice the change."""
    element.textContent = text or ""


def mark_ready(root):
    """Tell the page (and the load watchdog) that the widget is running."""
    status = by_id(root.id + "-status")
    if status:
        show_text(status, "")
    root.setAttribute("data-state", "ready")


def on_window(event_name, handler):
    """Call handler(event) on a window event, such as "storage".

    Through the js module: the window object pyscript exports loses its
    `this` when addEventListener is called on it under MicroPython.
    """
    import js
    from pyscript.ffi import create_proxy

    js.window.addEventListener(event_name, create_proxy(handler))


def checked_value(form, name):
    """The value of the checked radio button in a group, or None."""
    chosen = form.querySelector('input[name="' + name + '"]:checked')
    return str(chosen.value) if chosen else None
