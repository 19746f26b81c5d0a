/* A table wider than the screen scrolls sideways in its own box: make that box reachable and named, so
   keyboard users can scroll it too (WCAG 2.1.1). Material wraps tables once the page is set up. */
(function () {
  function label(wrap) {
    var table = wrap.querySelector("table"), caption = table && table.querySelector("caption");
    var heading = wrap.closest("[aria-label]") ? null : wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return (caption || heading) ? (caption || heading).textContent.replace("¶", "").trim() : "Table";
  }
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1 || wrap.closest("[tabindex]")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(wrap) + " (scrolls sideways)");
    });
  }
  if (window.document$) window.document$.subscribe(mark); else document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();

/* A link to a closed section (an A to Z letter) opens it, so the letter links land on its topics. */
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1)), target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();
