from django.urls import path

from .views import cart, checkout

app_name = "orders"

urlpatterns = [
    path("cart/", cart.cart_detail, name="cart"),
    path("cart/add/", cart.cart_add, name="cart_add"),
    path("cart/update/", cart.cart_update, name="cart_update"),
    path("checkout/", checkout.checkout, name="checkout"),
    path("orders/<uuid:token>/", checkout.order_detail, name="order"),
    path("orders/<uuid:token>/pay/", checkout.pay, name="pay"),
    path("orders/<uuid:token>/demo-payment/", checkout.demo_payment, name="demo_payment"),
]
