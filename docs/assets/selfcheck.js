/* The handbook's self-check: quizzes and checklists. Dependency-free; the page works without it.
   State stays on this device (localStorage), keyed by the policy version and content fingerprint. */
(function () {
  "use strict";

  function store(kind, el) {
    var key = ["handbook", el.dataset.version, el.dataset.fingerprint, kind, el.dataset[kind]].join(":");
    return {
      load: function () { try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; } },
      save: function (value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } },
      clear: function () { try { localStorage.removeItem(key); } catch (e) { /* private mode */ } }
    };
  }

  function show(el) { if (el) { el.hidden = false; } }

  /* ---- Quizzes ---------------------------------------------------------------------------- */

  function setupQuiz(quiz) {
    var saved = store("quiz", quiz);
    var state = saved.load();
    state.answers = state.answers || {};
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-question"));
    var score = quiz.querySelector(".quiz-score");
    var summary = quiz.querySelector(".quiz-summary");
    var nameInput = quiz.querySelector("#record-name");

    function inputsOf(q) { return Array.prototype.slice.call(q.querySelectorAll("input")); }

    function isRight(q, chosen) {
      return inputsOf(q).every(function (input) {
        return (input.dataset.correct === "true") === (chosen.indexOf(input.value) !== -1);
      });
    }

    function feedbackFor(q, chosen, right) {
      var box = q.querySelector(".quiz-feedback");
      box.textContent = "";
      var head = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = right ? "Right." : "Not quite.";
      head.appendChild(strong);
      box.appendChild(head);
      chosen.forEach(function (value) {
        var source = q.querySelector('.quiz-option-feedback[data-option="' + value + '"]');
        if (source) { var p = document.createElement("p"); p.textContent = source.textContent; box.appendChild(p); }
      });
      var links = q.querySelector(".quiz-clauses");
      if (links) { box.appendChild(links.cloneNode(true)); }
      box.className = "quiz-feedback " + (right ? "is-right" : "is-wrong");
    }

    function updateScore() {
      var answered = Object.keys(state.answers).length;
      var right = Object.keys(state.answers).filter(function (k) { return state.answers[k].right; }).length;
      score.textContent = "Score: " + right + " of " + answered + " answered correctly (" + questions.length + " questions).";
      if (answered === questions.length) { showSummary(right); } else { summary.hidden = true; }
    }

    function showSummary(right) {
      summary.hidden = false;
      summary.querySelector(".quiz-summary-score").textContent =
        "You answered " + right + " of " + questions.length + " questions correctly.";
      var revise = summary.querySelector(".quiz-summary-revise");
      revise.textContent = "";
      var wrong = questions.filter(function (q) { return !state.answers[q.dataset.question].right; });
      var heading = document.createElement("p");
      heading.textContent = wrong.length ? "Clauses to revise:" : "Well done: nothing to revise.";
      revise.appendChild(heading);
      if (wrong.length) {
        var list = document.createElement("ul");
        var seen = {};
        wrong.forEach(function (q) {
          q.querySelectorAll(".quiz-clauses a").forEach(function (a) {
            if (seen[a.href]) { return; }
            seen[a.href] = true;
            var li = document.createElement("li");
            li.appendChild(a.cloneNode(true));
            list.appendChild(li);
          });
        });
        revise.appendChild(list);
      }
      fillRecord(right);
    }

    function fillRecord(right) {
      var fields = summary.querySelector(".record-fields");
      var rows = [
        ["Name", nameInput.value || "(type your name above)"],
        ["School", quiz.dataset.school],
        ["Quiz", quiz.dataset.title],
        ["Date", new Date(state.completed || Date.now()).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })],
        ["Score", right + " of " + questions.length],
        ["Policy version", quiz.dataset.version],
        ["Policy fingerprint", quiz.dataset.fingerprint]
      ];
      fields.textContent = "";
      rows.forEach(function (row) {
        var dt = document.createElement("dt"); dt.textContent = row[0];
        var dd = document.createElement("dd"); dd.textContent = row[1];
        fields.appendChild(dt); fields.appendChild(dd);
      });
    }

    function check(q, restoring) {
      var chosen = inputsOf(q).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      var box = q.querySelector(".quiz-feedback");
      if (!chosen.length) { box.textContent = "Choose an answer first."; return; }
      var id = q.dataset.question;
      if (!state.answers[id]) {  // the first answer counts towards the score
        state.answers[id] = { chosen: chosen, right: isRight(q, chosen) };
        if (Object.keys(state.answers).length === questions.length) { state.completed = Date.now(); }
        saved.save(state);
      }
      feedbackFor(q, chosen, isRight(q, chosen));
      if (!restoring) { updateScore(); }
    }

    questions.forEach(function (q) {
      show(q.querySelector(".quiz-controls"));
      q.querySelector(".quiz-check").addEventListener("click", function () { check(q, false); });
      var previous = state.answers[q.dataset.question];
      if (previous) {
        inputsOf(q).forEach(function (i) { i.checked = previous.chosen.indexOf(i.value) !== -1; });
        check(q, true);
      }
    });

    nameInput.value = state.name || "";
    nameInput.addEventListener("input", function () {
      state.name = nameInput.value; saved.save(state); fillRecord(countRight());
    });
    function countRight() {
      return Object.keys(state.answers).filter(function (k) { return state.answers[k].right; }).length;
    }
    quiz.querySelector(".record-print").addEventListener("click", function () {
      document.body.classList.add("printing-record");
      window.print();
      document.body.classList.remove("printing-record");
    });
    quiz.querySelector(".quiz-reset").addEventListener("click", function () {
      saved.clear();
      state = { answers: {} };
      nameInput.value = "";
      questions.forEach(function (q) {
        inputsOf(q).forEach(function (i) { i.checked = false; });
        var box = q.querySelector(".quiz-feedback");
        box.textContent = ""; box.className = "quiz-feedback";
      });
      updateScore();
      score.textContent = "Progress cleared. " + score.textContent;
      var first = questions.length && questions[0].querySelector("input");
      if (first) { first.focus(); }
    });
    show(quiz.querySelector(".quiz-status"));
    updateScore();
  }

  /* ---- Checklists ------------------------------------------------------------------------- */

  function setupChecklist(list) {
    var saved = store("checklist", list);
    var ticks = saved.load();
    var boxes = Array.prototype.slice.call(list.querySelectorAll('input[type="checkbox"]'));
    var count = list.querySelector(".checklist-count");
    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      count.textContent = done + " of " + boxes.length + " ticked.";
    }
    boxes.forEach(function (box) {
      box.checked = !!ticks[box.dataset.item];
      box.addEventListener("change", function () {
        ticks[box.dataset.item] = box.checked;
        saved.save(ticks);
        update();
      });
    });
    list.querySelector(".checklist-reset").addEventListener("click", function () {
      saved.clear(); ticks = {};
      boxes.forEach(function (b) { b.checked = false; });
      update();
    });
    show(list.querySelector(".checklist-status"));
    update();
  }

  /* Printing a quiz shows every answer and explanation (the completion record prints on its own). */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    if (document.body.classList.contains("printing-record")) { return; }
    document.querySelectorAll("details.quiz-answer:not([open])").forEach(function (d) {
      d.open = true; openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  function init() {
    document.querySelectorAll(".quiz[data-quiz]").forEach(setupQuiz);
    document.querySelectorAll(".checklist[data-checklist]").forEach(setupChecklist);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
