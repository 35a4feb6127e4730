from .money import BASE_RATE, offered_rates

CURRENCY_COOKIE = "currency"


class CurrencyMiddleware:
    """Sets request.currency: the shopper's chosen currency, else the base currency."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(CURRENCY_COOKIE)
        request.currency = offered_rates().get(chosen, BASE_RATE)
        return self.get_response(request)
