// Canned replies, inserted in place. Without this file each canned reply of
// the reply box is a link to the reply page with the reply filled in, as
// quoting works. With it, the link asks the same reply, filled in for the
// thread, as plain text (GET /t/{id}/canned/{reply}) and inserts it at the
// cursor, keeping what was already typed; a hidden field tells the server
// which canned reply was used, to count it when the reply is published.
"use strict";
(function () {
  function insert(area, text) {
    var start = area.selectionStart || 0;
    var end = area.selectionEnd || 0;
    var before = area.value.slice(0, start);
    var after = area.value.slice(end);
    if (before !== "" && !/\n\n$/.test(before)) {
      text = (/\n$/.test(before) ? "\n" : "\n\n") + text;
    }
    if (after !== "" && !/^\n/.test(after)) {
      text = text + "\n\n";
    }
    area.value = before + text + after;
    var caret = before.length + text.length;
    area.setSelectionRange(caret, caret);
  }

  function enhance(form) {
    var area = form.querySelector('textarea[name="body"]');
    var status = form.querySelector(".canned-status");
    if (!area || !window.fetch) {
      return;
    }
    var say = function (text) {
      if (status) {
        status.textContent = text;
      }
    };
    form.querySelectorAll("a[data-canned-url]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        fetch(link.dataset.cannedUrl, { credentials: "same-origin", headers: { Accept: "text/plain" } })
          .then(function (response) {
            if (!response.ok) {
              throw new Error("canned reply: HTTP " + response.status);
            }
            return response.text();
          })
          .then(function (text) {
            // Plain text into a text box: nothing here is read as HTML.
            insert(area, text);
            var id = link.dataset.cannedId;
            if (!form.querySelector('input[name="canned"][value="' + id + '"]')) {
              var used = document.createElement("input");
              used.type = "hidden";
              used.name = "canned";
              used.value = id;
              form.appendChild(used);
            }
            var details = link.closest("details");
            if (details) {
              details.open = false;
            }
            area.focus();
            say(status ? status.dataset.inserted : "");
          })
          .catch(function () {
            say(status ? status.dataset.failed : "");
          });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.post-form").forEach(enhance);
  });
})();
