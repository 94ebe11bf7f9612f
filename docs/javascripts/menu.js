/*
 * The menu button on a phone (and on a desktop zoomed in).
 *
 * Material opens its menu, the drawer, with a <label> for a hidden checkbox:
 * a pointer can tap it, but a keyboard cannot reach it. Its closed menu is
 * hidden (site.css), so its links are no longer invisible Tab stops before
 * the page's content; this makes the label a real button that a keyboard and
 * a screen reader can use: named as the menu is ("Navigation", Material's
 * own word, in the page's language), saying whether the menu is open, moving
 * into the menu when it opens, and closing it with Escape or when focus
 * leaves it. The checkbox stays the one place the menu's state lives, so
 * Material's own closing (a tap beside the menu, a new page) still works.
 * Without JavaScript the label stays as it was, for a pointer.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  var nav = drawer && drawer.querySelector("nav[aria-label]");
  if (!toggle || !label || !nav) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " sog-menu-button";
  button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  if (!drawer.id) drawer.id = "sog-menu";
  button.setAttribute("aria-controls", drawer.id);
  while (label.firstChild) button.appendChild(label.firstChild);
  label.parentNode.replaceChild(button, label);

  function isOpen() {
    return toggle.checked;
  }

  // Through the checkbox, as Material itself does: its change event follows.
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  function showState() {
    button.setAttribute("aria-expanded", String(isOpen()));
  }

  showState();
  toggle.addEventListener("change", showState);

  button.addEventListener("click", function () {
    setOpen(!isOpen());
    if (!isOpen()) return;
    var first = nav.querySelector(".md-nav__list a[href], .md-nav__list label[tabindex]");
    if (first) first.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !isOpen()) return;
    setOpen(false);
    button.focus();
  });

  // Tabbing out of the open menu closes it, so it never covers what has focus.
  document.addEventListener("focusin", function (event) {
    if (isOpen() && event.target !== button && !drawer.contains(event.target)) setOpen(false);
  });
})();
