"""The live class: a small web service that collects the class's Checks as they happen and
shows them on the projector (`crm-course live`), and the learner's side (`course.join`).

=============  ===========================================================================
module         owns
=============  ===========================================================================
store          the session in SQLite: learners, attempts (re-graded), reveals, settings
stats          what the dashboard shows: answers per option, wrong answers per blank
auth           who is asking: a join code and tokens (LAN), or the JupyterHub API (hub)
server         the tornado application: the learners' API, the dashboard, reveal
client         the learner's kernel: sends each Check in the background, hears reveals
export         the session as a folder of submission files for `crm-course report`
=============  ===========================================================================

Nothing here is imported by ``course.exercises`` at module level: the client adds itself to
the attempt listeners of :mod:`course.exercises.attempt` when a learner joins.
"""
