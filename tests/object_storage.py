"""A local S3 for tests: moto's standalone server on loopback, and a bucket per test.

The shop talks to it through django-storages exactly as it would to AWS S3, MinIO or
R2; the tests look at the bucket through boto3 and plain HTTP, as an operator would.
"""

import itertools
import json
from contextlib import contextmanager

import boto3
from django.conf import settings
from django.test import override_settings
from django.utils.csp import CSP
from moto.server import ThreadedMotoServer

from shop.storage import bucket_storage, media_origin

REGION = "us-east-1"
# moto accepts any keys. Passing them keeps boto3 from looking for real ones (the
# environment, ~/.aws, an instance's metadata service beyond loopback).
KEYS = {"access_key": "testing", "secret_key": "testing"}

_numbers = itertools.count(1)


class LocalS3:
    def __init__(self):
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.endpoint_url = None
        self.client = None

    def start(self):
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=KEYS["access_key"],
            aws_secret_access_key=KEYS["secret_key"],
        )
        return self

    def stop(self):
        self._server.stop()

    def new_bucket(self):
        """An empty bucket set up as the README asks: anyone may read its objects, and it
        keeps every version (which also lets the tests see each write)."""
        bucket = Bucket(self, f"media-{next(_numbers)}")
        self.client.create_bucket(Bucket=bucket.name)
        self.client.put_bucket_versioning(
            Bucket=bucket.name, VersioningConfiguration={"Status": "Enabled"}
        )
        self.client.put_bucket_policy(Bucket=bucket.name, Policy=public_reads(bucket.name))
        return bucket


def public_reads(bucket_name):
    """A bucket policy that lets anyone read (not list or write) the bucket's objects."""
    statement = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket_name}/*",
    }
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


class Bucket:
    def __init__(self, s3, name):
        self.s3 = s3
        self.name = name

    def names(self):
        pages = self.s3.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def writes(self):
        """{key: how many times it was written or deleted}."""
        listing = self.s3.client.list_object_versions(Bucket=self.name)
        counts = {}
        for entry in listing.get("Versions", []) + listing.get("DeleteMarkers", []):
            counts[entry["Key"]] = counts.get(entry["Key"], 0) + 1
        return counts

    def head(self, key):
        return self.s3.client.head_object(Bucket=self.name, Key=key)

    def storage(self, **options):
        """The shop's STORAGES entry for this bucket, as settings build it from the env."""
        entry = bucket_storage(
            bucket=self.name, endpoint_url=self.s3.endpoint_url, region=REGION, **options
        )
        entry["OPTIONS"] |= KEYS
        return entry


@contextmanager
def media_in(bucket, *, media_root, **options):
    """Uploads go to the bucket, as with MEDIA_BUCKET set; MEDIA_ROOT is a folder to watch.

    Django's setting_changed signal drops the cached storages (default_storage too), so
    the shop's next read or write goes to the bucket, and back to disk afterwards.
    """
    entry = bucket.storage(**options)
    with override_settings(
        STORAGES=settings.STORAGES | {"default": entry},
        MEDIA_ROOT=media_root,
        SECURE_CSP=settings.SECURE_CSP | {"img-src": [CSP.SELF, media_origin(entry["OPTIONS"])]},
    ):
        yield
