// Anchors that moved: content/redirects/ declares them, and the generator puts
// a hidden link for each retired anchor on its page. Arriving at a retired
// anchor follows that link; a page that moved whole has its own redirect page.
(function () {
  "use strict";

  function follow() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) {
      return;
    }
    var links = document.querySelectorAll("a[data-moved-from]");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].getAttribute("data-moved-from") === id) {
        window.location.replace(links[i].href);
        return;
      }
    }
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
