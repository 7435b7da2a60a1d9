"""Look of the exercise widgets: one shared <style> widget, and escaping of texts into HTML."""
from __future__ import annotations

import html

from course.messages import ui
from course.text import NO_MATHS_CLASS, as_bilingual, html_no_maths, label_no_maths

# Keyed to the stable classes the widgets carry; injected once per kernel as one shared widget.
CSS = """
<style>
.course-exercise { border: 1px solid #c9d2dc; border-left: 5px solid #3b6ea8; border-radius: 6px;
  padding: 10px 14px 8px 14px; margin: 10px 0; max-width: 880px; background: #fbfcfe;
  font-size: 15px; line-height: 1.5; color: #1c232b; }
.course-exercise.course-mode-assessment { border-left-color: #7a5aa6; }
.course-exercise.course-mode-class { border-left-color: #2e7d5b; }
.course-head { font-size: 13px; color: #44505c; }
.course-head .course-badge { display: inline-block; padding: 0 8px; border-radius: 9px;
  background: #e4ebf3; color: #1f3b5a; font-weight: 600; margin-right: 6px; }
.course-prompt { font-size: 16px; font-weight: 600; color: #1c232b; margin: 2px 0 6px 0; }
.course-zh { color: #3c4650; font-weight: normal; }
.course-cloze-text { display: block !important; line-height: 2.3; font-size: 16px;
  color: #1c232b; }
.course-cloze-text > * { display: inline-block !important; vertical-align: baseline; }
.course-cloze-text > .course-seg, .course-cloze-text > .course-seg .widget-html-content {
  display: inline !important; white-space: pre-wrap; }
.course-cloze-text .widget-html-content { line-height: inherit; font-size: inherit; }
.course-blank, .course-blank-choice { margin: 0 18px 0 3px !important; position: relative;
  display: inline-flex !important; align-items: center; }
.course-blank-choice { width: auto !important; }
.course-blank input { width: 100% !important; min-width: 0 !important; border: none !important; border-bottom: 2px solid #3b6ea8 !important;
  background: #eef3fa !important; font-size: 16px !important; padding: 0 4px !important;
  height: 28px !important; }
.course-blank input:focus { outline: 2px solid #f0a500 !important; background: #fff !important; }
.course-sr .widget-label, .course-sr > label { position: absolute !important; width: 1px !important;
  height: 1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
  white-space: nowrap !important; }
.course-right input, .course-right select { border-color: #2e7d32 !important;
  background: #e8f5e9 !important; }
.course-wrong input, .course-wrong select { border-color: #c62828 !important;
  background: #fdecea !important; }
.course-right::after { content: "\\2713"; color: #2e7d32; font-weight: 700; margin-left: 4px; }
.course-wrong::after { content: "\\2717"; color: #c62828; font-weight: 700; margin-left: 4px; }
.course-blank.course-right::after, .course-blank.course-wrong::after,
.course-blank-choice.course-right::after, .course-blank-choice.course-wrong::after {
  position: absolute; right: -16px; }
.course-tip-btn { height: 22px !important; padding: 0 7px !important; border-radius: 11px !important;
  font-size: 12px !important; line-height: 20px !important; margin: 0 6px 0 0 !important;
  background: #fff4d6 !important; color: #5d4300 !important; }
.course-buttons { flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.course-buttons button { height: 32px; font-size: 14px; }
.course-exercise button:focus-visible, .course-exercise select:focus,
.course-exercise input[type=checkbox]:focus, .course-exercise input[type=radio]:focus {
  outline: 2px solid #f0a500 !important; outline-offset: 1px; }
.course-scoreline { align-items: center; gap: 8px; }
.course-score-text { font-weight: 600; min-width: 120px; }
.course-feedback ul, .course-hints ol { margin: 2px 0 2px 18px; padding: 0; }
.course-feedback .course-ok { color: #1b5e20; font-weight: 600; }
.course-feedback .course-no { color: #b71c1c; font-weight: 600; }
.course-feedback .course-info { color: #37474f; }
.course-feedback .course-saved { color: #4a2f7a; font-weight: 600; }
.course-revisit { color: #1f3b5a; background: #eef3fa; border-radius: 4px; padding: 2px 8px;
  margin-top: 4px; }
.course-revisit a, .course-review a { color: #1f5fa8; }
.course-review { border: 1px solid #c9d2dc; border-left: 5px solid #7a5aa6; border-radius: 6px;
  padding: 8px 14px; margin: 10px 0; max-width: 880px; background: #fbfcfe; }
.course-review ul { margin: 2px 0 6px 18px; padding: 0; }
.course-hints { color: #5d4300; }
.course-solution { background: #f1f8e9; border-radius: 4px; padding: 0 8px; }
.course-solution pre { white-space: pre-wrap; font-family: inherit; margin: 2px 0; }
.course-notice { color: #8a3b00; }
.course-row { align-items: center; gap: 8px; flex-wrap: wrap; }
.course-left { min-width: 220px; max-width: 360px; }
.course-choice .widget-radio-box label, .course-choice .widget-checkbox label {
  white-space: normal !important; }
.course-choice .widget-radio-box { flex-direction: column; }
.course-choice .widget-checkbox { width: auto !important; }
/* ipywidgets gives each radio option and check box one fixed line (height and line-height of
   about 20-28 px, the radio floated left): a long option that wraps then runs into the next
   one and its text covers the next radio. Options grow with their text instead, the control
   first (ipywidgets 8 puts it after the text, floated left) beside the first line, in Voila and JupyterLab alike (the -jupyter- names are ipywidgets 8's). */
.course-choice .widget-radio-box label, .course-choice .jupyter-widget-radio-box label {
  height: auto !important; min-height: var(--jp-widgets-radio-item-height, 20px);
  line-height: 1.45 !important; display: flex !important; align-items: flex-start;
  padding: 3px 0; overflow-wrap: anywhere; }
.course-choice .widget-radio-box input, .course-choice .jupyter-widget-radio-box input {
  float: none !important; order: -1; flex: 0 0 auto; height: 1.45em !important;
  line-height: normal !important;
  margin: 0 8px 0 1px !important; }
.course-choice .widget-checkbox, .course-choice .jupyter-widget-checkbox {
  height: auto !important; min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.45 !important; align-items: flex-start; padding: 3px 0; }
.course-choice .widget-checkbox label, .course-choice .jupyter-widget-checkbox label {
  display: flex !important; align-items: flex-start; overflow-wrap: anywhere;
  line-height: 1.45 !important; }
.course-choice .widget-checkbox input[type=checkbox],
.course-choice .jupyter-widget-checkbox input[type=checkbox] {
  order: -1; flex: 0 0 auto; flex-grow: 0 !important; align-self: flex-start !important;
  height: 1.45em; margin: 0 8px 0 1px !important; }
.course-order-list { min-width: 0; max-width: 100%; flex: 0 1 auto; }
.course-order-list select { font-size: 15px !important; min-width: min(360px, 100%);
  max-width: 100%; field-sizing: content; height: auto !important; }
.course-order-list option { white-space: normal; overflow-wrap: anywhere; padding: 2px 4px; }
.course-lesson-header { border-bottom: 3px solid #3b6ea8; padding: 6px 0 10px 0;
  margin-bottom: 8px; max-width: 880px; gap: 4px; }
.course-lesson-title { font-size: 22px; font-weight: 700; color: inherit; line-height: 1.3; }
.course-lesson-meta { color: inherit; opacity: 0.85; font-size: 14px; }
.course-lesson-meta a { color: #1f5fa8; }
.course-exercise .course-reveal.mod-warning, .course-reveal-all.mod-warning {
  background-color: #ad4e00 !important; color: #fff !important; }
.course-reply-text, .course-roleplay-text { flex-direction: column; align-items: stretch; }
.course-reply-text > .widget-label, .course-roleplay-text > .widget-label {
  width: auto !important; max-width: none !important; text-align: left !important;
  font-weight: 600; white-space: normal; }
.course-picture img { max-width: 100%; height: auto; }
/* printed output (lesson 10's Try it review) breaks at a space, not inside a word, where the
   page is narrower than its lines (JupyterLab's own rule breaks anywhere; brief 28v) */
.jp-OutputArea-output pre { word-break: normal !important; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .course-exercise, .course-review, .course-lesson-header { max-width: 100%;
    box-sizing: border-box; overflow-wrap: anywhere; }
  .course-left { min-width: 0; max-width: 100%; }
  .course-row > *, .course-buttons > * { max-width: 100%; }
}
</style>
"""

