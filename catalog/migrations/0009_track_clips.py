from django.db import migrations, models

import catalog.clips


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_cover_names_of_their_own")]

    operations = [
        migrations.AddField(
            model_name="track",
            name="clip",
            field=models.FileField(
                blank=True,
                help_text="A short excerpt for shoppers to listen to: MP3, Ogg or WAV.",
                max_length=200,
                upload_to=catalog.clips.clip_upload_to,
                validators=[catalog.clips.validate_clip],
                verbose_name="audio clip",
            ),
        ),
        migrations.AddField(
            model_name="track",
            name="clip_duration",
            field=models.DurationField(blank=True, editable=False, null=True),
        ),
    ]
