"""How shoppers reach the shop: the footer shows it, the contact page starts from it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ContactDetails:
    email: str
    phone: str  # as dialled from abroad
    address: tuple[str, ...]


# Made up for the demo: a reserved .example domain, an Ofcom drama number and no
# real street.
# The starting shop pages are written from them (shop.starting_pages).
CONTACT = ContactDetails(
    email="hello@plativka.example",
    phone="+44 20 7946 0321",
    address=("Plativka Records (demo)", "7 Example Yard", "London", "United Kingdom"),
)
