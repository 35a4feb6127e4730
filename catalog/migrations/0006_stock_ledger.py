# The stock ledger moves to the catalogue, beside the stock it explains.

import django.db.models.deletion
from django.db import migrations, models


def copy_movements_and_open_the_ledger(apps, schema_editor):
    """Bring the orders' movements over, then open each record's ledger at its stock."""
    Release = apps.get_model("catalog", "Release")
    StockMovement = apps.get_model("catalog", "StockMovement")
    OldMovement = apps.get_model("orders", "StockMovement")
    Order = apps.get_model("orders", "Order")
    numbers = dict(Order.objects.values_list("pk", "number"))
    for old in OldMovement.objects.order_by("id").iterator():
        moved = StockMovement.objects.create(
            release_id=old.release_id,
            change=old.change,
            reason=old.reason,
            reference=numbers.get(old.order_id, ""),
        )
        StockMovement.objects.filter(pk=moved.pk).update(created=old.created)
    moved = dict(
        StockMovement.objects.values("release_id")
        .annotate(total=models.Sum("change"))
        .values_list("release_id", "total")
    )
    StockMovement.objects.bulk_create(
        StockMovement(release_id=pk, change=stock - moved.get(pk, 0), reason="opening")
        for pk, stock in Release.objects.values_list("pk", "stock")
        if stock != moved.get(pk, 0)
    )


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0005_home_page'),
        ('orders', '0004_orders'),
    ]

    operations = [
        migrations.AddField(
            model_name='release',
            name='held',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Copies taken out of stock for orders that are not paid yet.', verbose_name='held in checkouts'),
        ),
        migrations.AddField(
            model_name='release',
            name='max_per_order',
            field=models.PositiveSmallIntegerField(blank=True, help_text="Most copies one order may hold; blank for the shop's default.", null=True, verbose_name='limit per order'),
        ),
        migrations.CreateModel(
            name='StockMovement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('change', models.IntegerField(verbose_name='change')),
                ('reason', models.CharField(choices=[('opening', 'Opening stock'), ('reserved', 'Reserved for an order'), ('released', 'Reservation released'), ('retaken', 'Taken again for a late payment'), ('cancelled', 'Returned to stock on cancellation'), ('returned', 'Returned by the shopper'), ('adjusted', 'Adjusted by staff')], max_length=20, verbose_name='reason')),
                ('reference', models.CharField(blank=True, db_index=True, max_length=40, verbose_name='reference')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('release', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stock_movements', to='catalog.release', verbose_name='release')),
            ],
            options={
                'verbose_name': 'stock movement',
                'verbose_name_plural': 'stock movements',
                'ordering': ['-created', '-id'],
            },
        ),
        migrations.RunPython(copy_movements_and_open_the_ledger, migrations.RunPython.noop),
    ]
