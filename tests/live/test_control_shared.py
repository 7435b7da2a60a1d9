"""A school Wi-Fi with every phone behind one NAT address (issue 25): without
``--shared-address`` the fourth learner from one address is refused and the log says what to
do; with it, a class joins from one address, holds more than the per-address cap of
connections, and wrong codes from it lock nobody out."""
from __future__ import annotations

import logging
import socket

import pytest
from live_helpers import call

from course.live.guard import (
    FAIL_LIMIT,
    JOINS_PER_ADDRESS,
    MAX_CONNECTIONS_PER_ADDRESS,
    is_shared,
    shared_networks,
)


@pytest.fixture
def laptop(monkeypatch):
    """The test's requests come from 127.0.0.1: here it plays an address on the network."""
    for where in ("course.live.server.is_loopback", "course.live.guard.is_loopback"):
        monkeypatch.setattr(where, lambda ip: False)


def test_networks_parse_and_match():
    nets = shared_networks(["10.8.0.1", "192.168.0.0/16"])
    assert is_shared("10.8.0.1", nets) and is_shared("192.168.40.7", nets)
    assert not is_shared("10.8.0.2", nets) and not is_shared("not an ip", nets)
    assert not is_shared("10.8.0.1", ())
    with pytest.raises(ValueError, match="not an IP address"):
        shared_networks(["school-wifi"])


def test_one_address_joins_three_then_the_log_names_the_option(live, laptop, caplog):
    caplog.set_level(logging.WARNING, "course.live")
    for i in range(JOINS_PER_ADDRESS):
        live.join(f"phone {i}")
    status, reply, _ = call("POST", live.url + "api/join",
                            {"code": live.auth.join_code, "learner": "phone 3"})
    assert status == 429 and "joined from this computer" in reply["error"]
    assert any("--shared-address 127.0.0.1" in r.getMessage() for r in caplog.records)


def test_a_shared_address_joins_a_class_and_is_not_locked_out(live, laptop):
    live.service.share(shared_networks(["127.0.0.0/8"]))
    tokens = [live.join(f"phone {i}") for i in range(3 * JOINS_PER_ADDRESS)]
    assert len(set(tokens)) == 3 * JOINS_PER_ADDRESS
    for _ in range(FAIL_LIMIT + 5):  # one student's wrong codes...
        status, _, _ = call("POST", live.url + "api/join", {"code": "WRONG1", "learner": "X"})
        assert status == 403
    live.join("late phone")  # ...do not make the class wait
    # more open connections than one laptop may hold (each phone's long-poll holds one)
    host, port = live.url.split("//")[1].split("/")[0].split(":")
    socks = [socket.create_connection((host, int(port))) for _ in
             range(MAX_CONNECTIONS_PER_ADDRESS + 8)]
    try:
        status, _, _ = live.post(tokens[0], "gallery-single", 1)
        assert status == 200
    finally:
        for s in socks:
            s.close()


def test_without_sharing_the_connection_cap_holds(live, laptop):
    host, port = live.url.split("//")[1].split("/")[0].split(":")
    socks = [socket.create_connection((host, int(port))) for _ in
             range(MAX_CONNECTIONS_PER_ADDRESS)]
    try:
        with pytest.raises(OSError):  # the service closes the extra connection at once
            call_status = call("GET", live.url + "api/current", timeout=5)[0]
            raise AssertionError(f"a connection over the cap was served ({call_status})")
    finally:
        for s in socks:
            s.close()


def test_the_printed_and_qr_address_is_one_phones_can_reach(monkeypatch):
    from course.instructor.cli_live import reachable_url

    class Probe:  # the system's answer to "which address would you send from"
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def connect(self, where):
            pass

        def getsockname(self):
            return ("192.168.3.17", 40000)

    monkeypatch.setattr(socket, "socket", Probe)
    assert reachable_url("http://0.0.0.0:8870/", "0.0.0.0") == "http://192.168.3.17:8870/"
    # an address the teacher named, or loopback for a try-out, is kept as given
    assert reachable_url("http://10.0.0.5:8870/", "10.0.0.5") == "http://10.0.0.5:8870/"
    assert reachable_url("http://127.0.0.1:8870/", "127.0.0.1") == "http://127.0.0.1:8870/"

    def no_route(*args):
        raise OSError("network unreachable")

    Probe.connect = lambda self, where: no_route()
    assert reachable_url("http://0.0.0.0:8870/", "0.0.0.0") == "http://0.0.0.0:8870/"
