// Progressive enhancement for begrippen: open the explanation (behind the sentence with the term) instead
// of jumping to it, announce the state, and close it with the same link or Escape. Without JavaScript,
// :target does this.
(function () {
  "use strict";
  function toggle(term, explanation, open) {
    explanation.classList.toggle("begrip__uitleg--open", open);
    term.setAttribute("aria-expanded", open ? "true" : "false");
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
  document.querySelectorAll(".begrip__term").forEach(function (term) {
    var explanation = document.getElementById(term.getAttribute("href").slice(1));
    if (!explanation) {
      return;
    }
    var close = explanation.querySelector(".begrip__sluit");
    term.setAttribute("aria-expanded", "false");
    term.setAttribute("aria-controls", explanation.id);
    term.addEventListener("click", function (event) {
      event.preventDefault();
      toggle(term, explanation, !explanation.classList.contains("begrip__uitleg--open"));
    });
    if (close) {
      close.addEventListener("click", function (event) {
        event.preventDefault();
        toggle(term, explanation, false);
        term.focus();
      });
    }
    [term, explanation].forEach(function (element) {
      element.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && explanation.classList.contains("begrip__uitleg--open")) {
          toggle(term, explanation, false);
          term.focus();
        }
      });
    });
  });
})();
