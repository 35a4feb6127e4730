"""The orders' admin, one module per area; importing them registers the models."""

from . import orders, shipping

__all__ = ["orders", "shipping"]
