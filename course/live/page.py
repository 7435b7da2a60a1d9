"""The dashboard page for the projector and the teacher's control of the class question.

One HTML page: the join panel (a QR code drawn here by segno as inline SVG, the short code and
the learner page's URL), the question picker and its buttons (put up, open with an optional
countdown, close, vote again, reveal), the answers as bars (and, after a second vote, how they
moved from round 1 to round 2), the lesson table and the attendance list. Its script
(:mod:`course.live.page_script`) draws /api/stats, /api/current and /api/attendance.

Presenter style (issue 25): text about twice the browser's default on a 1920 px projector,
cards as wide as the screen, landmarks (banner, main, complementary), colours at WCAG AA.
Every text that comes from learners (typed answers, names) is put into the page with
``textContent``, never as HTML; the labels come from the message catalogue.
"""
from __future__ import annotations

import json

LABELS = ("live_title", "live_join", "live_code", "live_learners", "live_answering",
          "live_attempts", "live_whole_lesson", "live_exercise", "live_answered",
          "live_right_now", "live_mean", "live_reveal", "live_revealed", "live_names",
          "live_wrong_answers", "live_answers", "live_solution", "live_no_answers",
          "live_updated", "live_offline", "live_criteria", "live_question", "live_find",
          "live_class_items", "live_bank_items", "live_put", "live_peer", "live_open",
          "live_close", "live_countdown", "live_no_limit", "live_round2", "live_up",
          "live_nothing_up", "live_state_open", "live_state_closed", "live_round", "live_left",
          "live_moved", "live_attendance", "live_no_attendance", "live_scan", "live_hide_tools",
          "live_show_tools", "live_hub_login")
COUNTDOWNS = (30, 60, 90, 120, 180, 300)  # the countdown's choices, in seconds


def _text(bilingual, lang: str) -> str:
    en, zh = getattr(bilingual, "en", str(bilingual)), getattr(bilingual, "zh", "")
    if lang == "zh":
        return zh or en
    if lang == "both" and zh and zh != en:
        return f"{en} / {zh}"
    return en


def _labels(lang: str) -> dict:
    from course.messages import ui

    return {key: _text(ui(key), lang) for key in LABELS}


def _script_json(value) -> str:
    """JSON safe inside a <script> element (no ``</script>``, no HTML comment openers)."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def learner_url(join: dict | None) -> str | None:
    """The learner page's address with the join code (what the QR code holds)."""
    if not join or not join.get("url"):
        return None
    base = join["url"] if join["url"].endswith("/") else join["url"] + "/"
    return f"{base}learn?code={join['code']}" if join.get("code") else f"{base}learn"


def qr_svg(url: str, label: str) -> str:
    """The QR code of ``url`` as inline SVG (segno; scales with its box, no size attributes)."""
    import html

    import segno

    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000", light="#fff",
                                               omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)


def _picker(service, lang: str) -> tuple[list, list]:
    """(class items of the lesson(s) shown, every other bank item) for the question picker."""
    bank = service.bank
    shown = set(service.ids)

    def row(ex):
        title = _text(ex.title, lang) if ex.title else ""
        return {"id": ex.id, "lesson": ex.lesson, "type": ex.type, "mode": ex.mode,
                "title": title}

    first = [row(bank[i]) for i in service.ids if bank[i].mode == "class"]
    rest = [row(ex) for ex in bank.exercises if not (ex.id in shown and ex.mode == "class")]
    return first, rest


def render(service, xsrf: str) -> str:
    from course.messages import ui

    lang = getattr(service, "lang", None) or "both"
    bank = service.bank
    exercises = [{"id": ex_id, "lesson": bank[ex_id].lesson, "type": bank[ex_id].type,
                  "mode": bank[ex_id].mode} for ex_id in service.ids]
    class_items, other_items = _picker(service, lang)
    join = getattr(service, "join_info", None)
    url = learner_url(join)
    config = {"xsrf": xsrf, "labels": _labels(lang), "lang": lang, "exercises": exercises,
              "class_items": class_items, "other_items": other_items, "join": join,
              "learn_url": url, "poll_ms": 500, "attendance_ms": 3000,
              "countdowns": list(COUNTDOWNS)}
    qr = qr_svg(url, _text(ui("live_qr", url=url), lang)) if url else ""
    from course.live.page_script import SCRIPT

    return (PAGE.replace("__LANG__", "zh" if lang == "zh" else "en")
            .replace("__QR__", qr).replace("__CONFIG__", _script_json(config))
            .replace("__SCRIPT__", SCRIPT))


