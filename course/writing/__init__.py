"""Written replies to buyers: the reviewer, the moves a reply makes, role-play graphs, a word list.

Neutral ground between the engine (``course.exercises``) and the CRM toolkit (``course.crm``):
this package imports neither. The toolkit re-exports it (``crm.review_reply``, ``crm.moves_in``)
for lessons; the ``reply`` and ``roleplay`` exercise kinds grade with it. Importing it is light:
the sentiment lexicon and the word list load on the first review.
"""
