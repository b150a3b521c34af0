/* report.html behaviour: the evidence view, filters and search, timeline views and zoom, table
   sorting. Reads only the page's own DOM and writes text with textContent, so nothing from the
   data is ever parsed as markup. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var panel = document.getElementById("evidence");
  var what = panel.querySelector(".ev-what");
  var text = panel.querySelector(".ev-text");

  // --- evidence -------------------------------------------------------------------------------
  // An element of the aligned timeline keeps no tooltip of its own: its twin in the calendar view
  // (same data-t key) holds it.
  function twinOf(el) {
    var view = el.getAttribute("data-twin");
    if (!view) return null;
    return document.querySelector("#" + CSS.escape(view) + ' [data-t="' + CSS.escape(el.getAttribute("data-t")) + '"]');
  }

  function tipOf(el) {
    var t = el.getAttribute("title");
    if (t === null) {
      var n = el.querySelector("title");
      t = n ? n.textContent : "";
    }
    if (!t) {
      var twin = twinOf(el);
      if (twin) return tipOf(twin);
    }
    return t || "";
  }

  // Hovering an aligned-view element shows its twin's tooltip: copy it over on first hover.
  document.addEventListener("mouseover", function (e) {
    var el = e.target.closest ? e.target.closest("[data-twin]") : null;
    if (!el || el.hasAttribute("title")) return;
    var twin = twinOf(el);
    if (twin && twin.getAttribute("title")) el.setAttribute("title", twin.getAttribute("title"));
  });

  function addMarked(parent, line, mark) {
    var i = mark ? line.indexOf(mark) : -1;
    if (i < 0) { parent.appendChild(document.createTextNode(line)); return; }
    parent.appendChild(document.createTextNode(line.slice(0, i)));
    var m = document.createElement("mark");
    m.textContent = mark;
    parent.appendChild(m);
    parent.appendChild(document.createTextNode(line.slice(i + mark.length)));
  }

  function tableRow(nid) {
    return nid ? document.querySelector('#cmp tbody tr[data-nid="' + CSS.escape(nid) + '"]') : null;
  }

  function highlight(nid) {
    each(document.querySelectorAll("tr.hl"), function (r) { r.classList.remove("hl"); });
    var row = tableRow(nid);
    if (row) row.classList.add("hl");
    return row;
  }

  function show(el) {
    var lines = tipOf(el).split("\n");
    var twin = twinOf(el);
    var mark = el.getAttribute("data-mark") || (twin ? twin.getAttribute("data-mark") : null);
    what.textContent = lines.slice(0, 2).join(" — ");
    text.textContent = "";
    lines.slice(2).forEach(function (line) {
      var p = document.createElement("p");
      addMarked(p, line, mark);
      text.appendChild(p);
    });
    var owner = el.closest("[data-nid]");
    var row = highlight(owner ? owner.getAttribute("data-nid") : null);
    if (row) {
      // The notice's title and publisher, from its table row (kept out of every tooltip).
      var about = [".c-title", ".c-publisher"].map(function (s) {
        var c = row.querySelector(s);
        return c ? c.getAttribute("title") : "";
      }).filter(Boolean).join(" · ");
      if (about) {
        var p0 = document.createElement("p");
        p0.className = "about";
        p0.textContent = about.length > 300 ? about.slice(0, 299) + "…" : about;
        text.insertBefore(p0, text.firstChild);
      }
    }
    if (row && !el.closest("#cmp")) {
      var a = document.createElement("a");
      a.className = "jump";
      a.href = "#" + row.id;
      a.textContent = "跳到对比表中的这一行 (jump to the table row)";
      var p = document.createElement("p");
      p.appendChild(a);
      text.appendChild(p);
    }
    each(document.querySelectorAll(".ev.active"), function (x) { x.classList.remove("active"); });
    el.classList.add("active");
    panel.hidden = false;
  }

  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest(".ev") : null;
    if (!el) return;
    e.preventDefault();
    show(el);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { panel.hidden = true; return; }
    var t = e.target;
    if ((e.key === "Enter" || e.key === " ") && t.classList && t.classList.contains("ev")) {
      e.preventDefault();
      show(t);
    }
  });
  panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; });

  // --- timeline views and zoom --------------------------------------------------------------------
  function press(buttons, on) {
    each(buttons, function (b) { b.setAttribute("aria-pressed", b === on ? "true" : "false"); });
  }

  var views = document.querySelectorAll("button.view");
  each(views, function (btn) {
    btn.addEventListener("click", function () {
      press(views, btn);
      each(views, function (b) {
        var view = document.getElementById(b.getAttribute("data-view"));
        if (view) view.hidden = b !== btn;
      });
      fitTicks();
    });
  });

  // Show as many ticks as fit without their labels touching: 10-day marks (d), months (m), or
  // quarters only (y); the aligned view's levels are its fine and coarse day steps.
  function crowded(tl) {
    var spans = Array.prototype.filter.call(tl.querySelectorAll(".tl-axis .tick > span"), function (s) {
      return s.offsetParent !== null;
    }).map(function (s) { var b = s.getBoundingClientRect(); return [b.left, b.right]; });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    for (var i = 1; i < spans.length; i++) if (spans[i - 1][1] > spans[i][0] - 2) return true;
    return false;
  }
  // A label at either end of the axis is moved inwards so the box does not cut it.
  function keepInside(tl) {
    var axis = tl.querySelector(".tl-axis");
    var box = axis.getBoundingClientRect();
    var lo = box.left - 8, hi = box.right + 8; // the axis has 10 px of margin on each side
    each(axis.querySelectorAll(".tick > span"), function (s) {
      s.style.transform = "";
      if (s.offsetParent === null) return;
      var b = s.getBoundingClientRect();
      if (b.left < lo) s.style.transform = "translateX(calc(-50% + " + (lo - b.left) + "px))";
      else if (b.right > hi) s.style.transform = "translateX(calc(-50% - " + (b.right - hi) + "px))";
    });
  }
  function fitTicks() {
    each(document.querySelectorAll(".tl"), function (tl) {
      if (tl.offsetParent === null) return; // hidden: fitted when shown
      var levels = ["d", "m", "y"];
      for (var i = 0; i < levels.length; i++) {
        tl.setAttribute("data-density", levels[i]);
        keepInside(tl);
        if (!crowded(tl)) break;
      }
    });
  }

  var tlSec = document.getElementById("timeline-sec");
  var zooms = document.querySelectorAll("button[data-zoom]");
  each(zooms, function (btn) {
    btn.addEventListener("click", function () {
      var boxes = document.querySelectorAll(".tl-box");
      // Keep what is in the middle of each box in the middle after zooming.
      var mid = Array.prototype.map.call(boxes, function (b) {
        return b.scrollLeft > 0 ? (b.scrollLeft + b.clientWidth / 2) / b.scrollWidth : -1;
      });
      tlSec.style.setProperty("--zoom", btn.getAttribute("data-zoom"));
      press(zooms, btn);
      each(boxes, function (b, i) { b.scrollLeft = mid[i] < 0 ? 0 : mid[i] * b.scrollWidth - b.clientWidth / 2; });
      fitTicks();
    });
  });
  window.addEventListener("resize", fitTicks);
  fitTicks();

  // --- filters and search ------------------------------------------------------------------------
  var table = document.getElementById("cmp");
  var q = document.getElementById("f-q");
  var selects = {
    province: document.getElementById("f-province"),
    domain: document.getElementById("f-domain"),
    year: document.getElementById("f-year"),
    flag: document.getElementById("f-flag")
  };
  var count = document.getElementById("f-count");
  var chips = document.querySelectorAll(".flagchip");

  function keep(tr) {
    var want = q.value.trim().toLowerCase();
    if (want && (tr.getAttribute("data-place") || "").toLowerCase().indexOf(want) < 0) return false;
    for (var k in selects) {
      var v = selects[k].value;
      if (!v || k === "flag") continue;
      if (tr.getAttribute("data-" + k) !== v) return false;
    }
    var f = selects.flag.value;
    var flags = tr.getAttribute("data-flags") || "";
    if (f === "any") return flags !== "";
    if (f === "none") return flags === "";
    if (f) return (" " + flags + " ").indexOf(" " + f + " ") >= 0;
    return true;
  }

  function apply() {
    if (!table) return;
    var shown = {};
    var rows = table.tBodies[0].rows;
    var n = 0;
    each(rows, function (tr) {
      var on = keep(tr);
      tr.hidden = !on;
      if (on) { shown[tr.getAttribute("data-nid")] = true; n++; }
    });
    each(document.querySelectorAll(".tl-row[data-nid], .mx tbody tr[data-nid], .missing-start a[data-nid]"), function (el) {
      el.hidden = !shown[el.getAttribute("data-nid")];
    });
    // Panels and domain tables with nothing left are hidden; their counts follow the filter.
    each(document.querySelectorAll(".tl-year, .mx-domain"), function (sec) {
      var left = sec.querySelectorAll(".tl-row:not([hidden]), tbody tr:not([hidden])").length;
      sec.hidden = left === 0;
      var c = sec.querySelector("h3 .n");
      if (c) c.textContent = left;
    });
    count.textContent = "显示 " + n + " / " + rows.length + " 份公告";
    each(chips, function (c) { c.setAttribute("aria-pressed", c.getAttribute("data-flag") === selects.flag.value ? "true" : "false"); });
    fitTicks();
  }

  if (q) {
    q.addEventListener("input", apply);
    for (var k in selects) selects[k].addEventListener("change", apply);
    document.getElementById("f-reset").addEventListener("click", function () {
      q.value = "";
      for (var k2 in selects) selects[k2].value = "";
      apply();
    });
    each(chips, function (c) {
      c.addEventListener("click", function () {
        var f = c.getAttribute("data-flag");
        selects.flag.value = selects.flag.value === f ? "" : f;
        apply();
        document.getElementById("filters").scrollIntoView({ block: "start" });
      });
    });
  }

  // --- table sorting --------------------------------------------------------------------------------
  if (!table) return;
  var heads = table.tHead.rows[0].cells;
  each(heads, function (th, col) {
    function sort() {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      each(heads, function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.getAttribute("data-type") === "num";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-v") || "";
        var y = b.cells[col].getAttribute("data-v") || "";
        if (x === "" || y === "") return (x === "" ? 1 : 0) - (y === "" ? 1 : 0); // blanks last
        var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh");
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
  });
})();
