"""`crm-course submit`: hand in this learner's work to the course's exchange folder."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from course.instructor.exchange import add_exchange_option

    add_exchange_option(parser)


def run(args: argparse.Namespace) -> int:
    from course.exercises import progress
    from course.exercises.cli_export import tell_store_state
    from course.instructor.exchange import exchange_root, hand_in, hub_user
    from course.messages import both

    name = hub_user()
    root = exchange_root(args.exchange)
    saved = progress.store_path().exists()
    doc = progress.submission(learner=name)
    path = hand_in(progress.submission_bytes(doc), root, name)
    tell_store_state("submit", saved)
    print(both("handed_in", n=len(doc["attempts"]), name=name, path=path))
    return 0
