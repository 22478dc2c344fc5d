// Progressive enhancement for begrippen: open the explanation in place instead of jumping to it,
// announce the state, and close it with the same link or Escape. Without JavaScript, :target does this.
(function () {
  "use strict";
  function toggle(begrip, open) {
    begrip.classList.toggle("begrip--open", open);
    begrip.querySelector(".begrip__term").setAttribute("aria-expanded", open ? "true" : "false");
  }
  // On paper every answer shows (browsers without ::details-content print closed <details> closed).
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-opened-for-print");
    });
  });
  document.querySelectorAll(".begrip").forEach(function (begrip) {
    var term = begrip.querySelector(".begrip__term");
    var close = begrip.querySelector(".begrip__sluit");
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function (event) {
      event.preventDefault();
      toggle(begrip, !begrip.classList.contains("begrip--open"));
    });
    if (close) {
      close.addEventListener("click", function (event) {
        event.preventDefault();
        toggle(begrip, false);
        term.focus();
      });
    }
    begrip.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && begrip.classList.contains("begrip--open")) {
        toggle(begrip, false);
        term.focus();
      }
    });
  });
})();
