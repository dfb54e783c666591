// A citation marker shows the cited words in place, under the sentence, instead of
// jumping to the foot of the page: a phone reader keeps their place. Enter on a
// focused marker opens it too; Escape (or the marker again) closes it. Without
// scripts a marker stays a plain link to its footnote. On a source page, arriving
// at a cited passage opens the line listing what cites it.
(function () {
  "use strict";

  var SHOWN = "cite-shown";

  function footnoteOf(marker) {
    var id = decodeURIComponent(marker.getAttribute("href").slice(1));
    var note = document.getElementById(id);
    return note && note.closest(".footnote") ? note : null;
  }

  // The footnote's words and source link, without its "back to the text" arrow.
  function shownWords(note, id) {
    var box = document.createElement("span");
    box.className = SHOWN;
    box.id = id;
    box.setAttribute("role", "note");
    note.querySelectorAll("p").forEach(function (p) {
      var line = document.createElement("span");
      line.className = SHOWN + "__words";
      p.childNodes.forEach(function (node) { line.appendChild(node.cloneNode(true)); });
      line.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
      box.appendChild(line);
    });
    return box;
  }

  function close(marker, refocus) {
    var box = document.getElementById(marker.getAttribute("data-cite-shown"));
    if (box) { box.remove(); }
    marker.setAttribute("aria-expanded", "false");
    if (refocus) { marker.focus({ preventScroll: true }); }
  }

  function open(marker, note) {
    var id = SHOWN + "-" + note.id.replace(/[^\w-]/g, "-");
    var box = shownWords(note, id);
    var sup = marker.closest("sup") || marker;
    sup.after(box);  // right after the marker: Tab goes on into the source link
    marker.setAttribute("data-cite-shown", id);  // not aria-controls: the theme's tooltip sets that
    marker.setAttribute("aria-expanded", "true");
  }

  document.addEventListener("click", function (event) {
    var marker = event.target.closest ? event.target.closest("a.footnote-ref") : null;
    if (!marker || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var note = footnoteOf(marker);
    if (!note) { return; }
    event.preventDefault();  // no jump: the page stays where the reader is
    if (marker.getAttribute("aria-expanded") === "true") {
      close(marker, false);
    } else {
      open(marker, note);
    }
  });

  // Arriving at a cited passage of a source page (from a citation) opens its "cited by" line.
  function openCitedBy() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var mark = id && document.getElementById(id);
    if (!mark || !mark.matches("mark.cited")) { return; }
    var line = document.querySelector('details.cited-by a.span-ref[href="#' + CSS.escape(id) + '"]');
    if (line) { line.closest("details").open = true; }
  }
  openCitedBy();
  window.addEventListener("hashchange", openCitedBy);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var box = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("." + SHOWN) : null;
    var marker = box
      ? document.querySelector('a.footnote-ref[data-cite-shown="' + box.id + '"]')
      : document.activeElement;
    if (marker && marker.matches && marker.matches('a.footnote-ref[aria-expanded="true"]')) {
      close(marker, true);
      return;
    }
    document.querySelectorAll('a.footnote-ref[aria-expanded="true"]').forEach(function (open) {
      close(open, false);
    });
  });
})();
