"""The orders' admin, one module per area; importing them registers the models."""

from . import limits, orders, returns, shipping

__all__ = ["limits", "orders", "returns", "shipping"]
