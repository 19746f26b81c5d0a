/* A table wider than the screen scrolls sideways in its own box: make that box reachable and named, so
   keyboard users can scroll it too (WCAG 2.1.1). Material wraps tables once the page is set up. */
(function () {
  /* The words this script shows, in the page's language (the page's JSON "hb-words"; else the English). */
  function words(english, values) {
    var found = {}, node = document.getElementById("hb-words");
    try { found = node ? JSON.parse(node.textContent) || {} : {}; } catch (e) { found = {}; }
    var text = Object.prototype.hasOwnProperty.call(found, english) && typeof found[english] === "string" ? found[english] : "";
    text = text.replace(/[\ue000\ue001]/g, "") || english;  // an untranslated string comes marked: plain English
    return values ? text.replace(/\{(\w+)\}/g, function (m, name) { return name in values ? String(values[name]) : m; }) : text;
  }
  function label(wrap) {
    var table = wrap.querySelector("table"), caption = table && table.querySelector("caption");
    var heading = wrap.closest("[aria-label]") ? null : wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return (caption || heading) ? (caption || heading).textContent.replace("¶", "").trim() : words("Table");
  }
  /* All the measuring first, then all the marking: measuring after each mark would make the browser lay
     the page out again for every table. A table already inside a named scrolling region (the roles
     appendix) is left unmeasured, so its off-screen layout stays skipped. */
  function mark() {
    var wraps = Array.prototype.filter.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      return !wrap.closest("[tabindex]");
    });
    wraps.filter(function (wrap) { return wrap.scrollWidth > wrap.clientWidth + 1; }).forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", words("{table} (scrolls sideways)", { table: label(wrap) }));
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
