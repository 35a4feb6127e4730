from django.urls import path
from django.views.decorators.cache import cache_control

from .views import account, cart, checkout, returns, wishlist

app_name = "orders"

# Every page here shows one shopper's cart or order: no shared cache or browser
# history may keep a copy of it.
private = cache_control(private=True, no_store=True)

urlpatterns = [
    path("cart/", private(cart.cart_detail), name="cart"),
    path("cart/add/", private(cart.cart_add), name="cart_add"),
    path("cart/update/", private(cart.cart_update), name="cart_update"),
    path("checkout/", private(checkout.checkout), name="checkout"),
    path("orders/<uuid:token>/", private(checkout.order_detail), name="order"),
    path("orders/<uuid:token>/pay/", private(checkout.pay), name="pay"),
    path("orders/<uuid:token>/return/", private(returns.ask_for_return), name="ask_for_return"),
    path("orders/<uuid:token>/returns/<slug:number>/", private(returns.return_page), name="return"),
    path(
        "orders/<uuid:token>/returns/<slug:number>/slip/",
        private(returns.return_slip),
        name="return_slip",
    ),
    path("account/orders/", private(account.my_orders), name="my_orders"),
    path("account/addresses/", private(account.addresses), name="addresses"),
    path("account/addresses/new/", private(account.address_form), name="address_add"),
    path("account/addresses/<int:pk>/", private(account.address_form), name="address_edit"),
    path(
        "account/addresses/<int:pk>/default/",
        private(account.address_default),
        name="address_default",
    ),
    path(
        "account/addresses/<int:pk>/delete/", private(account.address_delete), name="address_delete"
    ),
    path("account/wishlist/", private(wishlist.wishlist_page), name="wishlist"),
    path(
        "account/wishlist/<int:release_id>/save/",
        private(wishlist.wishlist_save),
        name="wishlist_save",
    ),
    path(
        "account/wishlist/<int:release_id>/remove/",
        private(wishlist.wishlist_remove),
        name="wishlist_remove",
    ),
    path(
        "account/wishlist/<int:release_id>/move/",
        private(wishlist.wishlist_move),
        name="wishlist_move",
    ),
    path("orders/<uuid:token>/demo-payment/", private(checkout.demo_payment), name="demo_payment"),
]
