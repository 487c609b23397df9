"""A content-addressed cache of what the gate derives from article texts.

Grounding spends nearly all its time extracting the statements of every article text
(the quantity grammar over each sentence); a pull request changes a handful of texts.
Entries are keyed by the text's sha256, the grammar's version and the conventions in
force (`keys.py`), serialised as JSON (`codec.py`) and kept in one SQLite file
(`store.py`). The cache is an optimisation only: a missing, corrupt, truncated or
foreign entry is recomputed, never trusted, and findings never depend on it.
"""
