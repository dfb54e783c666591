// The "#" beside a record copies its full address. Without scripts, or when
// the browser refuses the clipboard, it stays a plain link to the record.
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function status() {
    var region = document.getElementById("copy-link-status");
    if (!region) {
      region = document.createElement("p");
      region.id = "copy-link-status";
      region.className = "copy-link-status";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    return region;
  }

  function confirm(link) {
    status().textContent = "Link copied: " + link.href;
    link.classList.add("copied");
    link.setAttribute("data-copied", "Link copied");
    window.setTimeout(function () { link.classList.remove("copied"); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-copy]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    var address = link.href;
    copy(address).then(function () {
      window.history.replaceState(null, "", address);
      confirm(link);
    }, function () {
      window.location.href = address;
    });
  });
})();
