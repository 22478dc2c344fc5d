// A page that says something was sent already ("Uw melding is al verstuurd", "Uw klacht is verstuurd") is
// often reached with the browser's back button, which puts back the scroll position of the longer page that
// was left: the message sat above the screen, and the button to start anew in view. The page opens at the
// message instead, with the focus on it, so screen readers read it first too.
(function () {
  "use strict";
  var notice = document.querySelector("[data-notice-first]");
  if (!notice) { return; }
  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  notice.focus();
})();
