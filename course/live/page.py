"""The dashboard page for the projector: one HTML page, its script draws /api/stats.

Every text that comes from learners (typed answers, names) is put into the page with
``textContent``, never as HTML; the labels come from the message catalogue.
"""
from __future__ import annotations

import json

from course.messages import add_messages

add_messages({
    "live_criteria": ("Rubric criteria missed (learners, by their latest attempt)",
                      "未达到的评分标准（按每位学员最近一次作答计）"),
})

LABELS = ("live_title", "live_join", "live_code", "live_learners", "live_answering",
          "live_attempts", "live_whole_lesson", "live_exercise", "live_answered",
          "live_right_now", "live_mean", "live_reveal", "live_revealed", "live_names",
          "live_wrong_answers", "live_answers", "live_solution", "live_no_answers",
          "live_updated", "live_offline", "live_criteria")


def _labels() -> dict:
    from course.messages import ui

    return {key: ui(key).both(" / ") for key in LABELS}


def _script_json(value) -> str:
    """JSON safe inside a <script> element (no ``</script>``, no HTML comment openers)."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def render(service, xsrf: str) -> str:
    bank = service.bank
    exercises = [{"id": ex_id, "lesson": bank[ex_id].lesson, "type": bank[ex_id].type,
                  "mode": bank[ex_id].mode} for ex_id in service.ids]
    config = {"xsrf": xsrf, "labels": _labels(), "exercises": exercises,
              "join": getattr(service, "join_info", None), "poll_ms": 500}
    return PAGE.replace("__CONFIG__", _script_json(config))


PAGE = r"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>crm-course live</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.2rem 2rem; color: #1d2633; }
header { display: flex; gap: 2rem; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem 0; }
.join { font-size: 1.3rem; background: #eef4fb; padding: .4rem .8rem; border-radius: 6px; }
.join b { font-size: 1.8rem; letter-spacing: .15em; }
.counts span { margin-right: 1.5rem; font-size: 1.2rem; }
.counts b { font-size: 1.6rem; }
.controls { margin: 1rem 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
select, button { font-size: 1.05rem; padding: .3rem .6rem; }
button.reveal { background: #c77700; color: white; border: 0; border-radius: 4px; }
button.reveal:disabled { background: #999; }
.prompt { font-size: 1.25rem; margin: .6rem 0; }
.bar-row { display: grid; grid-template-columns: 22rem 1fr 3rem; gap: .6rem; align-items: center; margin: .25rem 0; }
.bar { height: 1.4rem; background: #3a78c2; border-radius: 3px; min-width: 2px; }
.bar.right { background: #2e8b57; }
.bar.missed { background: #c0392b; }
.bar-row .text { overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: 1.05rem; }
td, th { border-bottom: 1px solid #ddd; padding: .3rem .8rem; text-align: left; }
.solution { background: #e9f7ef; border-left: 5px solid #2e8b57; padding: .5rem 1rem; font-size: 1.2rem; margin: .8rem 0; }
.muted { color: #667; }
.wrong-list li { margin: .15rem 0; }
</style></head>
<body>
<header><h1 id="title"></h1><div id="join" class="join" hidden></div></header>
<div class="counts" id="counts"></div>
<div class="controls">
  <select id="choose" aria-label="exercise"></select>
  <button id="reveal" class="reveal"></button>
  <label><input type="checkbox" id="names"> <span id="names-label"></span></label>
  <span id="status" class="muted"></span>
</div>
<main id="view"></main>
<script id="config" type="application/json">__CONFIG__</script>
<script>
"use strict";
const C = JSON.parse(document.getElementById("config").textContent);
const L = C.labels;
const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
$("title").textContent = L.live_title;
$("names-label").textContent = L.live_names;
if (C.join) {
  const j = $("join"); j.hidden = false;
  j.append(L.live_join + ": " + C.join.url + "   " + L.live_code + ": ", el("b", {id: "code"}, C.join.code));
}
const choose = $("choose");
choose.append(el("option", {value: ""}, L.live_whole_lesson));
for (const ex of C.exercises) choose.append(el("option", {value: ex.id}, ex.id + " (" + ex.type + ")"));
let current = "", last = null;
choose.addEventListener("change", () => { current = choose.value; poll(); });
async function action(path, body) {
  const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "X-XSRFToken": C.xsrf},
                               body: JSON.stringify(body), credentials: "same-origin"});
  if (!r.ok) { $("status").textContent = (await r.json()).error; }
  poll();
}
$("reveal").addEventListener("click", () => { if (current) action("api/reveal", {exercise_id: current}); });
$("names").addEventListener("change", (e) => action("api/names", {show: e.target.checked}));
function bars(rows, revealed) {
  const max = Math.max(1, ...rows.map(r => r.count));
  const box = el("div", {class: "bars"});
  for (const r of rows) {
    const bar = el("div", {class: "bar" + (revealed && r.correct ? " right" : "")});
    bar.style.width = (100 * r.count / max) + "%";
    const label = (r.zh && r.zh !== r.text) ? r.text + " / " + r.zh : r.text;
    box.append(el("div", {class: "bar-row", "data-answer": r.text},
                  el("span", {class: "text"}, (revealed && r.correct ? "✓ " : "") + label),
                  el("div", {}, bar), el("b", {class: "count"}, r.count)));
  }
  return box;
}
function drawLesson(s) {
  const t = el("table", {id: "lesson"}, el("tr", {}, el("th", {}, L.live_exercise), el("th", {}, L.live_answered),
    el("th", {}, L.live_right_now), el("th", {}, L.live_attempts), el("th", {}, L.live_mean)));
  for (const r of s.lesson) {
    t.append(el("tr", {"data-id": r.id}, el("td", {}, r.id), el("td", {class: "answered"}, r.answered),
      el("td", {}, r.correct === null ? "–" : r.correct), el("td", {}, r.attempts),
      el("td", {}, r.mean_score === null ? "–" : Math.round(100 * r.mean_score) + "%")));
  }
  return t;
}
function drawExercise(s) {
  const e = s.exercise, revealed = s.revealed.includes(e.id);
  const box = el("div", {id: "exercise"});
  box.append(el("div", {class: "prompt"}, e.prompt.en + (e.prompt.zh && e.prompt.zh !== e.prompt.en ? " / " + e.prompt.zh : "")));
  box.append(el("p", {}, L.live_answered + ": ", el("b", {id: "answered"}, e.answered),
                "   " + L.live_attempts + ": " + e.attempts));
  if (e.options) box.append(bars(e.options, revealed));
  if (e.answers) {
    box.append(el("h3", {}, L.live_answers));
    box.append(e.answers.length ? bars(e.answers, revealed) : el("p", {class: "muted"}, L.live_no_answers));
  }
  if (e.criteria) {
    box.append(el("h3", {}, L.live_criteria));
    const c = el("div", {class: "bars", id: "criteria"});
    for (const r of e.criteria) {
      const bar = el("div", {class: "bar missed"});
      bar.style.width = (100 * r.missed / Math.max(1, e.answered)) + "%";
      c.append(el("div", {class: "bar-row", "data-criterion": r.en},
                  el("span", {class: "text"}, r.zh && r.zh !== r.en ? r.en + " / " + r.zh : r.en),
                  el("div", {}, bar), el("b", {class: "count"}, r.missed + "/" + e.answered)));
    }
    box.append(c);
  }
  if (e.items) {
    box.append(el("h3", {}, L.live_wrong_answers));
    const ul = el("ul", {class: "wrong-list"});
    for (const it of e.items) {
      const wrong = it.wrong.map(([text, n]) => text + " ×" + n).join(",  ");
      ul.append(el("li", {}, el("b", {}, it.label + ": "), wrong || "–"));
    }
    box.append(ul);
  }
  if (e.solution) box.append(el("div", {class: "solution", id: "solution"}, L.live_solution + ": " + e.solution.en +
                                 (e.solution.zh && e.solution.zh !== e.solution.en ? " / " + e.solution.zh : "")));
  if (e.learners) {
    const t = el("table", {id: "names-table"});
    for (const r of e.learners) t.append(el("tr", {}, el("td", {}, r.name), el("td", {}, r.answer),
                                             el("td", {}, r.score === null ? "–" : Math.round(100 * r.score) + "%")));
    box.append(t);
  }
  return box;
}
async function poll() {
  try {
    const r = await fetch("api/stats?exercise=" + encodeURIComponent(current), {credentials: "same-origin"});
    if (!r.ok) throw new Error(r.status);
    const s = await r.json();
    last = s;
    $("counts").replaceChildren(
      el("span", {}, L.live_learners + ": ", el("b", {id: "n-learners"}, s.learners)),
      el("span", {}, L.live_answering + ": ", el("b", {id: "n-answering"}, s.answering)),
      el("span", {}, L.live_attempts + ": ", el("b", {id: "n-attempts"}, s.total)));
    $("names").checked = s.names;
    const rb = $("reveal");
    const ex = C.exercises.find(x => x.id === current);
    rb.disabled = !current || (ex && ex.mode === "assessment") || s.revealed.includes(current);
    rb.textContent = current && s.revealed.includes(current) ? L.live_revealed : L.live_reveal;
    $("view").replaceChildren(s.exercise ? drawExercise(s) : drawLesson(s));
    $("status").textContent = L.live_updated + " " + s.time.slice(11, 19);
    $("status").dataset.version = s.version;
  } catch (err) {
    $("status").textContent = L.live_offline;
  }
}
poll();
setInterval(poll, C.poll_ms);
</script>
</body></html>
"""
