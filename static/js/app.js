// Entraide's optional enhancements. Every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Put the keyboard where the problem is: on the error summary of a form
  // that came back with mistakes.
  var errors = document.getElementById("form-errors");
  if (errors) {
    errors.setAttribute("tabindex", "-1");
    errors.focus();
  }
});
