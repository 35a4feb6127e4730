"""The orders' admin, one module per area; importing them registers the models."""

from . import limits, orders, shipping

__all__ = ["limits", "orders", "shipping"]
