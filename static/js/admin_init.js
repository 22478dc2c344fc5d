/* The Wagtail admin's date choosers and inline panels, started from data attributes instead of inline
   scripts, so the admin works under a Content-Security-Policy without 'unsafe-inline' (see the templates in
   templates/wagtailadmin/). Content added later (a new inline form, a StreamField block) is started too.
   On a page with an error summary, the focus starts there. */
(function () {
  "use strict";
  function start(root) {
    root.querySelectorAll("[data-admin-init]:not([data-admin-done])").forEach(function (el) {
      if (el.closest("template")) { return; }
      var fn = window[el.getAttribute("data-admin-init")];
      if (typeof fn !== "function") { return; }
      el.setAttribute("data-admin-done", "");
      fn(el.getAttribute("data-admin-id"), JSON.parse(el.getAttribute("data-admin-config")));
    });
    root.querySelectorAll("[data-admin-panel]:not([data-admin-done])").forEach(function (el) {
      if (el.closest("template")) { return; }
      var Panel = window[el.getAttribute("data-admin-panel")];
      if (typeof Panel !== "function") { return; }
      el.setAttribute("data-admin-done", "");
      new Panel(JSON.parse(el.getAttribute("data-admin-config")));
    });
    // A melding's status form shows only the chosen status's fields (and the toelichting), none before one is
    // chosen: every status's stood there ("Nieuwe datum van het gesprek" under "Onderzoek afgerond").
    root.querySelectorAll("select[name=status]:not([data-admin-done])").forEach(function (select) {
      var parts = select.form ? select.form.querySelectorAll("[data-for-status]") : [];
      if (!parts.length) { return; }
      select.setAttribute("data-admin-done", "");
      function show() {
        parts.forEach(function (part) {
          part.hidden = part.getAttribute("data-for-status") !== select.value;
        });
      }
      select.addEventListener("change", show);
      show();
    });
    // Wagtail's minimap of a long page scrolls, and only a mouse could scroll it (axe-core:
    // scrollable-region-focusable): the keyboard reaches it too.
    root.querySelectorAll(".w-minimap__list:not([tabindex])").forEach(function (list) {
      list.setAttribute("tabindex", "0");
    });
    // A rich text editor had no name of its own (axe-core: aria-input-field-name): it takes its field's
    // label ("Uitleg") or, as a block of its own in a StreamField, its block's name ("Tekst").
    root.querySelectorAll(".public-DraftEditor-content[role=textbox]:not([aria-label])").forEach(function (box) {
      var name = nameOf(box);
      if (name) { box.setAttribute("aria-label", name); }
    });
  }
  function nameOf(box) {
    var node = box.parentElement;
    for (; node && !node.matches("section.w-panel"); node = node.parentElement) {
      var label = node.querySelector(":scope > .w-field__label");
      if (label) { return label.textContent.replace("*", "").trim(); }
    }
    var block = node && node.querySelector(".c-sf-block__type");
    return block ? block.textContent.trim() : "";
  }
  function begin() {
    start(document);
    // After a form with errors, the focus goes to the backoffice's error summary, so a screen reader reads it
    // first and the keyboard goes on from there (as on the public forms).
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
    new MutationObserver(function () { start(document); }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
