// In-place thank-yous: a "Merci" form is sent in the background and the
// server's answer — the control as it now stands, or the message of a
// refusal — takes its place. Without this file the form posts and the page
// comes back with the same result.
"use strict";
(function () {
  var live;
  function announce(text) {
    if (!live) {
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function fragment(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    return tpl.content.firstElementChild;
  }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains("thank-form") || !window.fetch) {
      return;
    }
    var box = form.closest("[data-thanks]");
    if (!box) {
      return;
    }
    e.preventDefault();
    var button = form.querySelector("button");
    if (button) {
      if (button.disabled) {
        return;
      }
      button.disabled = true;
    }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      headers: { "X-Requested-With": "entraide" }
    }).then(function (res) {
      return res.text().then(function (text) {
        if (res.ok) {
          var fresh = fragment(text);
          box.replaceWith(fresh);
          var again = fresh.querySelector("button");
          if (again) {
            again.focus();
          }
          var state = fresh.querySelector(".thanked");
          announce(state ? state.textContent : (again ? again.textContent : ""));
          // Thanked, the reply no longer waits for the asker's response.
          var post = fresh.closest("article");
          var reminder = post && state ? post.querySelector(".reminder") : null;
          if (reminder) {
            reminder.remove();
          }
        } else if (res.status === 422) {
          var old = box.parentNode.querySelector(".action-error");
          if (old) {
            old.remove();
          }
          box.insertAdjacentElement("afterend", fragment(text));
          if (button) {
            button.disabled = false;
          }
        } else {
          form.submit(); // the full page says what went wrong
        }
      });
    }).catch(function () {
      form.submit();
    });
  });
})();
