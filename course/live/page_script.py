"""The dashboard's script (course.live.page puts it into the page): it polls /api/stats and
/api/current twice a second and /api/attendance every few seconds, draws what they say with
``textContent`` only (learner text is never HTML), and sends the teacher's buttons to
/api/control, /api/reveal and /api/names with the page's CSRF token."""

SCRIPT = r"""
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
function fill(text, fields) { return text.replace(/\{(\w+)\}/g, (m, k) => (k in fields ? fields[k] : m)); }
function say(en, zh) {  // a text of the bank in the page's language
  if (C.lang === "zh") return zh || en;
  if (C.lang === "both" && zh && zh !== en) return en + " / " + zh;
  return en;
}
for (const [id, key] of [["title", "live_title"], ["names-label", "live_names"], ["control-title", "live_question"],
    ["find-label", "live_find"], ["choose-label", "live_question"], ["peer-label", "live_peer"], ["put", "live_put"],
    ["seconds-label", "live_countdown"], ["open", "live_open"], ["close", "live_close"], ["round2", "live_round2"],
    ["attendance-title", "live_attendance"], ["scan", "live_scan"]]) $(id).textContent = L[key];
if (C.join && C.learn_url) {
  $("join").hidden = false;
  $("code").textContent = C.join.code || "";
  $("code").hidden = !C.join.code;  // a hub has no join code: its login says who is who
  $("hub-note").hidden = !C.join.hub;
  $("hub-note").textContent = L.live_hub_login;
  $("learn-url").textContent = C.learn_url;
}
$("find").placeholder = L.live_find;
const toggle = $("tools-toggle");
function showTools(show) {  // the projector shows the question and the answers only
  document.body.classList.toggle("projecting", !show);
  toggle.setAttribute("aria-expanded", String(show));
  toggle.textContent = show ? L.live_hide_tools : L.live_show_tools;
}
toggle.addEventListener("click", () => showTools(toggle.getAttribute("aria-expanded") !== "true"));
showTools(true);
const seconds = $("seconds");
seconds.append(el("option", {value: ""}, L.live_no_limit));
for (const s of C.countdowns) seconds.append(el("option", {value: String(s)}, s + " s"));

// the picker: the lesson's class items first, then every bank item; the search box filters it
const choose = $("choose");
function itemText(ex) { return ex.id + (ex.title ? " — " + ex.title : "") + " (" + ex.type + ")"; }
function fillPicker(query) {
  const q = (query || "").trim().toLowerCase();
  const keep = choose.value;
  const hit = (ex) => !q || ex.id.toLowerCase().includes(q) || (ex.title || "").toLowerCase().includes(q);
  choose.replaceChildren(el("option", {value: ""}, L.live_whole_lesson));
  for (const [label, items] of [[L.live_class_items, C.class_items], [L.live_bank_items, C.other_items]]) {
    const group = el("optgroup", {label: label});
    for (const ex of items.filter(hit)) group.append(el("option", {value: ex.id}, itemText(ex)));
    if (group.children.length) choose.append(group);
  }
  if (keep && [...choose.options].some(o => o.value === keep)) choose.value = keep;
  else if (q && choose.options.length > 1) choose.selectedIndex = 1;  // the first match
}
fillPicker("");
const items = Object.fromEntries([...C.class_items, ...C.other_items].map(ex => [ex.id, ex]));
let current = "", control = null, upId = null, lastNames = null;
$("find").addEventListener("input", (e) => { fillPicker(e.target.value); current = choose.value; poll(); });
choose.addEventListener("change", () => { current = choose.value; poll(); });

async function send(path, body) {
  const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "X-XSRFToken": C.xsrf},
                               body: JSON.stringify(body), credentials: "same-origin"});
  const reply = await r.json();
  $("error").textContent = r.ok ? "" : reply.error;
  poll();
  return reply;
}
$("put").addEventListener("click", () => {
  if (choose.value) send("api/control", {action: "put", exercise_id: choose.value, peer: $("peer").checked});
});
$("open").addEventListener("click", () =>
  send("api/control", {action: "open", seconds: seconds.value ? Number(seconds.value) : null}));
$("close").addEventListener("click", () => send("api/control", {action: "close"}));
$("round2").addEventListener("click", () => send("api/control", {action: "round2"}));
$("reveal").addEventListener("click", () => {
  if (!current) return;
  if (control && control.exercise_id === current) send("api/control", {action: "reveal"});
  else send("api/reveal", {exercise_id: current});
});
$("names").addEventListener("change", (e) => send("api/names", {show: e.target.checked}));

function bars(rows, revealed) {
  const max = Math.max(1, ...rows.map(r => r.count));
  const box = el("div", {class: "bars"});
  for (const r of rows) {
    const bar = el("div", {class: "bar" + (revealed && r.correct ? " right" : "")});
    bar.style.width = (100 * r.count / max) + "%";
    const label = r.zh !== undefined ? say(r.text, r.zh) : r.text;
    box.append(el("div", {class: "bar-row", "data-answer": r.text},
                  el("span", {class: "text"}, (revealed && r.correct ? "✓ " : "") + label),
                  el("div", {}, bar), el("b", {class: "count"}, r.count)));
  }
  return box;
}
function moved(e, revealed) {  // round 1 against round 2, answer by answer
  const r1 = e.rounds["1"] || {}, r2 = e.rounds["2"] || {};
  const labels = [...new Set([...Object.keys(r1), ...Object.keys(r2)])];
  const max = Math.max(1, ...labels.map(k => Math.max(r1[k] || 0, r2[k] || 0)));
  const right = new Set((e.options || e.answers || []).filter(o => o.correct).map(o => o.text));
  const one = fill(L.live_round, {n: 1}), two = fill(L.live_round, {n: 2});
  const box = el("div", {id: "peer-chart", role: "group", "aria-label": L.live_moved},
    el("h3", {}, L.live_moved),
    el("p", {class: "legend"}, el("span", {}, el("i", {class: "bar r1"}), one), el("span", {}, el("i", {class: "bar r2"}), two)));
  for (const k of labels) {
    const a = r1[k] || 0, b = r2[k] || 0;
    const bar1 = el("div", {class: "bar r1", title: one}), bar2 = el("div", {class: "bar r2", title: two});
    bar1.style.width = (100 * a / max) + "%"; bar2.style.width = (100 * b / max) + "%";
    box.append(el("div", {class: "bar-row", "data-answer": k},
      el("span", {class: "text"}, (revealed && right.has(k) ? "✓ " : "") + k),
      el("div", {class: "pair"}, bar1, bar2),
      el("b", {class: "count", "aria-label": one + ": " + a + ", " + two + ": " + b}, a + " → " + b)));
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
function drawCriteria(e) {
  const c = el("div", {class: "bars", id: "criteria"});
  for (const r of e.criteria) {
    const bar = el("div", {class: "bar missed"});
    bar.style.width = (100 * r.missed / Math.max(1, e.answered)) + "%";
    c.append(el("div", {class: "bar-row", "data-criterion": r.en}, el("span", {class: "text"}, say(r.en, r.zh)),
                el("div", {}, bar), el("b", {class: "count"}, r.missed + "/" + e.answered)));
  }
  return c;
}
function drawExercise(s) {
  const e = s.exercise, revealed = s.revealed.includes(e.id);
  const box = el("div", {id: "exercise"});
  box.append(el("h2", {class: "prompt"}, say(e.prompt.en, e.prompt.zh)));
  box.append(el("p", {}, L.live_answered + ": ", el("b", {id: "answered"}, e.answered),
                "   " + L.live_attempts + ": " + e.attempts));
  const second = e.rounds && Object.values(e.rounds["2"] || {}).some(n => n > 0);
  if (second) box.append(moved(e, revealed));
  else if (e.options) box.append(bars(e.options, revealed));
  if (e.answers && !second) {
    box.append(el("h3", {}, L.live_answers));
    box.append(e.answers.length ? bars(e.answers, revealed) : el("p", {class: "muted"}, L.live_no_answers));
  }
  if (e.criteria) box.append(el("h3", {}, L.live_criteria), drawCriteria(e));
  if (e.items) {
    box.append(el("h3", {}, L.live_wrong_answers));
    const ul = el("ul", {class: "wrong-list"});
    for (const it of e.items) {
      const wrong = it.wrong.map(([text, n]) => text + " ×" + n).join(",  ");
      ul.append(el("li", {}, el("b", {}, it.label + ": "), wrong || "–"));
    }
    box.append(ul);
  }
  if (e.solution) box.append(el("div", {class: "solution", id: "solution"}, L.live_solution + ": " + say(e.solution.en, e.solution.zh)));
  if (e.learners) {
    const t = el("table", {id: "names-table"});
    for (const r of e.learners) t.append(el("tr", {}, el("td", {}, r.name), el("td", {}, r.answer),
                                             el("td", {}, r.score === null ? "–" : Math.round(100 * r.score) + "%")));
    box.append(t);
  }
  return box;
}
function drawState(c, s) {
  const st = $("state");
  if (!c.exercise_id) { st.replaceChildren(L.live_nothing_up); return; }
  const ex = items[c.exercise_id];
  const parts = [L.live_up + ": ", el("b", {id: "up"}, ex ? itemText(ex) : c.exercise_id), " · ",
                 el("span", {id: "round"}, fill(L.live_round, {n: c.round})), " · ",
                 el("span", {id: "open-state", class: c.open ? "open" : "closed"}, c.open ? L.live_state_open : L.live_state_closed)];
  if (c.open && c.deadline) {
    const left = Math.max(0, Math.ceil(c.deadline - s.now));
    parts.push(" · ", el("span", {class: "left", id: "left"}, fill(L.live_left, {s: left})));
  }
  if (c.revealed) parts.push(" · " + L.live_revealed);
  st.replaceChildren(...parts);
}
function drawButtons(c, s) {
  const up = !!(c && c.exercise_id), ex = C.exercises.find(x => x.id === current) || items[current];
  $("open").disabled = !up || c.open || c.revealed;
  $("close").disabled = !up || !c.open;
  $("round2").disabled = !up || c.revealed || c.round === 2;
  const rb = $("reveal");
  rb.disabled = !current || (ex && ex.mode === "assessment") || s.revealed.includes(current);
  rb.textContent = current && s.revealed.includes(current) ? L.live_revealed : L.live_reveal;
}
async function getJSON(path) {
  const r = await fetch(path, {credentials: "same-origin"});
  if (!r.ok) throw new Error(r.status);
  return r.json();
}
async function poll() {
  try {
    const [c, s] = await Promise.all([getJSON("api/current"), getJSON("api/stats?exercise=" + encodeURIComponent(current))]);
    s.now = Date.parse(s.time) / 1000;
    control = c;
    if (c.exercise_id && c.exercise_id !== upId) {  // a question was put up: show it
      upId = c.exercise_id;
      if (current !== upId) { current = upId; $("find").value = ""; fillPicker(""); choose.value = current; return poll(); }
    }
    $("counts").replaceChildren(
      el("span", {}, L.live_learners + ": ", el("b", {id: "n-learners"}, s.learners)),
      el("span", {}, L.live_answering + ": ", el("b", {id: "n-answering"}, s.answering)),
      el("span", {}, L.live_attempts + ": ", el("b", {id: "n-attempts"}, s.total)));
    if (s.names !== lastNames) { lastNames = s.names; $("names").checked = s.names; }  // not mid-click
    drawState(c, s);
    drawButtons(c, s);
    $("view").replaceChildren(s.exercise ? drawExercise(s) : drawLesson(s));
    $("status").textContent = L.live_updated + " " + s.time.slice(11, 19);
    $("status").dataset.version = s.version;
  } catch (err) {
    $("status").textContent = L.live_offline;
    delete $("status").dataset.version;
  }
}
async function attendance() {
  try {
    const a = await getJSON("api/attendance");
    const list = $("attendance-list");
    $("attendance-title").textContent = L.live_attendance + " (" + a.learners.length + ")";
    if (!a.learners.length) { list.replaceChildren(el("li", {class: "muted"}, L.live_no_attendance)); return; }
    if (!$("names").checked) { list.replaceChildren(); return; }  // names only when shown
    list.replaceChildren(...a.learners.map(r => el("li", {"data-learner": r.learner},
      (r.number ? r.number + " " : "") + r.name)));
  } catch (err) { /* the stats poll says the service is offline */ }
}
poll();
attendance();
setInterval(poll, C.poll_ms);
setInterval(attendance, C.attendance_ms);
"""
