// Autosave for an attempt in progress: answers are posted (fetch) a moment after each change, so
// leaving and coming back loses nothing. Without JavaScript the "Save and finish later" button does
// the same. Also shows the time left and stops double submits.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) return;
  var statusEl = document.getElementById("autosave-status");
  var saveUrl = form.getAttribute("data-save-url");
  var timer = null;
  var inFlight = false;
  var pending = false;

  function say(text) { if (statusEl) statusEl.textContent = text; }

  function save() {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    var data = new FormData(form);
    fetch(saveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) {
        say(form.getAttribute("data-saved-label") + " " + result.body.saved_at);
      } else {
        say(form.getAttribute("data-failed-label") + " " + (result.body.detail || ""));
      }
    }).catch(function () {
      say(form.getAttribute("data-offline-label"));
    }).finally(function () {
      inFlight = false;
      if (pending) { pending = false; save(); }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 800);
  }

  form.addEventListener("change", schedule);
  form.addEventListener("input", schedule);

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute("data-submit")) {
      if (form.getAttribute("data-submitting")) { event.preventDefault(); return; }
      form.setAttribute("data-submitting", "1");
      window.clearTimeout(timer);
      window.setTimeout(function () { submitter.disabled = true; }, 0);
    }
  });

  var timerEl = document.getElementById("timer");
  if (timerEl) {
    var left = parseInt(timerEl.getAttribute("data-seconds-left"), 10);
    var end = Date.now() + left * 1000;
    var out = timerEl.querySelector(".timer__left");
    var tick = function () {
      var seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      out.textContent = "(" + m + ":" + (s < 10 ? "0" : "") + s + ")";
      if (seconds === 0) { window.location.reload(); return; }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
})();
