from .money import BASE_RATE, offered_rates

CURRENCY_COOKIE = "currency"


class CurrencyMiddleware:
    """Sets request.currency: the shopper's chosen currency, else the base currency."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rates = offered_rates()
        request.currency = rates.get(request.COOKIES.get(CURRENCY_COOKIE), BASE_RATE)
        request.offered_currencies = list(rates)  # for the header switch, read once
        return self.get_response(request)
