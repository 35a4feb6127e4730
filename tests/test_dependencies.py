"""Dependencies between apps point one way: orders → catalog → shop.

The root URLconf and the settings compose the apps, so they may name any of them.
"""

import ast
import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent
COMPOSERS = {ROOT / "shop" / "urls.py", ROOT / "shop" / "settings.py"}
LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")


def python_files(app):
    return sorted(path for path in (ROOT / app).rglob("*.py") if path not in COMPOSERS)


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def loaded_libraries(path):
    """The tag libraries a template loads, from both `{% load a b %}` and `… from lib`."""
    for arguments in LOAD.findall(path.read_text()):
        words = arguments.split()
        yield from words[words.index("from") + 1 :] if "from" in words else words


@pytest.mark.parametrize("app", ["catalog", "shop"])
def test_catalog_and_shop_never_import_orders(app):
    files = python_files(app)
    assert files, app
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in files
        for module in imported_modules(path)
        if module == "orders" or module.startswith("orders.")
    ]
    assert offenders == []


def test_catalog_templates_load_no_orders_tag_library():
    libraries = engines["django"].engine.libraries  # name -> module path
    orders_libraries = {name for name, module in libraries.items() if module.startswith("orders.")}
    templates = sorted((ROOT / "templates" / "catalog").rglob("*.html"))
    loads = {path: set(loaded_libraries(path)) for path in templates}
    assert "catalog_tags" in set().union(*loads.values())  # the check reads real loads
    offenders = {path.name: names & orders_libraries for path, names in loads.items()}
    assert {name: found for name, found in offenders.items() if found} == {}
