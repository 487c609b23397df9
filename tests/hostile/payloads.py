"""Hostile strings, in one place, for every output a dataset value can reach.

Each payload is something a pull request can put in a cell (a quote, a name, an
actor) hoping it becomes markup, a script, a link or a CI command when rendered.
The HTML report tests (tests/hostile/test_html_inert.py) plant them and check in
a real browser that they show as text; the job summary and annotations can reuse
them. `TITLE_MARK` is what a payload that ran would set `document.title` to.
"""

from __future__ import annotations

TITLE_MARK = "pwned-by-payload"

HTML: dict[str, str] = {
    "script": f"<script>document.title='{TITLE_MARK}'</script>",
    "close-script": f"</script><script>document.title='{TITLE_MARK}'</script>",
    "img-onerror": f"<img src=x onerror=\"document.title='{TITLE_MARK}'\">",
    "svg-onload": f"<svg onload=\"document.title='{TITLE_MARK}'\"></svg>",
    "iframe": "<iframe src=\"javascript:parent.document.title='x'\"></iframe>",
    "attribute-break": f"\"' autofocus onfocus=\"document.title='{TITLE_MARK}'\" x='",
    "style-break": "</style><b id=injected-bold>bold</b>",
    "comment": "<!-- --><b id=injected-comment>c</b>",
    "entity": "&lt;b id=injected-entity&gt;",
}
"""HTML and JavaScript injection: none may become an element or run."""

MARKDOWN: dict[str, str] = {
    "link": "[click here](javascript:alert(1))",
    "image": "![x](https://example.invalid/track.png)",
    "emphasis": "**bold** _it_ `code`",
    "heading": "# Heading",
    "table-pipe": "a | b | c",
    "html-in-markdown": "<details open><summary>x</summary>y</details>",
}
"""Markdown (job summary, PR comments): must not become links, images or headings."""

WORKFLOW: dict[str, str] = {
    "set-output": "::set-output name=passed::true",
    "error-command": "::error file=x.csv,line=1::injected",
    "add-mask": "::add-mask::secret",
    "stop-commands": "::stop-commands::token",
    "encoded-newline": "quote%0A::error::injected",
    "real-newline": "quote\n::error::injected",
    "percent": "100%25 %0D%0A",
}
"""GitHub Actions workflow commands: must not be read as commands from the log."""

ALL: dict[str, str] = {
    **{f"html.{k}": v for k, v in HTML.items()},
    **{f"markdown.{k}": v for k, v in MARKDOWN.items()},
    **{f"workflow.{k}": v for k, v in WORKFLOW.items()},
}
"""Every payload by a stable name."""

INJECTED_IDS = ("injected-bold", "injected-comment", "injected-entity")
"""Element ids a payload would create if its markup were parsed."""
