// What is typed on a page stays in this tab until the form is sent: the browser's Back and then "Verder",
// or a reload, brought a page not yet sent back empty. A form with data-concept="<kind>:<which one>:<page>"
// keeps its fields in sessionStorage as they are typed, and as they are when the page is left; when the page
// opens again only its empty fields are filled, so what the server shows (an answer stored, a post with
// errors) always wins. What was kept for another one of the same kind (an earlier melding, perhaps about
// another person) goes, and a page with data-concept-done="<kind>" (the melding or complaint sent) removes
// them all. sessionStorage belongs to the tab and goes when it closes: nothing stays on a shared computer.
// A single checkbox (a consent) is a yes given by clicking: never filled in again.
(function () {
  "use strict";

  var storage;
  try {
    storage = window.sessionStorage;
    storage.getItem("concept");
  } catch (error) {
    return;  // storage refused (a private window in some browsers): the pages work as before
  }
  var PREFIX = "concept:";

  function removeAll(start, except) {
    Object.keys(storage).forEach(function (key) {
      if (key.indexOf(start) === 0 && !(except && key.indexOf(except) === 0)) { storage.removeItem(key); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-concept]"), function (form) {
    var name = form.getAttribute("data-concept");
    var key = PREFIX + name;
    var parts = name.split(":");
    removeAll(PREFIX + parts[0] + ":", PREFIX + parts[0] + ":" + parts[1]);

    function kept(element) {
      if (!element.name || element.name === "csrfmiddlewaretoken" || element.disabled) { return false; }
      if (/^(hidden|submit|button|reset|password|file)$/.test(element.type)) { return false; }
      return element.type !== "checkbox" || form.querySelectorAll("[name='" + element.name + "']").length > 1;
    }
    function fields() { return Array.prototype.filter.call(form.elements, kept); }
    function chosenIn(name) {
      return Array.prototype.some.call(form.querySelectorAll("[name='" + name + "']"), function (input) {
        return input.checked;
      });
    }

    function save() {
      var typed = {};
      fields().forEach(function (element) {
        if (element.type === "radio") {
          if (element.checked) { typed[element.name] = element.value; }
        } else if (element.type === "checkbox") {
          typed[element.name] = typed[element.name] || [];
          if (element.checked) { typed[element.name].push(element.value); }
        } else {
          typed[element.name] = element.value;
        }
      });
      try {
        storage.setItem(key, JSON.stringify(typed));
      } catch (error) { /* storage full: the page works as before */ }
    }

    function restore(typed) {
      var empty = {};  // whether each choice was empty as the page came, before anything is filled in
      fields().forEach(function (element) {
        if (element.type === "radio" || element.type === "checkbox") {
          if (!(element.name in empty)) { empty[element.name] = !chosenIn(element.name); }
        }
      });
      fields().forEach(function (element) {
        if (!Object.prototype.hasOwnProperty.call(typed, element.name)) { return; }
        var value = typed[element.name];
        if (element.type === "radio") {
          if (empty[element.name] && element.value === value) { element.checked = true; }
        } else if (element.type === "checkbox") {
          if (empty[element.name] && Array.isArray(value) && value.indexOf(element.value) !== -1) {
            element.checked = true;
          }
        } else if (!element.value && typeof value === "string") {
          element.value = value;
        }
      });
    }

    var typed = null;
    try { typed = JSON.parse(storage.getItem(key) || "null"); } catch (error) { typed = null; }
    if (typed && typeof typed === "object") { restore(typed); }
    // Kept after sending too: a post the server refuses (too often, with errors shown once) loses nothing.
    var typedHere = false;
    function typing() { typedHere = true; save(); }
    form.addEventListener("input", typing);
    form.addEventListener("change", typing);
    // What the page's script filled in (the street the address lookup found) is kept as the page is left.
    window.addEventListener("pagehide", function () { if (typedHere) { save(); } });
  });

  var done = document.querySelector("[data-concept-done]");
  if (done) { removeAll(PREFIX + done.getAttribute("data-concept-done")); }
})();
