// The learner page of the live class (course/live/learner.py serves it): join, show the
// teacher's question as a plain form, send the answer, show the result after the reveal.
// Every text from the bank or a learner goes in with textContent, never as HTML. The typed
// answer is kept in localStorage and sent again (same client_id) until the service has it.
"use strict";
(function () {
  const C = JSON.parse(document.getElementById("config").textContent);
  const L = C.labels;
  const $ = (id) => document.getElementById(id);
  const KEY = "crm-live:" + location.pathname + ":";
  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem(KEY + k)); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(KEY + k, JSON.stringify(v)); } catch (e) { /* full */ } },
    del(k) { try { localStorage.removeItem(KEY + k); } catch (e) { /* private mode */ } },
  };
  let token = store.get("token");
  let version = -1, state = null, shown = "", form = null, clockOffset = 0;
  let polling = false, pollDelay = 1000, sending = false, sendDelay = 1000, sendTimer = null;
  let uid = 0, epoch = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v; else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const fill = (text, fields) => text.replace(/\{(\w+)\}/g, (m, k) => (k in fields ? fields[k] : m));
  function msg(m) {
    if (!m) return "";
    if (C.lang === "zh") return m.zh || m.en;
    if (C.lang === "en") return m.en || m.zh;
    return m.en === m.zh ? m.en : m.en + "\n" + m.zh;
  }
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const newId = (p) => p + "-" + (++uid);
  function clientId() {
    const b = new Uint8Array(12);
    crypto.getRandomValues(b);  // (crypto.randomUUID needs https; a classroom LAN is http)
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  }
  function headers(json) {
    const h = {};
    if (token) h.Authorization = "Bearer " + token;
    if (json) { h["Content-Type"] = "application/json"; h["X-XSRFToken"] = C.xsrf; }
    return h;
  }
  function banner(text, kind) {
    const b = $("banner");
    b.textContent = text || "";
    b.className = "banner" + (kind ? " " + kind : "");
  }

  // -- joining ------------------------------------------------------------------------
  function showJoin(error) {
    $("question").replaceChildren();
    $("who").hidden = true;
    $("leave-box").hidden = true;
    const box = $("join");
    box.hidden = false;
    const err = el("p", {id: "join-error", class: "note error", role: "alert"}, error || "");
    const code = el("input", {id: "join-code", type: "text", autocomplete: "off", autocapitalize: "characters",
                              spellcheck: "false", value: C.code || "", required: true});
    const name = el("input", {id: "join-name", type: "text", autocomplete: C.roster ? "off" : "name",
                              inputmode: C.roster ? "numeric" : null, required: true});
    const button = el("button", {type: "submit", id: "join-button"}, L.learn_join);
    const f = el("form", {id: "join-form"},
      el("p", {}, C.roster ? L.learn_intro_roster : L.learn_intro),
      el("div", {class: "field"}, el("label", {for: "join-code"}, L.learn_code), code),
      el("div", {class: "field"}, el("label", {for: "join-name"}, C.roster ? L.learn_number : L.learn_name), name),
      button, err);
    box.replaceChildren(el("h2", {}, L.learn_join), f);
    f.addEventListener("submit", async (e) => {
      e.preventDefault();
      button.disabled = true;
      err.textContent = "";
      try {
        const r = await fetch("api/learn/join", {method: "POST", headers: headers(true),
          body: JSON.stringify({code: code.value, learner: name.value})});
        const body = await r.json();
        if (!r.ok) { err.textContent = msg(body.message) || body.error; return; }
        token = body.token;
        store.set("token", token);
        store.set("name", body.learner);
        box.hidden = true;
        box.replaceChildren();
        start();
      } catch (x) {
        err.textContent = L.learn_offline;
      } finally {
        button.disabled = false;
      }
    });
    (C.code ? name : code).focus();
  }
  function forget(message) {
    if (C.hub) { banner(message, "offline"); return; }  // on a hub the hub's login says who
    epoch++;
    polling = false;
    token = null;
    store.del("token");
    store.del("name");
    store.del("pending");
    try {  // a lab PC's next learner must not find this one's typed answers
      Object.keys(localStorage).filter((k) => k.startsWith(KEY + "draft:")).forEach((k) => localStorage.removeItem(k));
    } catch (e) { /* storage unavailable */ }
    version = -1; shown = ""; form = null;
    showJoin(message);
  }
  function showWho(name) {
    const who = $("who");
    who.hidden = false;
    who.textContent = fill(L.learn_joined_as, {name});
    const box = $("leave-box");
    if (C.hub || box.firstChild) { box.hidden = C.hub; return; }
    const leave = el("button", {type: "button", class: "secondary", id: "leave"}, L.learn_leave);
    leave.addEventListener("click", () => forget(""));  // a lab PC's next learner
    box.append(leave);
    box.hidden = false;
  }

  // -- the forms, one per web view (course/live/webviews.py) ----------------------------
  function choiceForm(ex) {
    const name = newId("opt");
    const fs = el("fieldset", {class: "options"}, el("legend", {class: "prompt"}, ex.prompt));
    for (const o of ex.options) {
      fs.append(el("label", {class: "option"},
        el("input", {type: ex.multiple ? "checkbox" : "radio", name, value: o.key}), el("span", {}, o.text)));
    }
    const inputs = () => Array.from(fs.querySelectorAll("input"));
    return {node: fs, prompted: true,
      collect() {
        const picked = inputs().filter((i) => i.checked).map((i) => i.value);
        return ex.multiple ? picked : (picked[0] || null);
      },
      restore(v) { const keys = [].concat(v); inputs().forEach((i) => { i.checked = keys.includes(i.value); }); }};
  }
  function clozeForm(ex) {
    const p = el("p", {class: "cloze"});
    const boxes = [];
    for (const s of ex.segments) {
      if (s.text !== undefined) { p.append(s.text); continue; }
      let box;
      if (ex.choices) {
        box = el("select", {"aria-label": s.label, "data-blank": s.blank}, el("option", {value: ""}, L.learn_choose));
        for (const c of ex.choices) box.append(el("option", {value: c}, c));
      } else {
        box = el("input", {type: "text", "aria-label": s.label, "data-blank": s.blank, autocomplete: "off",
                           autocapitalize: "off", spellcheck: "false"});
      }
      boxes.push(box);
      p.append(box);
    }
    return {node: p, collect: () => boxes.map((b) => b.value),
      restore(v) { if (Array.isArray(v)) boxes.forEach((b, i) => { b.value = v[i] || ""; }); }};
  }
  function numericForm(ex) {
    const id = newId("num");
    const input = el("input", {type: "text", id, inputmode: "decimal", autocomplete: "off", class: "number"});
    const node = el("div", {class: "field"}, el("label", {for: id}, ex.prompt),
                    el("div", {class: "with-unit"}, input, ex.unit ? el("span", {class: "unit"}, ex.unit) : null));
    return {node, prompted: true, collect: () => input.value, restore(v) { if (typeof v === "string") input.value = v; }};
  }
  function matchingForm(ex) {
    const node = el("div", {class: "matching"});
    const selects = [];
    for (const left of ex.lefts) {
      const id = newId("match");
      const sel = el("select", {id, "data-left": left.key}, el("option", {value: ""}, L.learn_choose));
      for (const r of ex.rights) sel.append(el("option", {value: r.key}, r.text));
      selects.push(sel);
      node.append(el("div", {class: "field"}, el("label", {for: id}, left.text), sel));
    }
    return {node,
      collect() { const out = {}; selects.forEach((s) => { if (s.value) out[s.dataset.left] = s.value; }); return out; },
      restore(v) { if (v && typeof v === "object") selects.forEach((s) => { s.value = v[s.dataset.left] || ""; }); }};
  }
  function orderingForm(ex) {
    const list = el("ol", {class: "order"});
    const byKey = {};
    function move(li, step, which) {
      const items = Array.from(list.children);
      const at = items.indexOf(li), to = at + step;
      if (to < 0 || to >= items.length) return;
      if (step < 0) list.insertBefore(li, items[to]); else list.insertBefore(items[to], li);
      li.querySelector("button." + which).focus();
      saveDraft();
    }
    for (const item of ex.items) {
      const li = el("li", {"data-key": item.key}, el("span", {class: "text"}, item.text));
      const up = el("button", {type: "button", class: "secondary up", "aria-label": L.learn_move_up + ": " + item.text}, "↑");
      const down = el("button", {type: "button", class: "secondary down", "aria-label": L.learn_move_down + ": " + item.text}, "↓");
      up.addEventListener("click", () => move(li, -1, "up"));
      down.addEventListener("click", () => move(li, 1, "down"));
      li.append(el("span", {class: "moves"}, up, down));
      byKey[item.key] = li;
      list.append(li);
    }
    return {node: list, collect: () => Array.from(list.children, (li) => li.dataset.key),
      restore(v) { if (Array.isArray(v) && v.every((k) => byKey[k])) v.forEach((k) => list.append(byKey[k])); }};
  }
  function words(text) {
    const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) || []).length;
    const latin = (text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, " ").match(/[\w'’$€£¥.,-]+/g) || []).length;
    return latin + Math.floor(cjk / 2);
  }
  function textForm(ex) {
    const node = el("div", {class: "reply"});
    const lab = ex.labels || {};
    if (ex.buyer) node.append(el("h3", {}, lab.reply_buyer), el("blockquote", {class: "buyer"}, ex.buyer));
    if (ex.facts && ex.facts.length) {
      const dl = el("dl", {class: "facts"});
      for (const f of ex.facts) dl.append(el("dt", {}, f.label), el("dd", {}, f.value));
      node.append(el("h3", {}, lab.reply_facts), dl);
    }
    if (ex.rubric && ex.rubric.length) node.append(el("h3", {}, lab.reply_rubric), el("ul", {}, ...ex.rubric.map((r) => el("li", {}, r))));
    const id = newId("reply"), countId = newId("count");
    const area = el("textarea", {id, rows: 8, "aria-describedby": countId});
    const count = el("p", {id: countId, class: "count"});
    const recount = () => { count.textContent = fill(L.learn_words, {n: words(area.value), low: ex.words[0], high: ex.words[1]}); };
    area.addEventListener("input", recount);
    recount();
    node.append(el("label", {for: id}, lab.reply_placeholder), area, count);
    return {node, collect: () => area.value, restore(v) { if (typeof v === "string") { area.value = v; recount(); } }};
  }
  const FORMS = {choice: choiceForm, cloze: clozeForm, numeric: numericForm, matching: matchingForm,
                 ordering: orderingForm, text: textForm};

  function saveDraft() {
    if (form && state && state.exercise_id) store.set("draft:" + state.exercise_id, form.collect());
  }

  function drawQuestion(s) {
    const ex = s.exercise;
    const q = $("question");
    form = null;
    if (!ex) { q.replaceChildren(el("p", {class: "waiting"}, L.learn_waiting)); return; }
    // the question's heading: its title, else its type ("Fill in the blanks")
    const parts = [el("h2", {}, ex.title || ex.badge)];
    if (ex.title) parts.push(el("p", {class: "badge"}, ex.badge));
    const make = FORMS[ex.view];
    if (!make) {
      if (ex.prompt) parts.push(el("p", {class: "prompt"}, ex.prompt));
      parts.push(el("p", {class: "note warn", id: "notebook"}, ex.notice));
      q.replaceChildren(...parts);
      return;
    }
    form = make(ex);
    if (ex.prompt && !form.prompted) parts.push(el("p", {class: "prompt"}, ex.prompt));
    const status = el("p", {id: "status", class: "status"});
    const send = el("button", {type: "submit", id: "send"}, L.learn_send);
    const note = el("p", {id: "note", class: "note", role: "status"});
    const f = el("form", {id: "answer", "data-exercise": ex.id}, form.node, status, send, note);
    f.addEventListener("input", saveDraft);
    f.addEventListener("change", saveDraft);
    f.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
    parts.push(f, el("section", {id: "result", hidden: true, "aria-live": "polite"}));
    q.replaceChildren(...parts);
    const draft = store.get("draft:" + ex.id);
    if (draft !== null) form.restore(draft);
  }

  function secondsLeft() {
    if (!state || !state.deadline) return null;
    return Math.max(0, Math.ceil(state.deadline - (Date.now() / 1000 + clockOffset)));
  }
  function drawStatus() {
    const status = $("status"), send = $("send");
    if (!status || !state) return;
    const left = secondsLeft();
    const open = state.open && (left === null || left > 0);
    let text = open ? L.learn_open : L.learn_closed;
    if (open && left !== null) text += " " + fill(L.learn_time_left, {s: left});
    if (state.round === 2) text = L.learn_round2 + " " + text;
    status.textContent = text;
    status.className = "status " + (open ? "open" : "closed");
    send.disabled = !open;
  }
  setInterval(() => { if (state && state.deadline) drawStatus(); }, 1000);

  function drawResult(s) {
    const box = $("result");
    if (!box) return;
    if (!s.revealed || !s.result) { box.hidden = true; box.replaceChildren(); return; }
    const r = s.result;
    const parts = [el("h3", {}, r.answered ? L.learn_feedback : L.learn_solution)];
    if (!r.answered) parts.push(el("p", {class: "verdict"}, L.learn_no_answer));
    else {
      const verdict = r.correct ? L.learn_right
        : (r.score > 0 ? fill(L.learn_partly, {percent: Math.round(100 * r.score)}) : L.learn_wrong);
      parts.push(el("p", {class: "verdict"}, (r.correct ? "✓ " : "✗ ") + verdict));
      if (r.items && r.items.length > 1) {
        parts.push(el("ul", {class: "items"}, ...r.items.map((i) => el("li", {}, (i.correct ? "✓ " : "✗ ") + i.label))));
      }
      if (r.feedback) parts.push(el("p", {class: "feedback"}, r.feedback));
      if (r.solution) parts.push(el("h3", {}, L.learn_solution));
    }
    if (r.solution) parts.push(el("p", {class: "solution"}, r.solution));
    note("", "");  // "received" is old news once the solution is up
    box.className = "result " + (!r.answered ? "none" : r.correct ? "right" : "wrong");
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  function draw(s) {
    clockOffset = s.now - Date.now() / 1000;
    const key = (s.exercise_id || "") + "#" + (s.round || 1);
    state = s;
    if (s.learner) showWho(s.learner);
    if (key !== shown) { shown = key; drawQuestion(s); }
    drawStatus();
    drawResult(s);
  }

  // -- talking to the service -----------------------------------------------------------
  async function poll() {
    if (polling) return;
    polling = true;
    const mine = epoch;  // a learner who leaves ends this loop (a new join starts another)
    while ((token || C.hub) && mine === epoch) {
      try {
        const r = await fetch("api/learn/current?after=" + version + "&wait=20&lang=" + C.lang,
                              {headers: headers(false), cache: "no-store"});
        const body = await r.json();
        if (mine !== epoch) return;
        if (r.status === 401 || r.status === 403) { forget(msg(body.message)); return; }
        if (!r.ok) throw new Error(body.error || r.status);
        if ($("banner").className.includes("offline")) banner("");
        pollDelay = 1000;
        if (body.version !== version) { version = body.version; draw(body); }
      } catch (x) {
        if (mine !== epoch) return;
        banner(L.learn_offline, "offline");
        await sleep(pollDelay);
        pollDelay = Math.min(pollDelay * 2, 10000);
      }
    }
    if (mine === epoch) polling = false;
  }

  function submit() {
    if (!form || !state || !state.exercise_id) return;
    const answer = form.collect();
    store.set("pending", {exercise_id: state.exercise_id, answer, client_id: clientId()});
    sendDelay = 1000;
    sendPending();
  }
  function note(text, kind) {
    const n = $("note");
    if (n) { n.textContent = text; n.className = "note" + (kind ? " " + kind : ""); }
  }
  async function sendPending() {
    const p = store.get("pending");
    if (!p || sending || !(token || C.hub)) return;
    sending = true;
    clearTimeout(sendTimer);
    note(L.learn_sending, "");
    let retry = false;
    try {
      const r = await fetch("api/learn/answer", {method: "POST", headers: headers(true), body: JSON.stringify(p)});
      const body = await r.json().catch(() => ({}));
      if (r.ok) {
        store.del("pending");
        note(L.learn_sent, "ok");
        sendDelay = 1000;
      } else if (r.status === 429 || r.status >= 500) {
        retry = true;
        note(msg(body.message) || L.learn_err_busy, "warn");
      } else {
        store.del("pending");
        if (r.status === 401) { sending = false; forget(msg(body.message)); return; }
        note(msg(body.message) || body.error, "error");
      }
    } catch (x) {
      retry = true;
      note(L.learn_queued, "warn");
    }
    sending = false;
    if (retry) {
      sendTimer = setTimeout(sendPending, sendDelay);
      sendDelay = Math.min(sendDelay * 2, 30000);
    }
  }
  window.addEventListener("online", () => { sendDelay = 1000; sendPending(); });

  function start() {
    $("join").hidden = true;
    const name = store.get("name");
    if (name) showWho(name);
    $("question").replaceChildren(el("p", {class: "waiting"}, L.learn_waiting));
    poll();
    sendPending();
  }
  if (token || C.hub) start(); else showJoin("");
})();
