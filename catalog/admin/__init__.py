"""The catalogue's admin, one module per area; importing them registers the models."""

from . import alerts, questions, releases, shelves, stock, taxonomy

__all__ = ["alerts", "questions", "releases", "shelves", "stock", "taxonomy"]
