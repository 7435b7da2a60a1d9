"""The dashboard page as served (no browser): its language, the QR code of the learner page,
the picker's class items first, and learner-made text never in the HTML."""
from __future__ import annotations

import re

from live_helpers import call

from course.live.page import learner_url, qr_svg


def test_learner_url_and_qr_code():
    assert learner_url({"url": "http://10.0.0.5:8870/", "code": "AB12CD"}) == \
        "http://10.0.0.5:8870/learn?code=AB12CD"
    assert learner_url({"url": "http://10.0.0.5:8870", "code": None}) == \
        "http://10.0.0.5:8870/learn"
    assert learner_url(None) is None
    svg = qr_svg("http://10.0.0.5:8870/learn?code=AB12CD", 'QR "code" <b>')
    assert svg.startswith('<svg role="img" aria-label="QR &quot;code&quot; &lt;b&gt;" ')
    assert "viewBox" in svg and "http" not in svg  # the address is in the modules, not text


def _page(live) -> str:
    status, page, _ = call("GET", live.url, token=live.auth.instructor_token)
    assert status == 200
    return page


def test_the_page_in_chinese_with_the_class_items_first(live):
    live.service.lang = "zh"
    page = _page(live)
    assert '<html lang="zh">' in page
    assert '"live_put": "出题"' in page and "Put up" not in page
    config = re.search(r'<script id="config" type="application/json">(.*?)</script>', page,
                       re.S).group(1)
    assert '"class_items": [{"id": "gallery-multiple"' in config  # the gallery's class item
    assert '"learn_url": "' + live.url + "learn?code=" + live.auth.join_code in config
    assert page.count("<svg") == 1 and "<main" in page and "<aside" in page
    assert "<header>" in page


def test_both_languages_by_default_and_no_learner_text_in_the_html(live):
    live.join("<script>alert(1)</script>")
    page = _page(live)
    assert '"live_put": "Put up / 出题"' in page
    assert "<script>alert" not in page and "alert(1)" not in page  # names come by fetch only
