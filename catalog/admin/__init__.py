"""The catalogue's admin, one module per area; importing them registers the models."""

from . import questions, releases, stock, taxonomy

__all__ = ["questions", "releases", "stock", "taxonomy"]
