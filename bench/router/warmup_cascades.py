"""Hindsight bounds for per-task-type agreement cascades on the RouterBench warm-up part.

Reads only the queries that `switchyard eval replay --holdout 20` warms up on (the 80 % whose
SHA-256(sample_id) prefix mod 100 is at least 20), never the evaluated 20 %. For every task type it
scores fixed cascades -- a single model; agreement of 2 or 3 cheaper models, escalating to
gpt-4-1106-preview when they disagree; agreement of two, then agreement of the first with a third,
then gpt-4 -- and picks, per task type, the cheapest combination that keeps 97 % of gpt-4's accuracy
over the whole warm-up part. It also does the same within the router's three-tier shape (cheap =
an agreement deployment, mid = gpt-3.5-turbo-1106, frontier = gpt-4) for every cheap deployment.

Usage: python3 bench/router/warmup_cascades.py [../shared/data/routerbench]
"""
import csv
import hashlib
import itertools
import sys

csv.field_size_limit(10**9)
DATA = (sys.argv[1] if len(sys.argv) > 1 else "../shared/data/routerbench").rstrip("/") + "/"
FILES = ["arc_challenge_train.csv", "mbpp_train.csv", "winograde_train.csv"]
GPT4 = "gpt-4-1106-preview"
MID = "gpt-3.5-turbo-1106"
CHEAPER = ["mistralai/mixtral-8x7b-chat", "zero-one-ai/Yi-34B-Chat", "meta/llama-2-70b-chat", "mistralai/mistral-7b-chat",
           "WizardLM/WizardLM-13B-V1.2", "meta/code-llama-instruct-34b-chat", "claude-instant-v1", MID]


def held_out(sample_id):
    return int.from_bytes(hashlib.sha256(sample_id.encode()).digest()[:4], "big") % 100 < 20


def key(text):
    # The router's answer key: whitespace collapsed, trailing punctuation dropped, case-folded.
    return " ".join(text.split()).rstrip(".!;,)").lower()


def right(row, model):
    try:
        return float(row[model]) >= 0.5
    except ValueError:
        return False  # an empty cell: no usable answer, counted wrong


def cost(row, model):
    try:
        return float(row[model + "|total_cost"])
    except ValueError:
        return 0.0


def cascade(rows, stages):
    """Accuracy and cost of trying each stage (a tuple of models that must agree) in order; the last always answers."""
    correct, spent = 0, 0.0
    for row in rows:
        for i, stage in enumerate(stages):
            spent += sum(cost(row, m) for m in stage)
            if i == len(stages) - 1 or len({key(row[m + "|model_response"]) for m in stage}) == 1:
                correct += right(row, stage[0])
                break
    return correct, spent


def best_combination(options, target):
    best = None
    for combination in itertools.product(*options.values()):
        correct = sum(o[1] for o in combination)
        spent = sum(o[2] for o in combination)
        if correct >= target and (best is None or spent < best[1]):
            best = (combination, spent, correct)
    return best


def pareto(options):
    options.sort(key=lambda o: o[2])
    kept, most = [], -1
    for option in options:
        if option[1] > most:
            kept.append(option)
            most = option[1]
    return kept


rows = [r for f in FILES for r in csv.DictReader(open(DATA + f, newline="")) if not held_out(r["sample_id"])]
tasks = sorted({r["eval_name"] for r in rows})
by_task = {t: [r for r in rows if r["eval_name"] == t] for t in tasks}
n = len(rows)
gpt4_accuracy = sum(right(r, GPT4) for r in rows) / n
gpt4_cost = sum(cost(r, GPT4) for r in rows) / n
target = 0.97 * gpt4_accuracy * n
print(f"warm-up queries: {n}; gpt-4 accuracy {gpt4_accuracy:.4f}, USD/query {gpt4_cost:.6f}")

options = {}
for t, task_rows in by_task.items():
    candidates = [((GPT4,),)]
    candidates += [((m,),) for m in CHEAPER]
    candidates += [(s, (GPT4,)) for k in (2, 3) for s in itertools.permutations(CHEAPER, k) if k == 2 or s[1] < s[2]]
    candidates += [(s, (s[0], third), (GPT4,)) for s in itertools.permutations(CHEAPER, 2) for third in CHEAPER if third not in s]
    options[t] = pareto([(stages, *cascade(task_rows, stages)) for stages in candidates])

best = best_combination(options, target)
print(f"free per-task-type cascades: {best[2] / n / gpt4_accuracy:.1%} of gpt-4's accuracy at {best[1] / n / gpt4_cost:.1%} of its cost")
for t, (stages, correct, spent) in zip(tasks, best[0]):
    print(f"  {t}: {' -> '.join('+'.join(m.split('/')[-1] for m in s) for s in stages)}")

results = []
for k in (2, 3):
    for models in itertools.combinations(CHEAPER, k):
        for first in models:
            cheap = (first, *[m for m in models if m != first])
            shapes = [[cheap], [cheap, (GPT4,)], [cheap, (MID,)], [cheap, (MID,), (GPT4,)], [(MID,)], [(MID,), (GPT4,)], [(GPT4,)]]
            tiered = {t: [(s, *cascade(by_task[t], s)) for s in shapes] for t in tasks}
            found = best_combination(tiered, target)
            if found:
                results.append((found[1] / n / gpt4_cost, found[2] / n / gpt4_accuracy, cheap))
results.sort()
print("three tiers (cheap = agreement, mid = gpt-3.5, frontier = gpt-4), best cheap deployments:")
for share_of_cost, share_of_accuracy, cheap in results[:5]:
    print(f"  cheap={'+'.join(m.split('/')[-1] for m in cheap)}: {share_of_accuracy:.1%} at {share_of_cost:.1%}")
