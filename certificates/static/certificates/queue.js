// The supervisor's queue, enhanced: a "tick all on this page" box (tri-state) and ticks that survive a
// decision on a single entry (kept for the tab in sessionStorage). Without script the page works as it
// is: each box is ticked by hand, and "All entries waiting, on every page" decides every entry.
(function () {
  "use strict";
  var bulk = document.getElementById("bulk-decision");
  if (!bulk) return;
  var KEY = "lms.queue.ticked";
  var boxes = Array.prototype.slice.call(
    document.querySelectorAll('input[type="checkbox"][name="entries"][form="bulk-decision"]')
  );
  if (!boxes.length) return;
  var tickAll = document.getElementById("tick-all");
  var counter = document.querySelector("[data-tick-count]");

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function store(ids) {
    try { window.sessionStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* storage off: ticks last the page */ }
  }
  // Ticks of other pages are kept; this page's are replaced by what is ticked now.
  function save() {
    var here = boxes.map(function (b) { return b.value; });
    var kept = load().filter(function (id) { return here.indexOf(id) === -1; });
    boxes.forEach(function (b) { if (b.checked) kept.push(b.value); });
    store(kept);
  }
  function refresh() {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    if (tickAll) {
      tickAll.checked = ticked === boxes.length;
      tickAll.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    if (counter) {
      counter.textContent = ticked === 0 ? "" : ticked === 1
        ? counter.getAttribute("data-one")
        : counter.getAttribute("data-many").replace("{count}", String(ticked));
    }
  }

  // A page the server re-showed after a refused decision carries the ticks it was sent: those win.
  if (boxes.some(function (b) { return b.defaultChecked; })) {
    save();
  } else {
    var stored = load();
    boxes.forEach(function (b) { if (stored.indexOf(b.value) !== -1) b.checked = true; });
  }
  boxes.forEach(function (b) {
    b.addEventListener("change", function () { save(); refresh(); });
  });
  if (tickAll) {
    tickAll.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = tickAll.checked; });
      save();
      refresh();
    });
    var wrap = document.querySelector("[data-select-all]");
    if (wrap) wrap.hidden = false;
  }
  // Once a decision on several entries is sent, its ticks are done with (a refusal re-shows them).
  bulk.addEventListener("submit", function () { store([]); });
  refresh();
})();
