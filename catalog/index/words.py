"""Words of the search text: which records have a word, or a word starting with a prefix.

The vocabulary is sorted, so the words starting with a prefix are one range of it,
found by bisection. Words are compared as UTF-8 bytes, whose order is the order of
their code points, and no UTF-8 text contains the byte 0xFF, so the range for
b"urtre" ends before b"urtre\\xff".

Common words (in FREQUENT records or more) keep a compressed bitmap each. The rest,
most of a catalogue's words (catalogue numbers, barcodes, names), keep their
records in one flat array in vocabulary order, so a prefix's rare words are one
slice of it. The vocabulary itself is one bytes object and an array of offsets:
no Python object per word.
"""

from array import array
from bisect import bisect_left
from collections import defaultdict
from functools import partial

from pyroaring import BitMap

FREQUENT = 64


class _Sequence:
    """Items of one bytes object cut at `offsets`, for bisection."""

    def __init__(self, data: bytes, offsets: array):
        self.data, self.offsets = data, offsets

    def __len__(self):
        return len(self.offsets) - 1

    def __getitem__(self, n):
        return self.data[self.offsets[n] : self.offsets[n + 1]]


class WordIndex:
    """The records of every word of one text (search text, or headline)."""

    def __init__(self, *, words, word_offsets, rare_offsets, rare_records, common, common_bitmaps):
        self.words = _Sequence(words, word_offsets)
        self.rare_offsets = rare_offsets  # per word: its slice of rare_records
        self.rare_records = rare_records
        self.common = common  # word numbers with a bitmap, ascending
        self.common_bitmaps = common_bitmaps

    def prefixed(self, prefix: str) -> BitMap:
        """Records with a word that starts with `prefix`."""
        start = bisect_left(self.words, prefix.encode())
        stop = bisect_left(self.words, prefix.encode() + b"\xff", start)
        return self._records(start, stop)

    def exact(self, word: str) -> BitMap:
        """Records with exactly this word."""
        start = bisect_left(self.words, word.encode())
        found = start < len(self.words) and self.words[start] == word.encode()
        return self._records(start, start + 1) if found else BitMap()

    def _records(self, start, stop) -> BitMap:
        rare = BitMap(self.rare_records[self.rare_offsets[start] : self.rare_offsets[stop]])
        first, last = bisect_left(self.common, start), bisect_left(self.common, stop)
        return rare.union(*self.common_bitmaps[first:last])


class WordIndexBuilder:
    """Collects each record's words in record order, then makes a WordIndex."""

    def __init__(self):
        self.postings = defaultdict(partial(array, "I"))

    def add(self, record: int, text: str):
        for word in set(text.split(" ")):
            self.postings[word].append(record)

    def finish(self) -> WordIndex:
        self.postings.pop("", None)
        entries = sorted((word.encode(), records) for word, records in self.postings.items())
        self.postings.clear()
        words, word_offsets = bytearray(), array("I", [0])
        rare_offsets, rare_records = array("I", [0]), array("I")
        common, common_bitmaps = array("I"), []
        for n, (word, records) in enumerate(entries):
            words += word
            word_offsets.append(len(words))
            if len(records) >= FREQUENT:
                common.append(n)
                common_bitmaps.append(BitMap(records))
            else:
                rare_records.extend(records)
            rare_offsets.append(len(rare_records))
        return WordIndex(
            words=bytes(words),
            word_offsets=word_offsets,
            rare_offsets=rare_offsets,
            rare_records=rare_records,
            common=common,
            common_bitmaps=common_bitmaps,
        )


class Texts:
    """Every record's search text, as UTF-8 in one bytes object, to check phrases."""

    def __init__(self, data: bytes, offsets: array):
        self.data, self.offsets = data, offsets

    @classmethod
    def build(cls, texts) -> "Texts":
        encoded = [text.encode() for text in texts]
        offsets = array("Q", [0])
        total = 0
        for text in encoded:
            total += len(text)
            offsets.append(total)
        return cls(b"".join(encoded), offsets)

    def having(self, phrase: str, candidates) -> BitMap:
        """The candidates whose text contains `phrase`."""
        wanted, data, offsets = phrase.encode(), self.data, self.offsets
        return BitMap(r for r in candidates if data.find(wanted, offsets[r], offsets[r + 1]) >= 0)
