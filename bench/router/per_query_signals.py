"""Per-query routing signals on the RouterBench warm-up part, cross-validated within it.

Reads only the queries that `switchyard eval replay --holdout 20` warms up on (the 80 % whose
SHA-256(sample_id) prefix mod 100 is at least 20, as in ReplaySplit.IsHeldOut), never the evaluated
20 %. It asks whether a signal the router could learn online, per query, gets to 97 % of
gpt-4-1106-preview's accuracy at 30 % of its cost.

Every policy is a two-stage cascade per task type: ask a cheap stage (one to three cheaper models),
score its answer, serve it when the score reaches a threshold, else ask gpt-4. Scores:

  exact     agreement of the stage's answers on normalised text (the router's current signal)
  votes     share of the stage's models giving the majority answer (three-way votes)
  similar   mean pairwise similarity of the answers: token-set Jaccard of the normalised answer
            (for code: the first fenced block, comments and blank lines dropped), so code answers
            that do the same thing in different words still count as agreeing
  knn       the k nearest earlier queries of the task type (cosine of hashed word and word-pair
            features of the question) -- the share of them the stage's first model answered right
  knn+sim   similarity, with the kNN estimate added as a second vote: (similar + knn) / 2

`hindsight` picks, per task type, the policy and threshold that are cheapest over all warm-up data
for the 97 % target (an upper bound: tuned on what it is scored on). `cv` picks them on four folds
(queries assigned to five folds by another hash of sample_id) and scores the fifth, rotating: the
honest estimate of what a router learning the same choice online would reach; kNN neighbours of a
query come only from the training folds.

Usage: python3 bench/router/per_query_signals.py [../shared/data/routerbench]   (pure python3, about 7 min on one core)
       python3 bench/router/per_query_signals.py ../shared/data/routerbench --votes-up-to 5
           only the agreement and vote signals, with stages of up to five of the cheaper models voting
           (majority served when its share reaches the threshold, else gpt-4); about 3 min

Results (2026-11-24) and what they mean for the router: docs/benchmarks.md, "Per-query routing".
"""
import ast
import csv
import hashlib
import itertools
import math
import re
import sys
from collections import Counter

csv.field_size_limit(10**9)
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
DATA = (ARGS[0] if ARGS else "../shared/data/routerbench").rstrip("/") + "/"
VOTES_UP_TO = int(sys.argv[sys.argv.index("--votes-up-to") + 1]) if "--votes-up-to" in sys.argv else None
if VOTES_UP_TO is not None:
    ARGS = [a for a in ARGS if a != str(VOTES_UP_TO)]
    DATA = (ARGS[0] if ARGS else "../shared/data/routerbench").rstrip("/") + "/"
FILES = ["arc_challenge_train.csv", "mbpp_train.csv", "winograde_train.csv"]
GPT4 = "gpt-4-1106-preview"
CHEAPER = ["mistralai/mixtral-8x7b-chat", "zero-one-ai/Yi-34B-Chat", "meta/llama-2-70b-chat", "mistralai/mistral-7b-chat",
           "WizardLM/WizardLM-13B-V1.2", "meta/code-llama-instruct-34b-chat", "claude-instant-v1", "gpt-3.5-turbo-1106"]
SHARE = 0.97
FOLDS = 5
K = 15
THRESHOLDS = [i / 20 for i in range(21)]


def h32(text):
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def held_out(sample_id):
    return h32(sample_id) % 100 < 20


def fold(sample_id):
    return h32("fold:" + sample_id) % FOLDS


def unwrap(cell):
    try:
        value = ast.literal_eval(cell)
        return "\n".join(value) if isinstance(value, list) else str(value)
    except (ValueError, SyntaxError):
        return cell


def key(text):
    return " ".join(text.split()).rstrip(".!;,)").lower()


def code_tokens(text):
    """Tokens of the answer's code (first fenced block if any), comments and docstrings dropped."""
    block = re.search(r"```[a-zA-Z0-9+]*\n(.*?)(```|$)", text, re.S)
    body = block.group(1) if block else text
    body = re.sub(r'""".*?"""|\'\'\'.*?\'\'\'', " ", body, flags=re.S)
    body = re.sub(r"#[^\n]*", " ", body)
    return set(re.findall(r"[A-Za-z_]\w*|\d+|[^\w\s]", body))


def question(prompt):
    """The query itself: few-shot prompts share their examples, so the last block is what differs."""
    return prompt.strip().split("\n\n")[-1]


def features(text):
    words = re.findall(r"\w+", text.lower())
    counts = Counter(words + [a + " " + b for a, b in zip(words, words[1:])])
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {w: v / norm for w, v in counts.items()}


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


