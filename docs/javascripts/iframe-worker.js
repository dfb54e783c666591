// Search in the offline copy (mkdocs-offline.yml), opened from disk: a browser
// refuses to start a Web Worker from a file:// address, so the theme's search
// worker runs in a hidden frame instead. The frame is about:blank, which shares
// this page's origin, and loads the worker with a plain <script>, which file://
// allows. Messages go both ways as "message" events, as with a real worker.
// The name matters: Material's offline plugin adds a copy of this shim from
// unpkg.com unless a polyfill whose address holds "iframe-worker" is listed.
(function () {
  "use strict";

  if (window.location.protocol !== "file:") {
    return;  // served over http(s), the browser's own Worker works
  }

  function FrameWorker(url) {
    var target = new EventTarget();  // what the page listens to for answers
    var frame = document.createElement("iframe");
    var queue = [];
    var ready = false;
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    inner.postMessage = function (data) {  // the worker answers the page
      target.dispatchEvent(new MessageEvent("message", {data: data}));
    };
    inner.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, next) {
        return done.then(function () { return load(next); });
      }, Promise.resolve());
    };

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = inner.document.createElement("script");
        script.src = new URL(src, window.location.href).href;
        script.onload = resolve;
        script.onerror = reject;
        inner.document.head.appendChild(script);
      });
    }

    function deliver(data) {
      inner.dispatchEvent(new inner.MessageEvent("message", {data: data}));
    }

    load(url).then(function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    });

    target.postMessage = function (data) {  // the page asks the worker
      if (ready) {
        deliver(data);
      } else {
        queue.push(data);
      }
    };
    target.terminate = function () {
      frame.remove();
    };
    return target;
  }

  window.Worker = FrameWorker;
})();
