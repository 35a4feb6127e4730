"""The catalogue's admin, one module per area; importing them registers the models."""

from . import questions, releases, shelves, stock, taxonomy

__all__ = ["questions", "releases", "shelves", "stock", "taxonomy"]
