"""`crm-course live`: run a live class; the projector's dashboard shows the answers as they come.

    crm-course live --lan --host 192.168.1.20      # a classroom of laptops on one network
    crm-course live --hub                          # as a JupyterHub service
    crm-course live --export submissions/          # the session, for crm-course report
"""
from __future__ import annotations

import argparse

DEFAULT_SESSION = "live-session.sqlite3"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lan", action="store_true",
                        help="learners join with a join code (printed with the URL to give them)")
    parser.add_argument("--hub", action="store_true",
                        help="run as a JupyterHub service: learners are who the hub says")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1; in a classroom, this "
                             "machine's address on the classroom network)")
    parser.add_argument("--port", type=int, default=8870, help="the port (default 8870)")
    parser.add_argument("--session", default=DEFAULT_SESSION, metavar="FILE",
                        help=f"the session file (default ./{DEFAULT_SESSION}); starting again "
                             "with the same file continues the session")
    parser.add_argument("--bank", metavar="PATH",
                        help="the instructor's exercise bank (default: exercises/ of the course)")
    parser.add_argument("--lesson", metavar="NN",
                        help="list only this lesson's exercises on the dashboard (e.g. 04)")
    parser.add_argument("--instructor-scope", default="custom:crm-live:teach", metavar="SCOPE",
                        help="--hub: the hub scope that opens the dashboard (the hub's config "
                             "grants it to the instructors' group)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address students open (the QR code on the projector), e.g. "
                             "http://192.168.1.20:8870/ or on a hub https://HUB/services/live/ "
                             "(--hub: by default the one the hub gives, c.JupyterHub.public_url) "
                             "/ 学生打开的地址（投影上的二维码）")
    parser.add_argument("--shared-address", action="append", default=[], metavar="ADDR",
                        help="an address (or network, e.g. 10.8.0.0/16) that many phones share "
                             "behind a school Wi-Fi's NAT: no limit of 3 learners or 32 "
                             "connections per address for it (repeat for several) / 多部手机共用"
                             "的出口地址（校园网 NAT）：不限制每个地址的加入人数与连接数")
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="both",
                        help="the dashboard's language (default both: English / 中文)")
    parser.add_argument("--export", metavar="DIR",
                        help="write the session as submission files to DIR and stop")


def _lesson_ids(bank, lesson: str | None):
    if not lesson:
        return None
    from course.errors import InputError
    from course.messages import both

    key = lesson.strip()
    matches = [slug for slug in bank.lessons if slug == key or slug.split("-")[0] == key.zfill(2)]
    if len(matches) != 1:
        raise InputError(both("unknown_lesson", lesson=lesson, folder="the bank",
                              known=", ".join(bank.lessons)))
    return list(bank.lessons[matches[0]].ids)


def _log_to(session_file) -> None:
    """Log to the terminal and to SESSION.log beside the session file, both escaped."""
    import logging
    import os

    from course.live.guard import SafeFormatter

    layout = "%(asctime)s %(levelname)s %(message)s"
    logging.basicConfig(level=logging.INFO, format=layout)
    logging.getLogger().handlers[0].setFormatter(SafeFormatter(layout))
    old_umask = os.umask(0o077)  # the log names learners: readable by the instructor only
    try:
        log_file = logging.FileHandler(str(session_file) + ".log", encoding="utf-8")
    finally:
        os.umask(old_umask)
    log_file.setFormatter(SafeFormatter(layout))
    logging.getLogger("course.live").addHandler(log_file)


