// What breaks when a page does not reflow (WCAG 2.2 1.4.4 and 1.4.10), as
// the page is now: run by tests/e2e/reflow.py, it returns one sentence per
// problem, or nothing.
//
// - The page scrolls sideways (the document is wider than the screen).
// - A box the visitor can see is wider than the screen, or holds content
//   wider than itself: it scrolls on its own, cuts the content off
//   (overflow: hidden, text-overflow: ellipsis), or lets a child stick out.
// - A word is split across two lines: the parts of a word's Range sit on
//   more than one line. Only a string longer than the box that holds its
//   line may break (overflow-wrap: break-word, for a long email or address);
//   a word that fits there never does (no hyphenation, no
//   overflow-wrap: anywhere or word-break squeezing a table cell or flex
//   item). Where hyphens: auto is set, that alone is a problem: this
//   Chromium may have no hyphenation dictionary, a phone's does.
// Hidden things (display: none, visibility: hidden, opacity: 0, clipped to
// nothing as visually-hidden text is) are not seen, so are not checked.
() => {
  const screenWidth = document.documentElement.clientWidth;
  const problems = [];

  const describe = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) part += "#" + e.id;
      else if (e.classList.length) part += "." + Array.from(e.classList).slice(0, 2).join(".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  };

  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > screenWidth) problems.push(`the page scrolls sideways: ${pageWidth} px wide on a ${screenWidth} px screen`);

  const unseen = new Set();
  const flagged = new Set();
  const insideFlagged = (element) => {
    for (let e = element.parentElement; e; e = e.parentElement) if (flagged.has(e)) return true;
    return false;
  };
  const seen = (element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const outside = (box, left, right) => (box.width > 0 || box.height > 0) && (box.right > right + 1 || box.left < left - 1);
  // Content: text, a picture or a control; not an empty backdrop or overlay.
  const holdsContent = (element) => element.textContent.trim() !== ""
    || element.matches("img, svg, video, canvas, iframe, input, select, textarea, button");
  // What a box holds that reaches past its sides: a child's box, or text
  // (cut off by overflow: hidden, it still has its full width).
  const sticksOut = (element, left, right) => {
    const child = Array.from(element.querySelectorAll("*"))
      .find((e) => outside(e.getBoundingClientRect(), left, right) && seen(e) && holdsContent(e));
    if (child) return describe(child);
    const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.data.trim() || !seen(node.parentElement)) continue;
      range.selectNodeContents(node);
      if (Array.from(range.getClientRects()).some((rect) => outside(rect, left, right))) {
        return `the text "${node.data.trim().slice(0, 40)}"`;
      }
    }
    return null;
  };

  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (unseen.has(element.parentElement)
        || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
        || (style.position === "absolute" && style.clip !== "auto")) {
      unseen.add(element);
      continue;
    }
    if (insideFlagged(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if ((box.left < -0.5 || box.right > screenWidth + 0.5) && holdsContent(element)) {
      flagged.add(element);
      problems.push(`wider than the screen: ${describe(element)} (from ${Math.round(box.left)} to ${Math.round(box.right)} px)`);
      continue;
    }
    if (element.clientWidth === 0 || element.scrollWidth <= element.clientWidth + 1
        || element.matches("input, select, textarea")) continue;
    // Only what the visitor would see counts: not a last child's outer
    // margin, nor a hidden panel waiting beside the box (the menu's).
    const left = box.left + element.clientLeft;
    const culprit = sticksOut(element, left, left + element.clientWidth);
    if (!culprit) continue;
    flagged.add(element);
    problems.push(`content wider than its box: ${describe(element)} holds ${element.scrollWidth} px in`
      + ` ${element.clientWidth} (overflow-x: ${style.overflowX}); ${culprit} sticks out`);
  }

  // The box whose width a line of text gets whatever the text is: past
  // inline boxes, table parts, and flex and grid items (content sizes those).
  const lineBox = (element) => {
    for (let e = element; e.parentElement; e = e.parentElement) {
      const display = getComputedStyle(e).display;
      const parentDisplay = getComputedStyle(e.parentElement).display;
      if (!(display.startsWith("inline") || display.startsWith("table") || /flex|grid/.test(parentDisplay))) return e;
    }
    return document.body;
  };
  const contentWidth = (element) => {
    const style = getComputedStyle(element);
    return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };

  const range = document.createRange();
  const select = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
  };
  const lineCount = (rects) => new Set(rects.map((rect) => Math.round(rect.top))).size;
  const hyphenating = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || unseen.has(parent) || !node.data.trim()
        || parent.closest("script, style, noscript, template, textarea, select")) continue;
    if (getComputedStyle(parent).hyphens === "auto" && !hyphenating.has(parent)) {
      hyphenating.add(parent);
      problems.push(`words may be hyphenated (hyphens: auto): ${describe(parent)}`);
    }
    for (const chunk of node.data.matchAll(/\S+/g)) {
      const chunkRects = select(node, chunk.index, chunk.index + chunk[0].length);
      if (lineCount(chunkRects) < 2) continue;
      const chunkWidth = chunkRects.reduce((sum, rect) => sum + rect.width, 0);
      if (chunkWidth > contentWidth(lineBox(parent)) + 0.5) continue;
      for (const word of chunk[0].matchAll(/[\p{L}\p{N}'\u2019]+/gu)) {
        const start = chunk.index + word.index;
        if (lineCount(select(node, start, start + word[0].length)) > 1) {
          problems.push(`word split across lines: "${word[0]}" in ${describe(parent)}`);
        }
      }
    }
  }
  return problems;
}
