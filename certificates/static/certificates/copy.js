// "Copy the address" buttons (My certificates): shown only when the browser can copy. Without script,
// the address stays in a read-only box to select and copy by hand.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var id = button.getAttribute("data-copy");
    var field = document.getElementById(id);
    var done = document.querySelector('[data-copy-done="' + id + '"]');
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (done) done.textContent = button.getAttribute("data-copied");
      }, function () {
        field.focus();
        field.select();
      });
    });
  });
})();