class Query:
    def __init__(self, row):
        self.id = row["sample_id"]
        self.task = row["eval_name"]
        self.fold = fold(self.id)
        self.vec = features(question(unwrap(row["prompt"])))
        self.right, self.cost, self.text = {}, {}, {}
        for m in CHEAPER + [GPT4]:
            try:
                self.right[m] = float(row[m]) >= 0.5
            except ValueError:
                self.right[m] = False
            try:
                self.cost[m] = float(row[m + "|total_cost"])
            except ValueError:
                self.cost[m] = 0.0
            self.text[m] = unwrap(row[m + "|model_response"])
        self.key = {m: key(t) for m, t in self.text.items()}
        self.tokens = {m: code_tokens(t) for m, t in self.text.items()}
        self.sim = {}

    def similarity(self, a, b):
        pair = (a, b) if a < b else (b, a)
        if pair not in self.sim:
            ta, tb = self.tokens[a], self.tokens[b]
            self.sim[pair] = len(ta & tb) / len(ta | tb) if ta or tb else 1.0
        return self.sim[pair]


def knn_rates(queries, pool_of):
    """For each query, per cheap model, the share of its K nearest pool queries that model answered right."""
    rates = {}
    for q in queries:
        pool = pool_of(q)
        near = sorted(pool, key=lambda p: -cosine(q.vec, p.vec))[:K]
        rates[q.id] = {m: (sum(p.right[m] for p in near) + 1) / (len(near) + 2) for m in CHEAPER}
    return rates


def stage_scores(q, stage, rate):
    keys = [q.key[m] for m in stage]
    top = Counter(keys).most_common(1)[0]
    served = stage[keys.index(top[0])]
    exact = 1.0 if len(set(keys)) == 1 else 0.0
    votes = top[1] / len(stage)
    pairs = list(itertools.combinations(stage, 2))
    similar = sum(q.similarity(a, b) for a, b in pairs) / len(pairs) if pairs else 0.0
    knn = rate[stage[0]] if rate else 0.0
    return served, {"exact": exact, "votes": votes, "similar": similar, "knn": knn, "knn+sim": (similar + knn) / 2}


def stages_for(task):
    singles = [(m,) for m in CHEAPER]
    pairs = list(itertools.permutations(CHEAPER, 2))
    larger = [t for k in range(3, (VOTES_UP_TO or 3) + 1) for t in itertools.combinations(CHEAPER, k)]
    return singles + pairs + larger


def options(queries, rates, signals):
    """Pareto-optimal (policy, correct, cost) for one task type's queries."""
    found = [(("gpt-4",), sum(q.right[GPT4] for q in queries), sum(q.cost[GPT4] for q in queries))]
    for m in CHEAPER:
        found.append(((m, "alone"), sum(q.right[m] for q in queries), sum(q.cost[m] for q in queries)))
    cache = {}
    for stage in stages_for(queries[0].task):
        for q in queries:
            cache[(stage, q.id)] = stage_scores(q, stage, rates.get(q.id))
        for signal in signals:
            if len(stage) == 1 and signal != "knn":
                continue
            if signal == "knn" and len(stage) > 2:
                continue
            for threshold in (THRESHOLDS if signal not in ("exact",) else [1.0]):
                correct, spent = 0, 0.0
                for q in queries:
                    served, scores = cache[(stage, q.id)]
                    spent += sum(q.cost[m] for m in stage)
                    if scores[signal] >= threshold:
                        correct += q.right[served]
                    else:
                        spent += q.cost[GPT4]
                        correct += q.right[GPT4]
                found.append(((stage, signal, threshold), correct, spent))
    found.sort(key=lambda o: o[2])
    kept, most = [], -1
    for option in found:
        if option[1] > most:
            kept.append(option)
            most = option[1]
    return kept, cache


def combine(per_task, target):
    """Cheapest choice of one option per task type whose total correct reaches target."""
    front = [({}, 0, 0.0)]
    for t, opts in per_task.items():
        merged = sorted(((dict(c, **{t: o}), n + o[1], s + o[2]) for c, n, s in front for o in opts), key=lambda x: x[2])
        front, most = [], -1
        for item in merged:
            if item[1] > most:
                front.append(item)
                most = item[1]
    feasible = [(c, s, n) for c, n, s in front if n >= target]
    return min(feasible, key=lambda x: x[1]) if feasible else max(((c, s, n) for c, n, s in front), key=lambda x: x[2])


def apply(policy, queries, rates):
    if policy == ("gpt-4",):
        return sum(q.right[GPT4] for q in queries), sum(q.cost[GPT4] for q in queries)
    if policy[1] == "alone":
        return sum(q.right[policy[0]] for q in queries), sum(q.cost[policy[0]] for q in queries)
    stage, signal, threshold = policy
    correct, spent = 0, 0.0
    for q in queries:
        served, scores = stage_scores(q, stage, rates.get(q.id))
        spent += sum(q.cost[m] for m in stage)
        if scores[signal] >= threshold:
            correct += q.right[served]
        else:
            spent += q.cost[GPT4]
            correct += q.right[GPT4]
    return correct, spent


