// Text boxes with a limit (data-max-length, core/limited_text.py) say how much room is left: in the melding,
// the complaint form and the backoffice's forms (a walk typed a complaint 300 characters too long and heard so
// only after sending).
(function () {
  "use strict";

  // The server checks the length; nothing typed or pasted is cut off.
  // The box is described by the count, read when it gets the focus. A screen reader hears a new count only
  // once the typing pauses, and only when the room runs short (a tenth of it, at least 20 characters) or is
  // over: a count after every pause talked over the letters a walk with a screen reader typed, with 1,988
  // characters left.
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-max-length]"), function (input) {
    var max = parseInt(input.getAttribute("data-max-length"), 10);
    var shortOfRoom = Math.max(20, Math.floor(max / 10));
    var counter = document.createElement("p");
    counter.className = "form-field__hint char-count";
    counter.id = input.id + "_count";
    counter.setAttribute("data-to-writer", "");  // it speaks to whoever types, also for someone else
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    input.parentNode.insertBefore(counter, input.nextSibling);
    counter.parentNode.insertBefore(spoken, counter.nextSibling);
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    var pause = null;
    function update(event) {
      // Counted as the server counts: without spaces at the start and end, and an emoji as one character.
      var left = max - Array.from(input.value.trim()).length;
      counter.textContent = left >= 0 ?
        "U kunt nog " + left + (left === 1 ? " teken" : " tekens") + " gebruiken." :
        "Dit is " + (-left) + (left === -1 ? " teken" : " tekens") + " te lang.";
      counter.classList.toggle("char-count--over", left < 0);
      if (!event) { return; }  // the first count is read with the box
      window.clearTimeout(pause);
      if (left > shortOfRoom) { spoken.textContent = ""; return; }
      pause = window.setTimeout(function () { spoken.textContent = counter.textContent; }, 1000);
    }
    input.addEventListener("input", update);
    update();
  });
})();
