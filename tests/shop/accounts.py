"""Steps of the account journeys, through the shop's own pages."""

import re

from django.core import mail

PASSWORD = "vinyl-on-sunday-42"


def sign_up(client, email="olena@example.com", language="en", **changes):
    data = {"email": email, "password": PASSWORD, "privacy": "on"} | changes
    return client.post(f"/{language}/account/sign-up/", data)


def sign_in(client, email="olena@example.com", password=PASSWORD, language="en"):
    return client.post(f"/{language}/account/sign-in/", {"username": email, "password": password})


def link_in(message) -> str:
    """The shop's path in an email's text (the first link after the shop's address)."""
    return re.search(r"http://127\.0\.0\.1:8000(/\S+)", message.body).group(1)


def last_link(to):
    sent = [message for message in mail.outbox if message.to == [to]]
    return link_in(sent[-1])
