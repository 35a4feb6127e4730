from .cart import Cart, CartLine

__all__ = ["Cart", "CartLine"]
