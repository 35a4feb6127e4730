"""The orders' admin, one module per area; importing them registers the models."""

from . import limits, orders, returns, shipping, wishlist

__all__ = ["limits", "orders", "returns", "shipping", "wishlist"]