# The arrow keys of an ordering list stay in the list: in JupyterLab the notebook's command
# handler would take ArrowUp/ArrowDown (move to another cell) before the list sees them, since a
# <select> is not an editable element. A listener on the window, in the capture phase, stops the
# key event's propagation (never its default action: the list still moves its selection). It is
# installed once per page by the style widget's HTML (an <img> that fails to load runs it; an
# HTML widget runs no <script>); outside Jupyter (an exported page) nothing happens.
KEYS_JS = ("if(!window.courseOrderKeys){window.courseOrderKeys=1;"
           "window.addEventListener('keydown',function(e){var t=e.target;"
           "if(t&&t.closest&&t.closest('.course-order-list')&&"
           "/^(Arrow(Up|Down|Left|Right)|Home|End|PageUp|PageDown)$/.test(e.key))"
           "{e.stopPropagation();}},true);}")
KEYS_HTML = f'<img src="data:," alt="" hidden onerror="{KEYS_JS}">'

_style_widget = None


def style_widget():
    """The one <style> widget every exercise and header includes (one model per kernel)."""
    global _style_widget
    if _style_widget is None:
        import ipywidgets as w

        _style_widget = w.HTML(CSS + KEYS_HTML, layout=w.Layout(display="none"))
        _style_widget.add_class("course-style")
    return _style_widget


