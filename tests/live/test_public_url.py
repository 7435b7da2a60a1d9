"""The address students open (``--public-url``, or on a hub ``$JUPYTERHUB_PUBLIC_URL``): checked
with a message naming what is wrong, and shown on the dashboard as the QR code and link in hub
mode as in LAN mode (the real hub: tests/hub/test_live_hub_phone.py)."""
from __future__ import annotations

import argparse
import re

import pytest

from course.errors import InputError
from course.live.public import checked_public_url, only_this_computer

HUB = "/services/live/"


@pytest.mark.parametrize(("given", "prefix", "expected"), [
    ("https://hub.school.edu", HUB, "https://hub.school.edu/services/live/"),
    ("https://hub.school.edu/", HUB, "https://hub.school.edu/services/live/"),
    ("https://hub.school.edu/services/live", HUB, "https://hub.school.edu/services/live/"),
    (" HTTPS://hub.school.edu:8443/services/live/ ", HUB,
     "https://hub.school.edu:8443/services/live/"),
    ("http://192.168.1.20:8870", "/", "http://192.168.1.20:8870/"),
    ("http://[fe80::1]:8870/", "/", "http://[fe80::1]:8870/"),
])
def test_a_good_address_gets_the_services_prefix(given, prefix, expected):
    assert checked_public_url(given, prefix) == expected


@pytest.mark.parametrize(("given", "says"), [
    ("hub.school.edu/services/live/", "http:// or https://"),
    ("ftp://hub.school.edu/", "http:// or https://"),
    ("https://teacher:secret@hub.school.edu/", "user name or password"),
    ("https://hub.school.edu/services/live/?lang=zh", "query"),
    ("https://hub.school.edu/services/live/#x", "query"),
    ("https://hub.school.edu:99999/", "port"),
    ("https://hub.school.edu:http/", "port"),
    ("http://0.0.0.0:8870/", "0.0.0.0"),
    ("https:///services/live/", "names no computer"),
    ("https://hub.school.edu/services/other/", "is not the service's /services/live/"),
    ("https://hub school.edu/", "spaces"),
    ("", "names no computer"),
])
def test_a_bad_address_is_refused_with_what_is_wrong(given, says):
    with pytest.raises(InputError) as caught:
        checked_public_url(given, HUB, "--public-url")
    message = str(caught.value)
    assert says in message and "--public-url" in message, message
    assert "https://hub.school.edu/services/live/" in message  # an example of a good one
    assert re.search(r"[\u4e00-\u9fff]", message)  # and the Chinese half


def test_loopback_addresses_are_this_computer_only():
    assert only_this_computer("http://127.0.0.1:8000/services/live/")
    assert only_this_computer("http://localhost:8870/")
    assert only_this_computer("http://[::1]:8870/")
    assert not only_this_computer("https://hub.school.edu/services/live/")
    assert not only_this_computer("http://192.168.1.20:8870/")


def _args(**given) -> argparse.Namespace:
    from course.instructor import cli_live

    parser = argparse.ArgumentParser()
    cli_live.add_arguments(parser)
    argv = [f"--{k.replace('_', '-')}={v}" if v is not True else f"--{k}"
            for k, v in given.items()]
    return parser.parse_args(argv)


def test_on_a_hub_the_address_comes_from_the_hub_unless_given(monkeypatch):
    from course.instructor.cli_live import _public_url

    monkeypatch.setenv("JUPYTERHUB_PUBLIC_URL", "https://hub.school.edu/services/live/")
    assert _public_url(_args(hub=True), HUB) == "https://hub.school.edu/services/live/"
    assert _public_url(_args(hub=True, public_url="https://other.edu"), HUB) == \
        "https://other.edu/services/live/"
    assert _public_url(_args(lan=True), "/") is None  # a LAN never reads the hub's variable
    monkeypatch.setenv("JUPYTERHUB_PUBLIC_URL", "")  # the hub sets it empty without public_url
    assert _public_url(_args(hub=True), HUB) is None
    monkeypatch.setenv("JUPYTERHUB_PUBLIC_URL", "https://hub.school.edu/wrong/")
    with pytest.raises(InputError, match=r"\$JUPYTERHUB_PUBLIC_URL"):
        _public_url(_args(hub=True), HUB)


def test_the_command_refuses_a_bad_address_before_it_starts(tmp_path, capsys):
    from course import cli

    session = tmp_path / "class.sqlite3"
    code = cli.main(["live", "--lan", "--session", str(session), "--public-url", "192.168.1.20"])
    err = capsys.readouterr().err
    assert code == 2 and "http:// or https://" in err and "--public-url" in err
    assert not session.exists()  # nothing started, no session file made


class _Server:
    url = "http://127.0.0.1:9999/services/live/"


class _Hub:
    mode = "hub"


def test_the_hub_dashboard_shows_the_qr_code_and_link_of_the_public_address(tmp_path):
    """Hub mode as LAN mode: the join panel with the QR code of the learner page's address
    (no join code on a hub: the note says to sign in with the hub account)."""
    from live_helpers import GALLERY

    from course.exercises.loader import load_bank
    from course.instructor.cli_live import _started_lines
    from course.live.page import render
    from course.live.server import LiveService
    from course.live.store import SessionStore

    store = SessionStore(tmp_path / "hub.sqlite3")
    try:
        service = LiveService(store, load_bank(GALLERY), _Hub())
        public = "https://hub.school.edu/services/live/"
        lines = _started_lines(_Server(), service, _Hub(), "127.0.0.1", public)
        assert any(f"{public}learn" in line.en for line in lines)
        assert service.join_info == {"url": public, "code": None, "hub": True}
        page = render(service, "xsrf")
        assert '<svg role="img" aria-label="QR code of the learner page: ' \
               'https://hub.school.edu/services/live/learn' in page
        assert '"learn_url": "https://hub.school.edu/services/live/learn"' in page
        # without an address: no panel, and the terminal says how to give one
        bare = LiveService(store, load_bank(GALLERY), _Hub())
        lines = _started_lines(_Server(), bare, _Hub(), "127.0.0.1", None)
        assert "c.JupyterHub.public_url" in lines[-1].en and "--public-url" in lines[-1].en
        assert getattr(bare, "join_info", None) is None and "<svg" not in render(bare, "x")
    finally:
        store.close()
