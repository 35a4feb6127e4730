"""Template comments: Django's {# #} ends on its own line, or it is printed in the page."""

from pathlib import Path

from django.conf import settings


def test_no_comment_spans_lines():
    unclosed = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.*"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert unclosed == []
