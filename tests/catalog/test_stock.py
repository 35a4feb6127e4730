"""catalog.stock: copies taken, held, sold and put back, each change in the ledger."""

import pytest
from django.db import transaction

from catalog import stock
from catalog.models import Release, StockMovement
from tests.factories import make_release

ORDER = "PL-7K3QX9"


def figures(release):
    """(stock, held) as the database has them now."""
    return tuple(Release.objects.values_list("stock", "held").get(pk=release.pk))


def moves(release):
    """The release's movements after its opening, oldest first: (reason, change, reference)."""
    return list(
        StockMovement.objects.filter(release=release)
        .exclude(reason="opening")
        .order_by("created", "id")
        .values_list("reason", "change", "reference")
    )


def reserve_or_roll_back(lines):
    """Reserve as checkout does: in a transaction, rolled back when a line is missing."""
    with transaction.atomic():
        missing = stock.reserve(lines, reference=ORDER)
        if missing is not None:
            transaction.set_rollback(True)
    return missing


def test_new_releases_open_their_ledger_with_their_stock(db):
    release = make_release(stock=7)
    assert list(release.stock_movements.values_list("reason", "change")) == [("opening", 7)]
    assert not make_release(stock=0).stock_movements.exists()


def test_reserve_takes_copies_out_of_stock_and_holds_them(db):
    release = make_release(stock=5)

    assert reserve_or_roll_back([(release.pk, 2)]) is None

    assert figures(release) == (3, 2)
    assert moves(release) == [("reserved", -2, ORDER)]


def test_reserve_is_all_or_nothing_and_names_the_missing_line(db):
    plenty, scarce = make_release(stock=5), make_release(stock=1)

    missing = reserve_or_roll_back([(scarce.pk, 2), (plenty.pk, 3)])

    assert missing == (scarce.pk, 2)
    assert figures(plenty) == (5, 0) and figures(scarce) == (1, 0)
    assert moves(plenty) == moves(scarce) == []


def test_stock_never_goes_below_zero(db):
    release = make_release(stock=2)

    assert reserve_or_roll_back([(release.pk, 3)]) == (release.pk, 3)
    assert stock.adjust(release_id=release.pk, change=-5) == -2

    assert figures(release) == (0, 0)


def test_lines_for_one_release_count_together(db):
    release = make_release(stock=3)

    assert reserve_or_roll_back([(release.pk, 2), (release.pk, 2)]) == (release.pk, 4)
    assert reserve_or_roll_back([(release.pk, 1), (release.pk, 2)]) is None

    assert figures(release) == (0, 3)
    assert moves(release) == [("reserved", -3, ORDER)]


@pytest.mark.parametrize("quantity", [0, -1, 1.5, "2"])
def test_bad_quantities_are_refused(db, quantity):
    release = make_release(stock=5)
    with pytest.raises(ValueError):
        reserve_or_roll_back([(release.pk, quantity)])
    assert figures(release) == (5, 0)


def test_release_puts_held_copies_back(db):
    release = make_release(stock=5)
    reserve_or_roll_back([(release.pk, 2)])

    stock.release([(release.pk, 2)], reference=ORDER)

    assert figures(release) == (5, 0)
    assert moves(release)[-1] == ("released", 2, ORDER)


def test_settle_sells_held_copies_without_changing_stock(db):
    release = make_release(stock=5)
    reserve_or_roll_back([(release.pk, 2)])

    stock.settle([(release.pk, 2)], reference=ORDER)

    assert figures(release) == (3, 0)
    assert moves(release) == [("reserved", -2, ORDER)]  # the copies left stock then


def test_held_never_goes_below_zero(db):
    release = make_release(stock=5)

    stock.release([(release.pk, 2)], reference=ORDER)  # held 0: an order from before `held`

    assert figures(release) == (7, 0)


def test_retake_takes_copies_again_without_holding_them(db):
    release = make_release(stock=5)

    with transaction.atomic():
        assert stock.retake([(release.pk, 2)], reference=ORDER) is None

    assert figures(release) == (3, 0)
    assert moves(release) == [("retaken", -2, ORDER)]


def test_retake_is_all_or_nothing(db):
    plenty, gone = make_release(stock=5), make_release(stock=0)

    with transaction.atomic():
        missing = stock.retake([(plenty.pk, 1), (gone.pk, 1)], reference=ORDER)
        transaction.set_rollback(True)

    assert missing == (gone.pk, 1)
    assert figures(plenty) == (5, 0)


@pytest.mark.parametrize("reason", ["cancelled", "returned"])
def test_restock_brings_a_paid_orders_copies_back(db, reason):
    release = make_release(stock=5)

    stock.restock([(release.pk, 2)], reference=ORDER, reason=reason)

    assert figures(release) == (7, 0)
    assert moves(release) == [(reason, 2, ORDER)]


def test_restock_refuses_other_reasons(db):
    release = make_release(stock=5)
    with pytest.raises(ValueError):
        stock.restock([(release.pk, 2)], reference=ORDER, reason="adjusted")
    assert figures(release) == (5, 0)


def test_adjust_records_staff_changes_and_marks_a_sold_out_record_restocked(db):
    release = make_release(stock=0)

    assert stock.adjust(release_id=release.pk, change=4) == 4

    release.refresh_from_db()
    assert release.stock == 4 and release.restocked is not None
    assert moves(release) == [("adjusted", 4, "")]
    assert stock.adjust(release_id=release.pk, change=0) == 0
    assert len(moves(release)) == 1


def test_the_ledger_adds_up_to_stock_after_every_kind_of_change(db):
    one, two = make_release(stock=6), make_release(stock=3)
    lines = [(two.pk, 1), (one.pk, 2)]

    reserve_or_roll_back(lines)  # checkout
    stock.release(lines, reference="PL-A")  # the payment window closed
    with transaction.atomic():
        stock.retake(lines, reference="PL-A")  # the payment came late
    reserve_or_roll_back(lines)
    stock.settle(lines, reference="PL-B")  # paid
    stock.restock(lines, reference="PL-B", reason="returned")
    stock.adjust(release_id=one.pk, change=-3)

    assert figures(one) == (1, 0) and figures(two) == (2, 0)
    assert stock.ledger_mismatches() == []


def test_ledger_mismatches_name_releases_changed_behind_the_ledgers_back(db):
    kept, changed = make_release(stock=4), make_release(stock=4)
    Release.objects.filter(pk=changed.pk).update(stock=9)

    found = stock.ledger_mismatches()

    assert [(r.pk, r.stock, r.moved) for r in found] == [(changed.pk, 9, 4)]
    assert stock.ledger_mismatches(release_ids=[kept.pk]) == []


def test_taking_stock_outside_a_transaction_is_refused(transactional_db):
    release = make_release(stock=5)
    with pytest.raises(transaction.TransactionManagementError):
        stock.reserve([(release.pk, 1)], reference=ORDER)
    assert figures(release) == (5, 0)
