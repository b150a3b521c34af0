/* report.html behaviour: the evidence view and table sorting. Reads only the page's own DOM and
   writes text with textContent, so nothing from the data is ever parsed as markup. */
(function () {
  "use strict";
  var panel = document.getElementById("evidence");
  var what = panel.querySelector(".ev-what");
  var text = panel.querySelector(".ev-text");

  // An element of the aligned timeline keeps no tooltip of its own: its twin in the calendar
  // view (same data-t key) holds it.
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

  document.addEventListener("mouseover", function (e) {
    var el = e.target.closest ? e.target.closest("[data-twin]") : null;
    if (!el || el.querySelector("title")) return;
    var twin = twinOf(el);
    var t = twin ? twin.querySelector("title") : null;
    if (t) el.insertBefore(t.cloneNode(true), el.firstChild);
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

  function highlight(nid) {
    Array.prototype.forEach.call(document.querySelectorAll("tr.hl"), function (r) { r.classList.remove("hl"); });
    if (!nid) return null;
    var rows = document.querySelectorAll("#cmp tbody tr");
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute("data-nid") === nid) { rows[i].classList.add("hl"); return rows[i]; }
    }
    return null;
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
      var about = [row.cells[3].title, row.cells[4].title].filter(Boolean).join(" · ");
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
    var prev = document.querySelectorAll(".ev.active");
    Array.prototype.forEach.call(prev, function (x) { x.classList.remove("active"); });
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

  // Timeline views: calendar time, or aligned on each notice's downtime start.
  var buttons = document.querySelectorAll("button.view");
  Array.prototype.forEach.call(buttons, function (btn) {
    btn.addEventListener("click", function () {
      Array.prototype.forEach.call(buttons, function (b) {
        var on = b === btn;
        b.setAttribute("aria-pressed", on ? "true" : "false");
        var view = document.getElementById(b.getAttribute("data-view"));
        if (view) view.hidden = !on;
      });
    });
  });

  var table = document.getElementById("cmp");
  if (!table) return;
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    function sort() {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
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
