/* The handbook's self-check: quizzes in short sets, checklists, and the record of having done them.
   Dependency-free; the page is complete without it. What it remembers stays on this device
   (localStorage), keyed by the policy version and fingerprint, and is checked when read back: a stored
   value may be damaged or come from an older handbook, so only what is sound is kept. */
(function () {
  "use strict";

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function line(v) { return typeof v === "string" ? v.slice(0, 120) : ""; }

  /* The words this script shows, in the page's language: the page carries them as JSON (overrides/main.html,
     from SCRIPT_STRINGS in macros/interface.py); without a translation the English is shown. */
  var wordsNode = null, wordsFound = {};
  function words(english, values) {
    var node = document.getElementById("hb-words");
    if (node !== wordsNode) {
      wordsNode = node;
      try { wordsFound = node ? JSON.parse(node.textContent) : {}; } catch (e) { wordsFound = {}; }
      if (!isObject(wordsFound)) { wordsFound = {}; }
    }
    var text = has(wordsFound, english) && typeof wordsFound[english] === "string" ? wordsFound[english] : "";
    text = text.replace(/[\ue000\ue001]/g, "") || english;  // an untranslated string comes marked: plain English
    return values ? text.replace(/\{(\w+)\}/g, function (m, name) { return has(values, name) ? String(values[name]) : m; })
      : text;
  }
  function add(parent, tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    parent.appendChild(node);
    return node;
  }
  function today() {  // the reader's own calendar day (toISOString would give the day in UTC)
    var d = new Date();
    return [d.getFullYear(), ("0" + (d.getMonth() + 1)).slice(-2), ("0" + d.getDate()).slice(-2)].join("-");
  }
  function isDay(v) { return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)); }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];
  function longDate(day) {
    var date = new Date(day + "T12:00:00Z");
    if ((document.documentElement.lang || "en").indexOf("en") === 0) {
      return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    }  // a browser may know no other language's month names: the page gives them
    return words("{day} " + MONTHS[date.getUTCMonth()] + " {year}", { day: date.getUTCDate(), year: date.getUTCFullYear() });
  }

  function store(kind, root) {
    var key = ["handbook", root.dataset.version, root.dataset.fingerprint, kind, root.dataset[kind]].join(":");
    return {
      load: function () {
        try { var v = JSON.parse(localStorage.getItem(key)); return isObject(v) ? v : {}; } catch (e) { return {}; }
      },
      save: function (v) { try { localStorage.setItem(key, JSON.stringify(v)); } catch (e) { /* private mode */ } },
      clear: function () { try { localStorage.removeItem(key); } catch (e) { /* private mode */ } }
    };
  }

  /* ---- The short code: a compact payload, base32, with a check byte (read back by `macros register`) ---- */

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  function fnv(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 16777619) >>> 0; }
    return h;
  }
  function utf8(s) { return Array.prototype.slice.call(new TextEncoder().encode(s)); }
  function normalName(s) { return s.trim().split(/\s+/).join(" ").toLowerCase(); }
  function shortCode(r) {
    var days = Math.round((Date.parse(r.date) - Date.parse("2020-01-01")) / 86400000);
    var version = utf8(r.version).slice(0, 15), name = fnv(utf8(normalName(r.name))) & 0xffff;
    var bytes = [1, days >> 8, days & 255, fnv(utf8(r.id)) & 255, version.length].concat(
      version, [Math.min(r.right, 255), Math.min(r.total, 255), name >> 8, name & 255]);
    bytes.push(fnv(bytes) & 255);
    var bits = bytes.map(function (b) { return (b + 256).toString(2).slice(1); }).join("");
    while (bits.length % 5) { bits += "0"; }
    var out = "";
    for (var i = 0; i < bits.length; i += 5) { out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)]; }
    return out.match(/.{1,4}/g).join("-");
  }

  /* ---- The acknowledgement: name, role, statement; a record to print or e-mail ------------------- */

  function setupAck(root, state, save, result) {
    var section = root.querySelector("[data-ack]");
    if (!section) { return function () {}; }
    var fields = all(section, "[data-field]");
    state.ack = isObject(state.ack) ? state.ack : {};
    var ack = { name: line(state.ack.name), role: line(state.ack.role), about: line(state.ack.about),
                confirmed: state.ack.confirmed === true };
    state.ack = ack;
    var missing = section.querySelector(".ack-missing");
    var send = section.querySelector(".ack-send");

    function complete() { return ack.name.trim() !== "" && ack.confirmed; }
    function record() {
      var r = result();
      var rows = [[words("Name"), ack.name], [words("Role"), ack.role]];
      if (section.querySelector('[data-field="about"]')) { rows.push([words("For"), ack.about]); }
      rows = rows.concat([[words("School"), root.dataset.school], [r.kind, root.dataset.title], [words("Date"), r.date]],
        r.lines, [[words("Policy version"), root.dataset.version], [words("Policy fingerprint"), root.dataset.fingerprint],
        [words("Statement"), section.querySelector(".ack-confirm label").textContent +
          (ack.confirmed ? "" : " " + words("(not yet ticked)"))],
        [words("Code"), shortCode({ id: r.id, date: r.date, version: root.dataset.version, name: ack.name,
                                    right: r.right, total: r.total })]]);
      return rows;
    }
    function refresh() {
      var rows = record(), list = section.querySelector(".ack-fields");
      list.textContent = "";
      rows.forEach(function (row) {
        add(list, "dt", row[0]);
        add(list, "dd", row[0] === words("Date") ? longDate(row[1]) : row[1] || "—");
      });
      var body = words("Acknowledgement record") + "\n" +
        rows.map(function (row) { return row[0] + ": " + row[1]; }).join("\n");
      send.href = "mailto:" + section.dataset.mailto + "?subject=" +
        encodeURIComponent(words("Acknowledgement: {title}, {name}", { title: root.dataset.title, name: ack.name })) +
        "&body=" + encodeURIComponent(body);
      missing.textContent = complete() ? "" : words("Type your name and tick the statement to complete the record.");
    }
    function guard(event) {
      if (!complete()) { event.preventDefault(); missing.textContent = words("First type your name and tick the statement."); }
    }
    fields.forEach(function (input) {
      var key = input.dataset.field;
      if (input.type === "checkbox") { input.checked = ack[key]; } else { input.value = ack[key]; }
      input.addEventListener(input.type === "checkbox" ? "change" : "input", function () {
        ack[key] = input.type === "checkbox" ? input.checked : input.value.slice(0, 120);
        save(); refresh();
      });
    });
    send.addEventListener("click", guard);
    section.querySelector(".ack-print").addEventListener("click", function (event) {
      guard(event);
      if (event.defaultPrevented) { return; }
      document.body.classList.add("printing-record");
      section.classList.add("is-printing");
      window.print();
      section.classList.remove("is-printing");
      document.body.classList.remove("printing-record");
    });
    return function (done) { section.hidden = !done; if (done) { refresh(); } };
  }

  /* ---- "Start again" that asks first ------------------------------------------------------------ */

  function setupRestart(root, onClear) {
    var box = root.querySelector(".restart");
    var confirm = box.querySelector(".restart-confirm"), ask = box.querySelector(".restart-ask");
    var done = box.querySelector(".restart-done");
    function close(focus) { confirm.hidden = true; if (focus) { ask.focus(); } }
    ask.addEventListener("click", function () { done.textContent = ""; confirm.hidden = false; box.querySelector(".restart-no").focus(); });
    box.querySelector(".restart-no").addEventListener("click", function () { close(true); });
    box.querySelector(".restart-yes").addEventListener("click", function () {
      close(false); onClear(); done.textContent = words("Cleared. You can start again.");
    });
    confirm.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(true); } });
    box.hidden = false;
  }

  /* ---- Quizzes ---------------------------------------------------------------------------------- */

  function setupQuiz(quiz) {
    var saved = store("quiz", quiz), state = saved.load();
    var questions = all(quiz, ".quiz-question"), sets = all(quiz, ".quiz-set");
    var byId = {};
    questions.forEach(function (q) { byId[q.dataset.question] = q; });
    function inputsOf(q) { return all(q, "input"); }

    /* keep the answers that fit this page's questions; drop anything else */
    var answers = {};
    if (isObject(state.answers)) {
      Object.keys(state.answers).forEach(function (id) {
        if (!has(byId, id)) { return; }
        var raw = state.answers[id];
        var chosen = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.chosen) ? raw.chosen : null;
        var values = inputsOf(byId[id]).map(function (i) { return i.value; });
        chosen = (chosen || []).filter(function (v, n, list) { return values.indexOf(v) !== -1 && list.indexOf(v) === n; });
        if (chosen.length && (byId[id].querySelector("input").type === "checkbox" || chosen.length === 1)) { answers[id] = chosen; }
      });
    }
    state = { answers: answers, ack: state.ack, done: isDay(state.done) ? state.done : undefined };
    function save() { saved.save(state); }

    function isRight(q, chosen) {
      return inputsOf(q).every(function (i) { return (i.dataset.correct === "true") === (chosen.indexOf(i.value) !== -1); });
    }
    function right(ids) { return ids.filter(function (id) { return isRight(byId[id], answers[id]); }).length; }
    function idsOf(set) { return all(set, ".quiz-question").map(function (q) { return q.dataset.question; }); }
    function answered(ids) { return ids.filter(function (id) { return has(answers, id); }); }

    function feedback(q, chosen) {
      var box = q.querySelector(".quiz-feedback"), ok = isRight(q, chosen);
      box.textContent = "";
      add(add(box, "p"), "strong", ok ? words("Right.") : words("Not quite."));
      chosen.forEach(function (v) {
        add(box, "p", q.querySelector('.quiz-option-feedback[data-option="' + v + '"]').textContent);
      });
      if (!ok) {
        var rights = inputsOf(q).filter(function (i) { return i.dataset.correct === "true"; }).map(function (i) {
          return q.querySelector('label[for="' + i.id + '"]').textContent.trim().replace(/^([A-F])\.\s*/, "$1: ");
        });
        var p = add(box, "p");
        add(p, "strong", (rights.length > 1 ? words("The right answers are") : words("The right answer is")) + " ");
        p.appendChild(document.createTextNode(rights.join("; ")));
        var why = q.querySelector(".quiz-why") || q.querySelector(".quiz-explanation");
        var text = why.cloneNode(true);
        all(text, "strong").forEach(function (s) { s.remove(); });
        add(box, "p", words("Why: {reason}", { reason: text.textContent.trim() }));
      }
      box.appendChild(q.querySelector(".quiz-clauses").cloneNode(true));
      box.className = "quiz-feedback " + (ok ? "is-right" : "is-wrong");
    }

    function check(q) {
      var chosen = inputsOf(q).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      var box = q.querySelector(".quiz-feedback"), id = q.dataset.question;
      if (!chosen.length) { box.className = "quiz-feedback"; box.textContent = words("Choose an answer first."); return; }
      if (!has(answers, id)) { answers[id] = chosen; }  // the first answer is the one that counts
      if (answered(Object.keys(byId)).length === questions.length && !state.done) { state.done = today(); }
      save();
      feedback(q, chosen);
      update();
    }

    var status = quiz.querySelector(".quiz-status"), score = quiz.querySelector(".quiz-score");
    var summary = quiz.querySelector(".quiz-summary");
    var showAck = setupAck(quiz, state, save, function () {
      return {
        kind: words("Self-check"), id: quiz.dataset.quiz, date: state.done || today(),
        right: right(Object.keys(answers)), total: questions.length,
        lines: sets.map(function (set) {
          var ids = idsOf(set);
          return [set.dataset.title, words("{count} of {total}", { count: right(ids), total: ids.length })];
        }).concat([[words("Total"), words("{count} of {total}", { count: right(Object.keys(answers)), total: questions.length })]])
      };
    });

    function setResult(set, index) {
      var ids = idsOf(set), box = set.querySelector(".quiz-set-result");
      box.textContent = "";
      if (answered(ids).length < ids.length) { return false; }
      add(add(box, "p"), "strong", words("Set done: {right} of {total} right.", { right: right(ids), total: ids.length }));
      var wrong = ids.filter(function (id) { return !isRight(byId[id], answers[id]); });
      if (wrong.length) {
        var again = add(box, "p", words("To look at again:") + " ");
        wrong.forEach(function (id, n) {
          var link = add(again, "a", byId[id].querySelector(".quiz-number").textContent);
          link.href = "#" + byId[id].id;
          if (n < wrong.length - 1) { again.appendChild(document.createTextNode(", ")); }
        });
      }
      var next = sets.slice(index + 1).concat(sets.slice(0, index)).filter(function (s) {
        return answered(idsOf(s)).length < idsOf(s).length;
      })[0];
      if (next) {
        var p = add(box, "p", words("Next:") + " "), a = add(p, "a", next.querySelector("h2").textContent.replace(/¶$/, "").trim());
        a.href = "#" + next.querySelector("h2").id;
      }
      return true;
    }

    function update() {
      var ids = Object.keys(byId), done = answered(ids).length;
      var setsDone = sets.filter(setResult).length;
      status.hidden = done === 0;
      score.textContent = words("{answered} of {total} answered, {right} right · {sets_done} of {sets} sets done",
        { answered: done, total: ids.length, right: right(answered(ids)), sets_done: setsDone, sets: sets.length });
      var finished = done === ids.length;
      summary.hidden = !finished;
      if (finished) { showSummary(ids); }
      showAck(finished);
    }

    function showSummary(ids) {
      summary.querySelector(".quiz-summary-score").textContent =
        words("You got {right} of {total} questions right.", { right: right(ids), total: ids.length });
      var revise = summary.querySelector(".quiz-summary-revise"), wrong = ids.filter(function (id) { return !isRight(byId[id], answers[id]); });
      revise.textContent = "";
      add(revise, "p", wrong.length ? words("To read again:") : words("Well done: nothing to read again."));
      var list = add(revise, "ul"), seen = {};
      wrong.forEach(function (id) {
        all(byId[id], ".quiz-clauses a").forEach(function (a) {
          if (seen[a.href]) { return; }
          seen[a.href] = true;
          add(list, "li").appendChild(a.cloneNode(true));
        });
      });
    }

    questions.forEach(function (q) {
      q.querySelector(".quiz-controls").hidden = false;
      q.querySelector(".quiz-check").addEventListener("click", function () { check(q); });
      var previous = answers[q.dataset.question];
      if (previous) {
        inputsOf(q).forEach(function (i) { i.checked = previous.indexOf(i.value) !== -1; });
        feedback(q, previous);
      }
    });
    setupRestart(quiz, function () {
      saved.clear();
      Object.keys(answers).forEach(function (id) { delete answers[id]; });
      state.done = undefined;
      questions.forEach(function (q) {
        inputsOf(q).forEach(function (i) { i.checked = false; });
        var box = q.querySelector(".quiz-feedback");
        box.textContent = ""; box.className = "quiz-feedback";
      });
      update();
    });
    all(document, ".quiz-nojs").forEach(function (p) { p.hidden = true; });
    update();
  }

  /* ---- Checklists ------------------------------------------------------------------------------- */

  function setupChecklist(list) {
    var saved = store("checklist", list), state = saved.load();
    var boxes = all(list, 'input[type="checkbox"][data-item]'), count = list.querySelector(".checklist-count");
    var raw = isObject(state.ticks) ? state.ticks : state;  // an older handbook stored the ticks alone
    var ticks = {};
    boxes.forEach(function (b) { if (has(raw, b.dataset.item) && raw[b.dataset.item] === true) { ticks[b.dataset.item] = true; } });
    state = { ticks: ticks, ack: state.ack, done: isDay(state.done) ? state.done : undefined };
    function save() { saved.save(state); }
    function ticked() { return boxes.filter(function (b) { return b.checked; }); }
    var showAck = setupAck(list, state, save, function () {
      var open = boxes.filter(function (b) { return !b.checked; }).map(function (b) {
        return [words("Not ticked"), list.querySelector('label[for="' + b.id + '"]').textContent.trim()];
      });
      return { kind: words("Checklist"), id: list.dataset.checklist, date: state.done || today(), right: ticked().length,
               total: boxes.length,
               lines: [[words("Ticked"), words("{count} of {total}", { count: ticked().length, total: boxes.length })]].concat(open) };
    });
    function update() {
      count.textContent = words("{count} of {total} ticked.", { count: ticked().length, total: boxes.length });
      showAck(ticked().length > 0);
    }
    boxes.forEach(function (box) {
      box.checked = has(ticks, box.dataset.item);
      box.addEventListener("change", function () {
        if (box.checked) { ticks[box.dataset.item] = true; } else { delete ticks[box.dataset.item]; }
        state.done = today();  // the record's date: the day the list was last worked on
        save(); update();
      });
    });
    setupRestart(list, function () {
      saved.clear();
      boxes.forEach(function (b) { b.checked = false; delete ticks[b.dataset.item]; });
      state.done = undefined;
      update();
    });
    list.querySelector(".checklist-status").hidden = false;
    update();
  }

  /* Printing a quiz shows every answer and explanation (a record prints on its own). */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    if (document.body.classList.contains("printing-record")) { return; }
    all(document, "details.quiz-answer:not([open])").forEach(function (d) { d.open = true; openedForPrint.push(d); });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  function init() {
    all(document, ".quiz[data-quiz]").forEach(setupQuiz);
    all(document, ".checklist[data-checklist]").forEach(setupChecklist);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