def run(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from course import paths
    from course.errors import InputError
    from course.messages import both

    session_file = Path(args.session)
    if args.export:
        from course import roster
        from course.live.export import export_session, write_attendance

        if not session_file.is_file():
            raise InputError(both("no_such_path", path=session_file))
        store = _open_store(session_file)
        try:
            written = export_session(store, args.export)
            sheet = write_attendance(store, args.export, roster.load_saved())
        finally:
            store.close()
        print(both("live_exported", count=len(written), folder=args.export))
        print(f"Attendance 签到: {sheet}")
        return 0

    from course.instructor.report import load_instructor_bank
    from course.live.auth import HubAuth, LanAuth
    from course.live.server import LiveServer, LiveService

    # the address students open, checked before anything starts
    public = _public_url(args, (paths.hub_setting()["service_prefix"] or "/") if args.hub else "/")
    store = _open_store(session_file)  # a corrupt file stops here with a sentence
    _log_to(session_file)

    bank, _ = load_instructor_bank(Path(args.bank) if args.bank else None)
    host, port, prefix = args.host, args.port, "/"
    if args.hub:
        hub = paths.hub_setting()
        if not hub["api_url"] or not hub["api_token"]:
            raise InputError(both("live_no_hub"))
        auth = HubAuth(args.instructor_scope)  # the rest from the hub's JUPYTERHUB_* variables
        prefix = hub["service_prefix"] or "/"
        if hub["service_url"]:
            from urllib.parse import urlsplit

            parts = urlsplit(hub["service_url"])
            host, port = parts.hostname or host, parts.port or port
    else:
        auth = LanAuth(store)
    service = LiveService(store, bank, auth, _lesson_ids(bank, args.lesson))
    service.lang = args.lang
    try:
        from course.live.guard import shared_networks

        service.share(shared_networks(args.shared_address))
    except ValueError as exc:
        raise InputError(f"--shared-address: {exc}") from None
    if not args.hub:
        from course import roster

        service.roster = roster.load_saved()  # crm-course roster FILE: join by student number
        if service.roster is not None:
            print(f"Learners join by the class list {roster.saved_path()} "
                  f"({len(service.roster.students)} learners). 学生按班级名单加入。", flush=True)
    server = LiveServer(service, host=host, port=port, prefix=prefix)

    async def main():
        server.listen()
        for line in _started_lines(server, service, auth, host, public):
            print(line.en, flush=True)
            print(line.zh, flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(main())
    finally:
        store.close()
    return 0


def _public_url(args, prefix: str) -> str | None:
    """The address students open: ``--public-url``, else on a hub the one JupyterHub gives its
    service (``$JUPYTERHUB_PUBLIC_URL``); checked (InputError for a bad one); None if neither."""
    from course import paths
    from course.live.public import checked_public_url

    if args.public_url is not None:
        return checked_public_url(args.public_url, prefix, "--public-url")
    given = paths.hub_setting()["public_url"] if args.hub else ""
    return checked_public_url(given, prefix, "$JUPYTERHUB_PUBLIC_URL") if given else None


def _started_lines(server, service, auth, host: str, public: str | None) -> list:
    """What the terminal says once the service listens (each line in English and Chinese);
    sets the dashboard's join panel (``service.join_info``: the QR code, code and link)."""
    from course.live.public import only_this_computer
    from course.messages import ui

    if auth.mode == "hub":
        lines = [ui("live_started", dashboard=public or server.url)]
        if public is None:
            return lines + [ui("live_no_public_url")]
        service.join_info = {"url": public, "code": None, "hub": True}
        lines.append(ui("live_hub_phone_join", url=f"{public}learn"))
    else:
        url = public or reachable_url(server.url, host)
        service.join_info = {"url": url, "code": auth.join_code}
        local = reachable_url(server.url, host)
        lines = [ui("live_started", dashboard=f"{local}?token={auth.instructor_token}"),
                 ui("live_lan_join", url=url, code=auth.join_code),
                 ui("live_phone_join", url=f"{url}learn?code={auth.join_code}")]
    if only_this_computer(service.join_info["url"]):
        lines.append(ui("live_local_public_url", url=service.join_info["url"]))
    return lines


def reachable_url(url: str, host: str) -> str:
    """The service's URL as phones on the classroom network reach it: where it listens on every
    IPv4 address (``0.0.0.0``), this machine's address on its network in place of the wildcard
    (found by asking the system which address it would send from: nothing is sent); loopback or
    a named address stays as given."""
    if host not in ("0.0.0.0", ""):
        return url
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 9))  # UDP connect: picks a route, sends nothing
            address = probe.getsockname()[0]
    except OSError:
        return url
    return url.replace(f"//{host}:", f"//{address}:", 1)


def _open_store(session_file):
    """The session store, or a sentence when the file is not a usable session."""
    from course.errors import InputError
    from course.live.store import SessionFileError, SessionStore

    try:
        return SessionStore(session_file)
    except SessionFileError as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        raise InputError(f"Cannot open {session_file}: {exc.strerror or exc}. "
                         f"无法打开 {session_file}。") from None
