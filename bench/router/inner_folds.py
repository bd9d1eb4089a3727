#!/usr/bin/env python3
"""Inner folds of the warm-up part, for measuring `switchyard eval replay` without the held-out 20 %.

The held-out 20 % of RouterBench (SHA-256(sample_id) mod 100 < 20, as `ReplaySplit.IsHeldOut`) is
dropped. The rest (the warm-up part) is split into five folds by a second hash, as
per_query_signals.py does (SHA-256("fold:" + sample_id) mod 5). For each requested fold the files are
written again with every sample id renamed (a suffix is searched for) so that `--holdout 20` picks
exactly that fold: the fold is evaluated, the other four are warmed up on. Rows keep their order.

    python3 bench/router/inner_folds.py ../shared/data/routerbench /tmp/folds 0 1 2 3

writes /tmp/folds/fold<k>/<file> for each fold k given (default: 0 1 2 3). Pure python3, seconds.
"""

import csv
import hashlib
import os
import sys

FILES = ["arc_challenge_train.csv", "mbpp_train.csv", "winograde_train.csv"]
FOLDS = 5


def h32(text):
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def held_out(sample_id, percent=20):
    return h32(sample_id) % 100 < percent


def fold(sample_id):
    return h32("fold:" + sample_id) % FOLDS


def renamed(sample_id, k):
    """An id that --holdout 20 holds out exactly when the query is in fold k."""
    want = fold(sample_id) == k
    n = 0
    while True:
        candidate = f"{sample_id}#f{k}.{n}"
        if held_out(candidate) == want:
            return candidate
        n += 1


def main():
    source, target = sys.argv[1], sys.argv[2]
    folds = [int(a) for a in sys.argv[3:]] or [0, 1, 2, 3]
    csv.field_size_limit(1 << 30)
    for k in folds:
        os.makedirs(os.path.join(target, f"fold{k}"), exist_ok=True)
        evaluated = warmed = 0
        for name in FILES:
            with open(os.path.join(source, name), newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header, body = rows[0], rows[1:]
            column = header.index("sample_id")
            out = [header]
            for row in body:
                if held_out(row[column]):
                    continue
                in_fold = fold(row[column]) == k
                evaluated += in_fold
                warmed += not in_fold
                row = list(row)
                row[column] = renamed(row[column], k)
                out.append(row)
            with open(os.path.join(target, f"fold{k}", name), "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(out)
        print(f"fold {k}: {evaluated} evaluated, {warmed} warmed up on")


if __name__ == "__main__":
    main()
