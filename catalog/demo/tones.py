"""Synthetic demo clips: a few seconds of sine-tone arpeggios, different for every track.

They exist so that the player can be tried from `make run`. They are plainly machine
tones, never recordings of the music. Each is a small WAV (8-bit mono at 11,025 Hz,
about 80 KB), written with the standard library's `wave` module.
"""

import array
import hashlib
import io
import math
import random
import wave

# Part of every clip's name: change it when the tones change, so that new files are written.
VERSION = 1
RATE = 11_025
# Semitone steps of the chords the arpeggios climb: major seventh, minor seventh,
# dominant seventh, sixth.
CHORDS = [(0, 4, 7, 11), (0, 3, 7, 10), (0, 4, 7, 10), (0, 4, 7, 9)]
FADE_IN, FADE_OUT = 0.4, 1.0  # seconds


def arpeggio_wav(seed: str) -> bytes:
    """A 6–9 second WAV clip; the same seed always gives the same bytes."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    seconds = rng.uniform(6, 9)
    note_length = rng.choice([0.16, 0.2, 0.25, 0.3])
    root = 220 * 2 ** (rng.randrange(12) / 12)  # somewhere in the octave above A3
    chords = [rng.choice(CHORDS) for _bar in range(4)]
    pattern = rng.choice([(0, 1, 2, 3), (0, 2, 1, 3), (3, 2, 1, 0), (0, 1, 2, 3, 2, 1)])
    samples = array.array("B")
    total = int(seconds * RATE)
    note = 0
    while len(samples) < total:
        chord = chords[(note // len(pattern)) % len(chords)]
        step = chord[pattern[note % len(pattern)]]
        samples.extend(_note(root * 2 ** (step / 12), note_length))
        note += 1
    del samples[total:]
    _fade(samples)
    return _wav(samples)


def _note(frequency, length):
    """One plucked tone: a quick attack, then an exponential decay, with a soft octave."""
    count = int(length * RATE)
    step = 2 * math.pi * frequency / RATE
    for n in range(count):
        envelope = min(1.0, n / 60) * math.exp(-4 * n / count)
        value = math.sin(step * n) + 0.25 * math.sin(2 * step * n)
        yield 128 + int(90 * envelope * value)


def _fade(samples):
    fade_in, fade_out = int(FADE_IN * RATE), int(FADE_OUT * RATE)
    for n in range(fade_in):
        samples[n] = 128 + (samples[n] - 128) * n // fade_in
    end = len(samples)
    for n in range(end - fade_out, end):
        samples[n] = 128 + (samples[n] - 128) * (end - n) // fade_out


def _wav(samples):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)  # 8-bit unsigned
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()
