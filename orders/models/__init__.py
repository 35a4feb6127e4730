from .cart import Cart, CartLine
from .orders import Order, OrderLine, PaymentEvent, StockMovement
from .shipping import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone

__all__ = [
    "Cart",
    "CartLine",
    "ClosureDay",
    "DispatchSettings",
    "Order",
    "OrderLine",
    "PaymentEvent",
    "ShippingMethod",
    "ShippingRate",
    "ShippingZone",
    "StockMovement",
]
