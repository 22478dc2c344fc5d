// Every public page. The phone's "Menu" is a <details> (it works without JavaScript): Escape closes it and
// puts the focus back on "Menu", as a menu does. Two walks pressed Escape in the open menu, and it stayed.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) { return; }
  var button = menu.querySelector("summary");
  menu.addEventListener("keydown", function (event) {
    // On a wide screen the menu is always shown and "Menu" is hidden: there is nothing to close.
    if (event.key !== "Escape" || !menu.open || !button.offsetParent) { return; }
    menu.open = false;
    button.focus();
  });
})();

// A link in an error summary brings its field with the question above it in sight. The browser scrolls the
// field to the top of the window; at 400% zoom the label "Postcode" and the legend "Adres" were then above it
// (a walk by keyboard). The first of legend, the field's whole block (label, hint and error) and label that fits
// on the screen with the field is shown.
(function () {
  "use strict";
  function questions(field) {
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    var label = field.labels && field.labels[0];
    // A box to tick has its error above it and its label beside it: the consent's error was above the screen.
    var whole = field.closest(".form-field");
    return [legend, whole, label].filter(Boolean);
  }
  function bringQuestionIntoView(field) {
    var bottom = field.getBoundingClientRect().bottom;
    var fitting = questions(field).filter(function (question) {
      return bottom - question.getBoundingClientRect().top <= window.innerHeight;
    });
    if (fitting.length) { fitting[0].scrollIntoView({ block: "start" }); }
  }
  // A walk by keyboard: after the link the cursor stood before the wrong number, so Backspace deleted nothing
  // and the right one was typed in front of it. A line is selected, as Tab selects it; in a text box the
  // cursor goes to the end (typing must not replace a whole story).
  function readyToMend(field) {
    if (field.tagName === "TEXTAREA") {
      field.setSelectionRange(field.value.length, field.value.length);
    } else if (field.tagName === "INPUT" && typeof field.select === "function" && field.value) {
      field.select();
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
    var field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) { return; }
    // After the browser's own jump to the field (which also opens a <details> around it, and sets the address).
    window.setTimeout(function () {
      field.focus({ preventScroll: true });
      readyToMend(field);
      bringQuestionIntoView(field);
    }, 0);
  });
})();