def name(policy):
    if policy == ("gpt-4",):
        return "gpt-4"
    if policy[1] == "alone":
        return policy[0].split("/")[-1]
    stage, signal, threshold = policy
    return f"{'+'.join(m.split('/')[-1] for m in stage)} {signal}>={threshold:g} else gpt-4"


def hindsight(families, by_task, tasks, rates, gpt4_correct, gpt4_cost):
    print("hindsight (policy and threshold per task type chosen on all warm-up data):")
    for label, signals in families.items():
        per_task = {t: options(by_task[t], rates, signals)[0] for t in tasks}
        best = combine(per_task, SHARE * gpt4_correct)
        print(f"  {label:34s} {best[2] / gpt4_correct:.1%} of gpt-4's accuracy at {best[1] / gpt4_cost:.1%} of its cost")
        for t in tasks:
            print(f"      {t}: {name(best[0][t][0])}")


def cross_validate(families, by_task, tasks, gpt4_correct, gpt4_cost):
    """Chooses on four folds, scores the fifth, rotating."""
    uses_knn = any(signal.startswith("knn") for signals in families.values() for signal in signals)
    print(f"\n{FOLDS}-fold cross-validation within the warm-up part (choice made on four folds, scored on the fifth):")
    for label, signals in families.items():
        total_correct, total_cost = 0, 0.0
        for k in range(FOLDS):
            train = {t: [q for q in by_task[t] if q.fold != k] for t in tasks}
            test = {t: [q for q in by_task[t] if q.fold == k] for t in tasks}
            rates = {}
            for t in tasks if uses_knn else []:
                rates.update(knn_rates(train[t], lambda q, t=t: [p for p in train[t] if p.id != q.id]))
                rates.update(knn_rates(test[t], lambda q, t=t: train[t]))
            train_gpt4 = sum(q.right[GPT4] for t in tasks for q in train[t])
            per_task = {t: options(train[t], rates, signals)[0] for t in tasks}
            best = combine(per_task, SHARE * train_gpt4)
            for t in tasks:
                c, s = apply(best[0][t][0], test[t], rates)
                total_correct += c
                total_cost += s
        print(f"  {label:34s} {total_correct / gpt4_correct:.1%} of gpt-4's accuracy at {total_cost / gpt4_cost:.1%} of its cost")


def main():
    queries = [Query(r) for f in FILES for r in csv.DictReader(open(DATA + f, newline="")) if not held_out(r["sample_id"])]
    tasks = sorted({q.task for q in queries})
    n = len(queries)
    gpt4_correct = sum(q.right[GPT4] for q in queries)
    gpt4_cost = sum(q.cost[GPT4] for q in queries)
    print(f"warm-up queries: {n}; gpt-4 accuracy {gpt4_correct / n:.4f}, USD/query {gpt4_cost / n:.6f}")
    print(f"target: {SHARE:.0%} of gpt-4's accuracy at <= 30 % of its cost\n")

    by_task = {t: [q for q in queries if q.task == t] for t in tasks}
    if VOTES_UP_TO is not None:
        global THRESHOLDS
        THRESHOLDS = [0.5, 0.6, 2 / 3, 0.75, 0.8, 1.0]
        families = {f"agreement and votes of up to {VOTES_UP_TO} models": ["exact", "votes"]}
        hindsight(families, by_task, tasks, {}, gpt4_correct, gpt4_cost)
        cross_validate(families, by_task, tasks, gpt4_correct, gpt4_cost)
        return

    # Hindsight, kNN rates by leave-one-out over all warm-up data of the task type.
    loo = {}
    for t in tasks:
        loo.update(knn_rates(by_task[t], lambda q, t=t: [p for p in by_task[t] if p.id != q.id]))
    families = {
        "exact agreement (today's signal)": ["exact"],
        "+ three-way votes": ["exact", "votes"],
        "+ answer similarity": ["exact", "votes", "similar"],
        "+ kNN outcome memory": ["exact", "votes", "similar", "knn", "knn+sim"],
    }
    hindsight(families, by_task, tasks, loo, gpt4_correct, gpt4_cost)

    # The router keeps its quality target per task type, not over the mix: each task type on its own
    # must keep 97 % of gpt-4's accuracy on it, so no task type can pay for another's savings.
    print("\nhindsight, 97 % kept within each task type (the router's target is per task type):")
    for label in ("exact agreement (today's signal)", "+ kNN outcome memory"):
        total_correct, total_cost = 0, 0.0
        for t in tasks:
            opts = options(by_task[t], loo, families[label])[0]
            need = SHARE * sum(q.right[GPT4] for q in by_task[t])
            choice = min((o for o in opts if o[1] >= need), key=lambda o: o[2])
            total_correct += choice[1]
            total_cost += choice[2]
        print(f"  {label:34s} {total_correct / gpt4_correct:.1%} of gpt-4's accuracy at {total_cost / gpt4_cost:.1%} of its cost")

    cross_validate(families, by_task, tasks, gpt4_correct, gpt4_cost)


if __name__ == "__main__":
    main()
