/*
 * Glossary words open their meaning in place, right under the word.
 *
 * The build links the first use of a glossary word in each section to its
 * meaning in the word list at the end of the same page (a tap there works
 * without JavaScript: overrides/sitebuild/glossary_links.py). With this
 * script each such word becomes a button that shows or hides that meaning
 * under it, at the size of the text around it; the list itself is folded
 * away. Enter, Space or a tap opens it; the same again, or Escape, closes it.
 */
(function () {
  "use strict";
  var list = document.getElementById("sog-words");
  if (!list) return;
  list.open = false;

  var count = 0;
  Array.prototype.forEach.call(document.querySelectorAll("a.sog-term"), function (word) {
    var entry = document.getElementById(decodeURIComponent(word.hash.slice(1)));
    var meaning = entry && entry.nextElementSibling;
    if (!meaning) return;
    count += 1;
    var box = document.createElement("span");
    box.className = "sog-meaning";
    box.id = "sog-meaning-" + count;
    box.hidden = true;
    box.textContent = meaning.textContent;
    word.after(box);
    word.setAttribute("role", "button");
    word.setAttribute("aria-expanded", "false");
    word.setAttribute("aria-controls", box.id);
  });

  function show(word, open) {
    var box = document.getElementById(word.getAttribute("aria-controls"));
    word.setAttribute("aria-expanded", open ? "true" : "false");
    box.hidden = !open;
  }

  function toggle(word) {
    show(word, word.getAttribute("aria-expanded") !== "true");
  }

  function termOf(event) {
    var word = event.target.closest && event.target.closest("a.sog-term[aria-controls]");
    return word || null;
  }

  document.addEventListener("click", function (event) {
    var word = termOf(event);
    if (!word) return;
    event.preventDefault();
    toggle(word);
  });

  document.addEventListener("keydown", function (event) {
    var word = termOf(event);
    if (!word) return;
    if (event.key === " ") {
      event.preventDefault();
      toggle(word);
    } else if (event.key === "Escape" && word.getAttribute("aria-expanded") === "true") {
      show(word, false);
    }
  });
})();
