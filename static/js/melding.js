// Progressive enhancement of the melding: the address is looked up while typing, and the back link
// keeps what was typed on this page. Without this script every page works the same through the server.
(function () {
  "use strict";

  // After a failed submit, move focus to the error summary so screen readers read it first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  var form = document.getElementById("melding-form");
  if (!form) { return; }

  // Back or forward to a page, the browser puts back what its fields held when it was left: after a page
  // with errors, an answer corrected since ("12" for a postcode), which "Verder" would store again. A page
  // with stored answers shows them as the server sent them; a page not yet sent keeps what was typed.
  var navigation = window.performance && performance.getEntriesByType ?
    performance.getEntriesByType("navigation")[0] : null;
  var answered = Array.prototype.some.call(form.querySelectorAll("input, textarea"), function (input) {
    if (input.type === "radio" || input.type === "checkbox") { return input.defaultChecked; }
    return input.type !== "hidden" && input.type !== "submit" && input.defaultValue !== "";
  });
  if (navigation && navigation.type === "back_forward" && answered) {
    window.addEventListener("pageshow", function () { form.reset(); });  // the browser puts back before it
  }

  // Back link: submit the page as it is, so nothing typed is lost, then go to the previous step.
  var previous = form.getAttribute("data-previous-step");
  var back = document.querySelector(".back-link");
  if (back && previous) {
    back.addEventListener("click", function (event) {
      event.preventDefault();
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "wizard_goto_step";
      input.value = previous;
      form.appendChild(input);
      form.submit();
    });
  }

  // A question that counts only after one answer ("Waar dan?" after "Ergens anders") shows once that answer
  // is chosen. It stays in sight while it holds text or an error, so nothing typed is hidden.
  Array.prototype.forEach.call(form.querySelectorAll("[data-shown-when]"), function (wrapper) {
    var rule = wrapper.getAttribute("data-shown-when").split("=");
    var answers = form.querySelectorAll("[name='" + rule[0] + "']");
    var own = wrapper.querySelector("input[type=text], textarea");  // the question's own text
    function update() {
      var chosen = Array.prototype.some.call(answers, function (input) {
        return input.checked && input.value === rule[1];
      });
      wrapper.hidden = !chosen && !own.value.trim() && !wrapper.classList.contains("form-field--invalid");
    }
    Array.prototype.forEach.call(answers, function (input) { input.addEventListener("change", update); });
    window.addEventListener("pageshow", update);  // after the form's reset on back and forward (above)
    update();
  });

  // An error that asks only for an answer goes once something is typed ("Vul de naam in." stood beside the
  // name typed since); the server checks it again on "Verder". A found address answers the errors of its
  // fields too (below).
  function clearError(input) {
    var error = document.getElementById(input.id + "_error");
    if (error) { clearFieldError(error, input, input.id); }
  }

  // `described`: the element that names the error (a box, or the fieldset of a list of choices); `anchor`: what
  // the summary's line for it links to (a box, or the first choice).
  function clearFieldError(error, described, anchor) {
    error.remove();
    var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== error.id;
    });
    if (ids.length) { described.setAttribute("aria-describedby", ids.join(" ")); }
    else { described.removeAttribute("aria-describedby"); }
    described.removeAttribute("aria-invalid");
    described.closest(".form-field").classList.remove("form-field--invalid");
    var line = summary && summary.querySelector("a[href='#" + anchor + "']");
    if (line) {
      // Read out when the page opened; as an alert it was read out whole again for each line that went
      // (a walk with a screen reader heard it over her typing). A group keeps its name.
      summary.setAttribute("role", "group");
      line.parentNode.remove();
    }
    if (summary && !summary.querySelector("li")) {
      summary.remove();
      summary = null;
      document.title = document.title.replace(/^Fout: /, "");
    }
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-error-required]"), function (error) {
    var field = error.closest(".form-field");
    var choices = field.querySelectorAll("input[type=radio], input[type=checkbox]");
    if (choices.length) {  // a choice made answers "Kies een antwoord."; a list's fieldset names the error
      var described = field.tagName === "FIELDSET" ? field : choices[0];
      var clear = function () { if (error.isConnected) { clearFieldError(error, described, choices[0].id); } };
      Array.prototype.forEach.call(choices, function (choice) { choice.addEventListener("change", clear); });
      return;
    }
    var input = document.getElementById(error.id.replace(/_error$/, ""));
    if (!input || !/^(INPUT|TEXTAREA)$/.test(input.tagName)) { return; }
    input.addEventListener("input", function () { if (input.value.trim()) { clearError(input); } });
  });

  var address = form.querySelector("[data-address]");
  if (!address || !window.fetch) { return; }
  var field = function (name) { return form.querySelector("[name='gegevens-" + name + "']"); };
  var postcode = field("postcode"), number = field("huisnummer"), addition = field("toevoeging");
  var street = field("straat"), town = field("woonplaats");
  var status = address.querySelector("[data-address-status]");
  var button = address.querySelector("[data-address-button]");
  // The last question asked and its answer: "Zoek adres" right after typing the house number asked twice (the
  // box's change event on leaving it, then the click); the click now uses the answer on its way.
  var lastQuery = "";
  var lastAnswer = null;
  var unavailable = address.getAttribute("data-unavailable-message");
  // What the lookup last wrote in each field. What the user typed there wins, as on the server: only the
  // button ("Zoek adres") writes over it.
  var filled = new Map();
  // The street and town the page opened with belong to its postcode and house number: with another
  // address they go, as on the server; what the user typed since stays.
  function place() { return postcode.value.replace(/\s+/g, "").toUpperCase() + " " + number.value.trim(); }
  var opened = { place: place(), street: street.value, town: town.value };
  function keptFromEarlier(input) {
    return place() !== opened.place && input.value === (input === street ? opened.street : opened.town);
  }
  // An answer for the field the user is in waits until she leaves it: written at once, what she types goes
  // after it ("EssenpleinEssenplein").
  var waiting = new Map();

  function fill(input, value, force) {
    waiting.delete(input);
    if (!force && document.activeElement === input) {
      waiting.set(input, value);
    } else if (force || !input.value.trim() || input.value === filled.get(input) || keptFromEarlier(input)) {
      input.value = value;
      filled.set(input, value);
      clearError(input);
    }
  }

  // An answer that found no address takes back what the lookup wrote for an earlier one, and the street the
  // page opened with for another address (the town stays, as on the server: the postcode is ours).
  function unfill(input) {
    waiting.delete(input);
    var lookedUp = filled.has(input) && input.value === filled.get(input);
    if (lookedUp || (input === street && keptFromEarlier(input))) { input.value = ""; }
    filled.delete(input);
  }

  [street, town].forEach(function (input) {
    input.addEventListener("blur", function () {
      if (waiting.has(input)) { fill(input, waiting.get(input), false); }
    });
  });

  function show(message, warning) {
    status.textContent = "";
    if (!message) { return; }
    var p = document.createElement("p");
    p.className = warning ? "note note--warning" : "note";
    p.textContent = message;
    status.appendChild(p);
  }

  function lookup(force) {
    var pc = postcode.value.replace(/\s+/g, "");
    var complete = /^[1-9][0-9]{3}[A-Za-z]{2}$/.test(pc) && /^[0-9]{1,5}/.test(number.value.trim());
    if (!complete && !force) { return; }  // the button always answers: the server says what is missing
    var query = "postcode=" + encodeURIComponent(pc) + "&huisnummer=" + encodeURIComponent(number.value.trim()) +
      "&toevoeging=" + encodeURIComponent(addition.value.trim());
    var asked = query === lastQuery && lastAnswer;
    if (asked && !force) { return; }
    if (!asked) {
      lastQuery = query;
      var body = new URLSearchParams(query);
      var csrf = form.querySelector("[name='csrfmiddlewaretoken']");
      if (csrf) { body.append("csrfmiddlewaretoken", csrf.value); }
      // POST: the address stays out of the URL, and so out of access logs.
      lastAnswer = fetch(address.getAttribute("data-address-url"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { status: "unavailable" }; })
        .catch(function () { return { status: "unavailable" }; });
    }
    var answer = lastAnswer;
    answer.then(function (result) {
      if (result.status === "unavailable" && answer === lastAnswer) { lastAnswer = null; }  // asked again next time
      if (result.status === "found") {
        [postcode, number, addition].forEach(clearError);
        fill(street, result.straat, force);
        fill(town, result.woonplaats, force);
        show(result.message, false);
      } else {
        if (result.status !== "unavailable") { unfill(street); unfill(town); }
        show(result.message || unavailable, true);
      }
      // Asked for (Enter, "Zoek adres"), the answer is brought into sight: with large text, after Enter in
      // the house number it stood below the screen, and nothing seemed to happen.
      var stillHere = answer === lastAnswer && address.contains(document.activeElement);
      if (force && stillHere && status.textContent.trim()) { status.scrollIntoView({ block: "nearest" }); }
    });
  }

  [postcode, number, addition].forEach(function (input) {
    input.addEventListener("change", function () { lookup(false); });
    // Enter after the postcode and house number looks up the address, as the hint asks ("Kies dan Zoek
    // adres"): it moved the page on, with errors for the phone number she had not reached yet.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); lookup(true); }
    });
  });
  if (button) {
    button.addEventListener("click", function (event) { event.preventDefault(); lookup(true); });
  }
})();
