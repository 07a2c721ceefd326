#!/usr/bin/env python3
"""Writes JSON arrays for POST /api/v1/messages/batch (bench/pipeline.sh): one message from each of `count` senders,
each on a domain of its own (noise control's per-domain limit stays out of the way) and with a text of its own words
(so that noise control's near-duplicate check finds no copies), threaded by externalThreadId.

  pipeline-batches.py <dir> <label> <first> <count> <new|reply> [batch size, 1000]

"new" opens a thread per sender (pipe-<label>-<i>); "reply" writes one reply into each, from the same sender, with
the same externalThreadId. Prints the files written, one a line."""
import json
import random
import sys

out_dir, label, first, count, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
size = int(sys.argv[6]) if len(sys.argv) > 6 else 1000
thread_label = sys.argv[7] if len(sys.argv) > 7 else label
rng = random.Random(f"{label}-{first}-{kind}")  # the same arguments write the same messages
syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi", "gu", "ha", "jo", "pe", "zu"]
words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)})


def text():
    return " ".join(rng.choice(words) for _ in range(24)) + "."


files = []
for start in range(first, first + count, size):
    batch = []
    for i in range(start, min(first + count, start + size)):
        sender = f"s{i}@d{i}-{thread_label}.example.com"
        thread = f"pipe-{thread_label}-{i}"
        batch.append({
            "channel": "email",
            "sender": sender,
            "name": f"Sender {i}",
            "subject": ("Re: " if kind == "reply" else "") + f"Question {i} " + rng.choice(words),
            "text": text(),
            "externalMessageId": f"{label}-{kind}-{i}",
            "externalThreadId": thread,
        })
    path = f"{out_dir}/{label}-{kind}-{start}.json"
    with open(path, "w") as f:
        json.dump(batch, f)
    files.append(path)
print("\n".join(files))
