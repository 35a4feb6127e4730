# One order lifecycle and durable refunds; the stock ledger now lives in the catalogue.

import django.db.models.deletion
import uuid
from django.db import migrations, models


def carry_money_and_holds_over(apps, schema_editor):
    """Paid orders record what they took; past refunds become done refund rows."""
    Order = apps.get_model("orders", "Order")
    Refund = apps.get_model("orders", "Refund")
    PaymentEvent = apps.get_model("orders", "PaymentEvent")
    Release = apps.get_model("catalog", "Release")
    OrderLine = apps.get_model("orders", "OrderLine")
    Order.objects.filter(paid__isnull=False).update(amount_paid=models.F("total"))
    for order in Order.objects.filter(refunded__gt=0):
        Refund.objects.create(
            order=order,
            payment_intent=order.stripe_payment_intent,
            amount=order.refunded,
            currency=order.currency,
            reason="staff",
            status="done",
            completed=order.cancelled or order.paid,
        )
    for event in PaymentEvent.objects.filter(kind="payment.succeeded").select_related("order"):
        if event.order is not None:
            event.payment_intent = event.order.stripe_payment_intent
            event.save(update_fields=["payment_intent"])
    held = OrderLine.objects.filter(order__status="pending", order__stock_held=True)
    for line in held:
        Release.objects.filter(pk=line.release_id).update(held=models.F("held") + line.quantity)


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0006_stock_ledger'),
        ('orders', '0004_orders'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='amount_paid',
            field=models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='amount paid'),
        ),
        migrations.AddField(
            model_name='order',
            name='delivered',
            field=models.DateTimeField(blank=True, null=True, verbose_name='delivered'),
        ),
        migrations.AddField(
            model_name='order',
            name='returned',
            field=models.DateTimeField(blank=True, null=True, verbose_name='returned'),
        ),
        migrations.AddField(
            model_name='paymentevent',
            name='payment_intent',
            field=models.CharField(blank=True, db_index=True, max_length=255, verbose_name='Stripe payment'),
        ),
        migrations.AlterField(
            model_name='order',
            name='status',
            field=models.CharField(choices=[('pending', 'Awaiting payment'), ('expired', 'Payment window closed'), ('paid', 'Paid'), ('shipped', 'Shipped'), ('delivered', 'Delivered'), ('returned', 'Returned'), ('cancelled', 'Cancelled'), ('refunded', 'Refunded')], default='pending', max_length=20, verbose_name='status'),
        ),
        migrations.CreateModel(
            name='Refund',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('payment_intent', models.CharField(max_length=255, verbose_name='Stripe payment')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, verbose_name='amount')),
                ('currency', models.CharField(max_length=3, verbose_name='currency')),
                ('reason', models.CharField(choices=[('staff', 'Refunded by staff'), ('cancelled', 'Order cancelled'), ('late_payment', 'Paid after the copies were sold'), ('not_payable', 'Paid for an order that could no longer be paid'), ('duplicate_payment', 'A second payment for the same order')], max_length=20, verbose_name='reason')),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('failed', 'Failed, will retry'), ('done', 'Refunded')], default='pending', max_length=10, verbose_name='status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='failed attempts')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
                ('next_attempt', models.DateTimeField(blank=True, null=True, verbose_name='next attempt')),
                ('stripe_refund', models.CharField(blank=True, max_length=255, verbose_name='Stripe refund')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='decided')),
                ('completed', models.DateTimeField(blank=True, null=True, verbose_name='completed')),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='refunds', to='orders.order', verbose_name='order')),
            ],
            options={
                'verbose_name': 'refund',
                'verbose_name_plural': 'refunds',
                'ordering': ['created', 'id'],
            },
        ),
        migrations.DeleteModel(
            name='StockMovement',
        ),
        migrations.AddIndex(
            model_name='refund',
            index=models.Index(fields=['status', 'next_attempt'], name='refund_status_next'),
        ),
        migrations.AddConstraint(
            model_name='refund',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='refund_amount_positive'),
        ),
        migrations.RunPython(carry_money_and_holds_over, migrations.RunPython.noop),
    ]
