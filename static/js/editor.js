// The Markdown editor's preview, in place. Without this file the "Aperçu"
// button submits the form and the server answers the whole page with the
// preview; with it, the button asks POST /preview for the same rendering
// (the same Markdown and sanitiser as a saved post) and shows it under the
// text box without leaving the page, so nothing typed is lost.
"use strict";
(function () {
  function enhance(form) {
    var button = form.querySelector('button[name="preview"]');
    var area = form.querySelector('textarea[name="body"]');
    var section = form.querySelector("section.preview[data-preview-url]");
    var status = form.querySelector(".preview-status");
    var csrf = form.querySelector('input[name="csrf"]');
    if (!button || !area || !section || !csrf || !window.fetch || !window.FormData) {
      return;
    }
    var say = function (text) {
      if (status) {
        status.textContent = text;
      }
    };
    var busy = false;
    // A click also comes from the keyboard (Enter or Space on the button);
    // Enter in a field submits with the first button, "Publier", as before.
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      button.setAttribute("aria-busy", "true");
      say(section.dataset.loading);
      var data = new FormData();
      data.append("body", area.value);
      fetch(section.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf.value, Accept: "text/html" },
      })
        .then(function (response) {
          // 422 carries a message to show (a text too long); anything else
          // that is not 200 is a failure to say.
          if (!response.ok && response.status !== 422) {
            throw new Error("preview: HTTP " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // The fragment is the server's sanitised rendering, as trusted as
          // the page around it.
          section.innerHTML = html;
          section.hidden = false;
          say(section.dataset.done);
        })
        .catch(function () {
          var problem = document.createElement("p");
          problem.className = "field-error";
          problem.textContent = section.dataset.failed;
          section.replaceChildren(problem);
          section.hidden = false;
          say(section.dataset.failed);
        })
        .then(function () {
          busy = false;
          button.removeAttribute("aria-busy");
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.post-form");
    for (var i = 0; i < forms.length; i++) {
      enhance(forms[i]);
    }
  });
})();