PAGE = r"""<!doctype html>
<html lang="__LANG__"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crm-course live</title>
<style>
/* presenter style: about twice the default text on a 1920 px projector, read from the back */
html { font-size: clamp(16px, 1.6vw, 32px); }
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1d2633;
       background: #f4f6f9; line-height: 1.35; }
header { display: flex; gap: 1.2rem; align-items: center; justify-content: space-between;
         flex-wrap: wrap; padding: .5rem 1.2rem; background: #fff; border-bottom: 2px solid #d5dbe3; }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 0 0 .4rem 0; }
h3 { font-size: 1rem; margin: .6rem 0 .3rem 0; }
.counts span { margin-right: 1.2rem; }
.counts b { font-size: 1.2rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 22%); gap: 1rem;
          padding: 1rem 1.2rem; }
.card { background: #fff; border: 1px solid #d5dbe3; border-radius: 8px; padding: .8rem 1rem;
        margin-bottom: 1rem; }
.controls { display: flex; gap: .4rem .7rem; align-items: center; flex-wrap: wrap;
            font-size: .6rem; margin: .25rem 0; }
.controls input[type=search] { min-width: 14rem; }
.controls select#choose { max-width: 30rem; }
.join p { margin: .2rem 0; }
input[type=checkbox] { width: 1.2em; height: 1.2em; vertical-align: middle; }
select, button, input { font: inherit; padding: .25rem .5rem; }
button { border: 2px solid #1f4f86; background: #fff; color: #1f4f86; border-radius: 6px;
         cursor: pointer; min-height: 44px; }
button.primary { background: #1f4f86; color: #fff; }
button.reveal { background: #8a4b00; border-color: #8a4b00; color: #fff; }
button:disabled { background: #e4e7eb; color: #4a5360; border-color: #9aa3ae; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #b35c00;
                                                                  outline-offset: 2px; }
.state { font-size: 1rem; margin: .2rem 0; }
.state .open { color: #1e6b3a; font-weight: bold; }
.state .closed { color: #8c1d12; font-weight: bold; }
.left { font-size: 1.3rem; font-weight: bold; color: #8c1d12; }
.prompt { font-size: 1.25rem; margin: .4rem 0 .6rem 0; }
.bar-row { display: grid; grid-template-columns: minmax(10rem, 38%) 1fr 4rem; gap: .6rem;
           align-items: center; margin: .3rem 0; }
.bar { height: 1.3rem; background: #2f6bb0; border-radius: 3px; min-width: 2px; }
.bar.right { background: #1e6b3a; }
.bar.missed { background: #a8281b; }
.bar.r1 { background: #9bb8dc; }
.bar.r2 { background: #1f4f86; }
.pair { display: grid; gap: .15rem; }
.bar-row .text { overflow-wrap: anywhere; }
.legend span { display: inline-block; margin-right: 1.2rem; }
.legend i { display: inline-block; width: 1em; height: .8em; margin-right: .3em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #d5dbe3; padding: .25rem .6rem; text-align: left; }
.solution { background: #e9f7ef; border-left: 6px solid #1e6b3a; padding: .5rem 1rem;
            font-size: 1.1rem; margin: .8rem 0; }
.muted { color: #4a5360; }
.wrong-list li { margin: .15rem 0; }
.join { text-align: center; }
.join svg { width: 100%; max-width: 11rem; height: auto; display: block; margin: .3rem auto; }
.join .code { font-size: 1.7rem; margin: .2rem 0; letter-spacing: .15em; font-weight: bold; }
.join .url { font-size: .7rem; overflow-wrap: anywhere; }
.join .hub-note { font-size: .8rem; font-weight: bold; margin: .3rem 0; }
#attendance-list { list-style: none; margin: 0; padding: 0; font-size: .8rem;
                   max-height: 40vh; overflow-y: auto; }
#attendance-list li { padding: .1rem 0; border-bottom: 1px solid #eef0f3; }
#tools-toggle { font-size: .6rem; float: right; margin-left: 1rem; }
body.projecting #tools { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
</style></head>
<body>
<header>
  <h1 id="title"></h1>
  <div class="counts" id="counts" aria-live="polite"></div>
</header>
<div class="layout">
<main id="main">
  <section class="card" aria-labelledby="control-title">
    <h2 id="control-title" class="visually-hidden"></h2>
    <button id="tools-toggle" type="button" aria-expanded="true" aria-controls="tools"></button>
    <div id="tools">
    <div class="controls">
      <label for="find" id="find-label" class="visually-hidden"></label>
      <input type="search" id="find" autocomplete="off">
      <label for="choose" class="visually-hidden" id="choose-label"></label>
      <select id="choose"></select>
      <label><input type="checkbox" id="peer"> <span id="peer-label"></span></label>
      <button id="put" class="primary" type="button"></button>
    </div>
    <div class="controls">
      <label for="seconds" id="seconds-label"></label>
      <select id="seconds"></select>
      <button id="open" type="button"></button>
      <button id="close" type="button"></button>
      <button id="round2" type="button"></button>
      <button id="reveal" class="reveal" type="button"></button>
      <label><input type="checkbox" id="names"> <span id="names-label"></span></label>
    </div>
    </div>
    <p class="state" id="state" aria-live="polite"></p>
    <p class="controls"><span id="error" role="alert"></span> <span id="status" class="muted"></span></p>
  </section>
  <section class="card" id="view" aria-label="answers"></section>
</main>
<aside aria-labelledby="attendance-title">
  <section class="card join" id="join" hidden aria-label="join">
    <p id="scan"></p>
    __QR__
    <p class="code" id="code"></p>
    <p class="hub-note" id="hub-note" hidden></p>
    <p class="url" id="learn-url"></p>
  </section>
  <section class="card">
    <h2 id="attendance-title"></h2>
    <ul id="attendance-list"></ul>
  </section>
</aside>
</div>
<script id="config" type="application/json">__CONFIG__</script>
<script>
__SCRIPT__
</script>
</body></html>
"""
