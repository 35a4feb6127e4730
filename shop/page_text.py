"""A shop page's plain text as HTML: headings, lists, paragraphs, line breaks and links.

Staff write the pages as plain text in the admin. A paragraph's first line that
ends with a colon is a heading (unless a list follows it at once, when it
introduces the list); lines that start with "- " are a list. Everything staff
typed is escaped: markup shows as typed.
"""

import re

from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = "- "
_HEADING_MAX = 100  # characters: longer than any heading, shorter than a sentence-long paragraph


def _inline(line: str) -> str:
    return urlize(line.strip(), nofollow=True, autoescape=True)


def _is_heading(lines: list[str]) -> bool:
    first = lines[0].strip()
    return (
        len(lines) > 1
        and first.endswith(":")
        and 1 < len(first) <= _HEADING_MAX
        and not first.startswith(_LIST_ITEM)
        and not lines[1].lstrip().startswith(_LIST_ITEM)
    )


def _block(lines: list[str]) -> list[str]:
    html = []
    if _is_heading(lines):
        html.append(f"<h2>{_inline(lines[0].strip()[:-1])}</h2>")
        lines = lines[1:]
    run, in_list = [], False
    for line in lines + [None]:  # None closes the last run
        item = line is not None and line.lstrip().startswith(_LIST_ITEM)
        if run and (line is None or item != in_list):
            if in_list:
                html.append("<ul>" + "".join(f"<li>{text}</li>" for text in run) + "</ul>")
            else:
                html.append("<p>" + "<br>".join(run) + "</p>")
            run = []
        if line is not None:
            in_list = item
            run.append(_inline(line.lstrip()[len(_LIST_ITEM) :] if item else line))
    return html


def page_html(text: str) -> SafeString:
    text = text.replace("\r\n", "\n").strip()
    blocks = [block.split("\n") for block in _BLANK_LINE.split(text) if block.strip()]
    return mark_safe("\n".join(part for lines in blocks for part in _block(lines)))
