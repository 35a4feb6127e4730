"""Steps of the buying journey, through the shop's own pages."""

ADDRESS = {
    "email": "olena@example.com",
    "name": "Olena Kovalenko",
    "address_line1": "vul. Khreshchatyk 1",
    "address_line2": "",
    "city": "Kyiv",
    "postcode": "01001",
    "region": "",
    "country": "UA",
    "phone": "",
    "shipping_method": "express",
}


def add_to_cart(client, release, quantity=1):
    return client.post("/en/cart/add/", {"release": release.pk, "quantity": str(quantity)})


def check_out(client, language="en", **changes):
    return client.post(f"/{language}/checkout/", ADDRESS | changes)
