// Similar threads while a title is typed. Without this file nothing is
// lost: the form works as it is. With it, the title asks GET /search/similar
// for the closest existing threads and lists them under the field, so a
// question that already has an answer is found before it is written again.
"use strict";
(function () {
  function enhance(box) {
    var field = document.getElementById(box.dataset.for);
    if (!field || !window.fetch) {
      return;
    }
    var timer = null;
    var last = "";
    var ask = function () {
      var title = field.value.trim();
      if (title === last) {
        return;
      }
      last = title;
      if (title.length < 6) {
        box.textContent = "";
        return;
      }
      fetch(box.dataset.url + "?title=" + encodeURIComponent(title), {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      })
        .then(function (resp) {
          return resp.ok ? resp.text() : "";
        })
        .then(function (html) {
          // The fragment is our own template's output: titles are escaped
          // by the server, never members' HTML.
          if (title === last) {
            box.innerHTML = html;
          }
        })
        .catch(function () {
          box.textContent = "";
        });
    };
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 350);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-similar-url]").forEach(function (box) {
      box.dataset.url = box.dataset.similarUrl;
      enhance(box);
    });
  });
})();
