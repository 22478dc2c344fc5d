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