def esc(text) -> str:
    """Text made safe for HTML: no string can inject markup or script."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def esc_text(text) -> str:
    """Text content made safe for HTML (:func:`esc`) whose dollar amounts stay text: a text
    with a ``$`` is wrapped in a <span> of the class MathJax skips (never for attributes)."""
    return html_no_maths(esc(text), "span")


def text(value, lang: str, sep: str = " / ") -> str:
    """A bank text or UI string as plain text in ``lang`` (for control labels)."""
    return as_bilingual(value).render(lang, sep)


def label(value, lang: str, sep: str = " / ") -> str:
    """A bank text or UI string for a description that ipywidgets typesets with MathJax (a
    checkbox's or control's ``description``): plain text whose ``$`` cannot start maths."""
    return label_no_maths(text(value, lang, sep))


def _span(code: str, shown: str, css: str = "") -> str:
    """One language's text as an escaped <span>; a text with a ``$`` carries the class MathJax
    skips, so that "was $18, now $9" is never typeset as maths (JupyterLab, Voila)."""
    classes = " ".join(c for c in (css, NO_MATHS_CLASS if "$" in shown else "") if c)
    cls = f' class="{classes}"' if classes else ""
    return f'<span lang="{code}"{cls}>{esc(shown)}</span>'


def html_text(value, lang: str, block: bool = False) -> str:
    """A bank text or UI string as escaped HTML in ``lang``; "both" puts the Chinese second.
    Dollar amounts stay text (see :func:`_span`)."""
    b = as_bilingual(value)
    if lang == "both" and b.has_both:
        sep = "<br>" if block else " / "
        return f'{_span("en", b.en)}{sep}{_span("zh", b.zh, "course-zh")}'
    shown = b.render(lang)
    code = "zh" if lang == "zh" and b.zh else "en"
    return _span(code, shown)


def ui_text(key: str, lang: str, **fields) -> str:
    """A UI string as plain text."""
    return ui(key, **fields).render(lang)


def ui_html(key: str, lang: str, **fields) -> str:
    """A UI string as escaped HTML (its fields are escaped too)."""
    return html_text(ui(key, **fields), lang)


def revisit_html(revisit, lang: str) -> str:
    """An exercise's "go back to lesson NN" pointer as HTML, with a link to the lesson."""
    link = (f'<a href="{esc(revisit.notebook)}" target="_blank" rel="noopener">'
            f"{esc_text(revisit.notebook)}</a>")
    return f"↩ {html_text(revisit.text(), lang)} → {link}"
