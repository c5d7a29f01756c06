// Keyboard shortcuts, an extra on top of pages that work without them:
// "/" focuses the search box; "j" and "k" move to the next and previous article in a list.
"use strict";

(function () {
  function typing(target) {
    return target instanceof Element && target.closest("input, textarea, select, [contenteditable]");
  }

  function move(step) {
    const items = Array.from(document.querySelectorAll("[data-item]"));
    if (items.length === 0) return;
    const here = items.indexOf(document.activeElement);
    const next = here === -1 ? (step > 0 ? 0 : items.length - 1) : here + step;
    const item = items[Math.max(0, Math.min(items.length - 1, next))];
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    if (event.key === "/") {
      const search = document.getElementById("site-search");
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (event.key === "j" || event.key === "k") {
      move(event.key === "j" ? 1 : -1);
    }
  });
})();
