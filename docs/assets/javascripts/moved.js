// The comparison was one page; its sections are pages of their own now. An old link to one of
// its headings (comparison/#metrics-length) lands on the section's overview, which lists each
// old id with a hidden link to where it lives now (scripts/comparison/render.py, MOVED; the
// strict build checks every one of those links). This follows it.
(function () {
  "use strict";
  function forward() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var links = document.querySelectorAll("#moved-ids a[data-moved-from]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-moved-from") === id) {
        location.replace(links[i].href);
        return;
      }
    }
  }
  // Material's instant navigation swaps pages without a load: document$ emits on each one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(forward);
  } else {
    forward();
  }
  window.addEventListener("hashchange", forward);
})();
